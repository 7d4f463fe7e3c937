package dev.prodtrack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a project's news feed ({@code news}): one per task comment, none for concepts.
 *
 * @param id the id
 * @param projectId the project (for the feed; Kitsu derives it from the task)
 * @param taskId the task
 * @param commentId the comment
 * @param authorId the comment's author
 * @param change whether the comment changed the task's status
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record News(
    NewsId id,
    ProjectId projectId,
    TaskId taskId,
    CommentId commentId,
    PersonId authorId,
    boolean change,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public News {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Returns a copy with another projectId.
   *
   * @param value the new projectId
   * @return the copy
   */
  public News withProjectId(ProjectId value) {
    return new News(id, value, taskId, commentId, authorId, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskId.
   *
   * @param value the new taskId
   * @return the copy
   */
  public News withTaskId(TaskId value) {
    return new News(id, projectId, value, commentId, authorId, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another commentId.
   *
   * @param value the new commentId
   * @return the copy
   */
  public News withCommentId(CommentId value) {
    return new News(id, projectId, taskId, value, authorId, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another authorId.
   *
   * @param value the new authorId
   * @return the copy
   */
  public News withAuthorId(PersonId value) {
    return new News(id, projectId, taskId, commentId, value, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another change.
   *
   * @param value the new change
   * @return the copy
   */
  public News withChange(boolean value) {
    return new News(id, projectId, taskId, commentId, authorId, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public News withCreatedAt(Instant value) {
    return new News(id, projectId, taskId, commentId, authorId, change, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public News withUpdatedAt(Instant value) {
    return new News(id, projectId, taskId, commentId, authorId, change, createdAt, value);
  }
}
