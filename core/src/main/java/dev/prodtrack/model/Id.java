package dev.prodtrack.model;

import java.util.Objects;
import java.util.UUID;

/** A typed id: every record kind has its own id type wrapping a UUID. */
public sealed interface Id
    permits ProjectId, PersonId, DepartmentId, EntityTypeId, EntityId, TaskTypeId, TaskStatusId, TaskId,
        CommentId, TimeSpentId, DayOffId, NotificationId, NewsId, SubscriptionId,
        StatusAutomationId, TaskDependencyId {

  /**
   * The UUID behind this id.
   *
   * @return the UUID, never null
   */
  UUID value();

  /**
   * Parses a UUID, naming the bad value in the error.
   *
   * @param text the text to parse
   * @return the UUID
   * @throws IllegalArgumentException if {@code text} is not a UUID
   */
  static UUID parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a UUID: '" + text + "'", e);
    }
  }
}
