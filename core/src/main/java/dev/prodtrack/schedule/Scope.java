package dev.prodtrack.schedule;

import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.TaskTypeId;
import java.util.Objects;

/**
 * Which tasks of a project a metric covers: the whole project, or narrowed to an episode, a sequence, a
 * task type, a department (of the task type) and/or a person (an assignee). Null filters are ignored.
 *
 * @param project the project
 * @param episode the episode (the tasks of its sequences' shots and scenes, and of its own children), nullable
 * @param sequence the sequence (the tasks of its shots and scenes), nullable
 * @param taskType the task type, nullable
 * @param department the department of the task type, nullable
 * @param person an assignee; person-scoped efforts are split evenly among assignees, nullable
 */
public record Scope(ProjectId project, EntityId episode, EntityId sequence, TaskTypeId taskType,
    DepartmentId department, PersonId person) {

  /** Checks the project. */
  public Scope {
    Objects.requireNonNull(project, "project");
  }

  /**
   * The whole project.
   *
   * @param project the project
   * @return the scope
   */
  public static Scope of(ProjectId project) {
    return new Scope(project, null, null, null, null, null);
  }

  /**
   * Narrowed to an episode.
   *
   * @param value the episode
   * @return a copy
   */
  public Scope withEpisode(EntityId value) {
    return new Scope(project, value, sequence, taskType, department, person);
  }

  /**
   * Narrowed to a sequence.
   *
   * @param value the sequence
   * @return a copy
   */
  public Scope withSequence(EntityId value) {
    return new Scope(project, episode, value, taskType, department, person);
  }

  /**
   * Narrowed to a task type.
   *
   * @param value the task type
   * @return a copy
   */
  public Scope withTaskType(TaskTypeId value) {
    return new Scope(project, episode, sequence, value, department, person);
  }

  /**
   * Narrowed to a department.
   *
   * @param value the department
   * @return a copy
   */
  public Scope withDepartment(DepartmentId value) {
    return new Scope(project, episode, sequence, taskType, value, person);
  }

  /**
   * Narrowed to a person's tasks.
   *
   * @param value the person
   * @return a copy
   */
  public Scope withPerson(PersonId value) {
    return new Scope(project, episode, sequence, taskType, department, value);
  }
}
