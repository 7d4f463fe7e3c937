package dev.prodtrack;

import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskTypeId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The filters and paging of gazu's {@code all_open_tasks} (Kitsu's {@code GET /data/tasks/open-tasks}).
 * Every filter is optional (null or empty means no filter).
 *
 * @param project only this project (which the caller must be able to read, open or not)
 * @param taskType only this task type; when set, concept task types are not excluded
 * @param taskStatus only this status
 * @param persons only tasks assigned to one of these people
 * @param unassigned only tasks with no assignee
 * @param department only task types of this department
 * @param startDateFrom only tasks whose start date is on or after this day
 * @param dueDateTo only tasks whose due date is on or before this day
 * @param taskTypePriority only task types of this (task type) priority, as Kitsu filters
 * @param page the page, 1-based
 * @param limit rows per page (Kitsu's default 100)
 */
public record OpenTasksQuery(ProjectId project, TaskTypeId taskType, TaskStatusId taskStatus, List<PersonId> persons,
    boolean unassigned, DepartmentId department, LocalDate startDateFrom, LocalDate dueDateTo,
    Integer taskTypePriority, int page, int limit) {

  /** No filter, first page of 100. */
  public static final OpenTasksQuery ALL =
      new OpenTasksQuery(null, null, null, List.of(), false, null, null, null, null, 1, 100);

  /** Validates paging and copies the person list. */
  public OpenTasksQuery {
    persons = List.copyOf(Objects.requireNonNull(persons, "persons"));
    if (page < 1) {
      throw new IllegalArgumentException("page is 1-based, was " + page);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
  }

  /**
   * Restricts to a project.
   *
   * @param value the project
   * @return a copy
   */
  public OpenTasksQuery withProject(ProjectId value) {
    return new OpenTasksQuery(value, taskType, taskStatus, persons, unassigned, department, startDateFrom,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to a task type.
   *
   * @param value the task type
   * @return a copy
   */
  public OpenTasksQuery withTaskType(TaskTypeId value) {
    return new OpenTasksQuery(project, value, taskStatus, persons, unassigned, department, startDateFrom,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to a status.
   *
   * @param value the status
   * @return a copy
   */
  public OpenTasksQuery withTaskStatus(TaskStatusId value) {
    return new OpenTasksQuery(project, taskType, value, persons, unassigned, department, startDateFrom,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to tasks assigned to one of these people.
   *
   * @param value the people
   * @return a copy
   */
  public OpenTasksQuery withPersons(List<PersonId> value) {
    return new OpenTasksQuery(project, taskType, taskStatus, value, unassigned, department, startDateFrom,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to unassigned tasks.
   *
   * @param value whether to keep only unassigned tasks
   * @return a copy
   */
  public OpenTasksQuery withUnassigned(boolean value) {
    return new OpenTasksQuery(project, taskType, taskStatus, persons, value, department, startDateFrom,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to a department's task types.
   *
   * @param value the department
   * @return a copy
   */
  public OpenTasksQuery withDepartment(DepartmentId value) {
    return new OpenTasksQuery(project, taskType, taskStatus, persons, unassigned, value, startDateFrom,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to tasks starting on or after a day.
   *
   * @param value the day
   * @return a copy
   */
  public OpenTasksQuery withStartDateFrom(LocalDate value) {
    return new OpenTasksQuery(project, taskType, taskStatus, persons, unassigned, department, value,
        dueDateTo, taskTypePriority, page, limit);
  }

  /**
   * Restricts to tasks due on or before a day.
   *
   * @param value the day
   * @return a copy
   */
  public OpenTasksQuery withDueDateTo(LocalDate value) {
    return new OpenTasksQuery(project, taskType, taskStatus, persons, unassigned, department, startDateFrom,
        value, taskTypePriority, page, limit);
  }

  /**
   * Restricts to task types of a priority.
   *
   * @param value the task type priority
   * @return a copy
   */
  public OpenTasksQuery withTaskTypePriority(Integer value) {
    return new OpenTasksQuery(project, taskType, taskStatus, persons, unassigned, department, startDateFrom,
        dueDateTo, value, page, limit);
  }

  /**
   * Selects a page.
   *
   * @param pageNumber the page, 1-based
   * @param rows rows per page
   * @return a copy
   */
  public OpenTasksQuery withPage(int pageNumber, int rows) {
    return new OpenTasksQuery(project, taskType, taskStatus, persons, unassigned, department, startDateFrom,
        dueDateTo, taskTypePriority, pageNumber, rows);
  }
}
