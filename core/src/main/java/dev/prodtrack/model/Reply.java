package dev.prodtrack.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A reply to a comment; stored inside the comment, as in Kitsu.
 *
 * @param id the id
 * @param date when it was written
 * @param personId the author
 * @param text the text
 * @param mentions persons mentioned
 * @param departmentMentions departments mentioned
 */
public record Reply(
    UUID id,
    Instant date,
    PersonId personId,
    String text,
    List<PersonId> mentions,
    List<DepartmentId> departmentMentions) {

  /** Validates the components and copies the collections. */
  public Reply {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(text, "text");
    mentions = List.copyOf(Objects.requireNonNull(mentions, "mentions"));
    departmentMentions = List.copyOf(Objects.requireNonNull(departmentMentions, "departmentMentions"));
  }
}
