package dev.prodtrack.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification for one person ({@code notification}): a comment, a mention, an assignment or a
 * reply that concerns them. Read or unread per person.
 *
 * @param id the id
 * @param personId the recipient
 * @param authorId who caused it
 * @param type why the person is notified
 * @param taskId the task
 * @param commentId the comment, nullable (assignations have none)
 * @param replyId the reply, nullable
 * @param read whether the recipient read it
 * @param change whether the comment changed the task's status
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Notification(
    NotificationId id,
    PersonId personId,
    PersonId authorId,
    NotificationType type,
    TaskId taskId,
    CommentId commentId,
    UUID replyId,
    boolean read,
    boolean change,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Returns a copy with another personId.
   *
   * @param value the new personId
   * @return the copy
   */
  public Notification withPersonId(PersonId value) {
    return new Notification(id, value, authorId, type, taskId, commentId, replyId, read, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another authorId.
   *
   * @param value the new authorId
   * @return the copy
   */
  public Notification withAuthorId(PersonId value) {
    return new Notification(id, personId, value, type, taskId, commentId, replyId, read, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another type.
   *
   * @param value the new type
   * @return the copy
   */
  public Notification withType(NotificationType value) {
    return new Notification(id, personId, authorId, value, taskId, commentId, replyId, read, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskId.
   *
   * @param value the new taskId
   * @return the copy
   */
  public Notification withTaskId(TaskId value) {
    return new Notification(id, personId, authorId, type, value, commentId, replyId, read, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another commentId.
   *
   * @param value the new commentId
   * @return the copy
   */
  public Notification withCommentId(CommentId value) {
    return new Notification(id, personId, authorId, type, taskId, value, replyId, read, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another replyId.
   *
   * @param value the new replyId
   * @return the copy
   */
  public Notification withReplyId(UUID value) {
    return new Notification(id, personId, authorId, type, taskId, commentId, value, read, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another read.
   *
   * @param value the new read
   * @return the copy
   */
  public Notification withRead(boolean value) {
    return new Notification(id, personId, authorId, type, taskId, commentId, replyId, value, change, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another change.
   *
   * @param value the new change
   * @return the copy
   */
  public Notification withChange(boolean value) {
    return new Notification(id, personId, authorId, type, taskId, commentId, replyId, read, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Notification withCreatedAt(Instant value) {
    return new Notification(id, personId, authorId, type, taskId, commentId, replyId, read, change, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Notification withUpdatedAt(Instant value) {
    return new Notification(id, personId, authorId, type, taskId, commentId, replyId, read, change, createdAt, value);
  }
}
