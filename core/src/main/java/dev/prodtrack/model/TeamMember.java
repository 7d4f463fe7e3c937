package dev.prodtrack.model;

import java.util.Objects;

/**
 * A member of a project team ({@code project_person_link}) with an optional per-project role.
 *
 * @param personId the member
 * @param role the project role, or null to inherit the global role; {@code ADMIN} here is ignored
 */
public record TeamMember(
    PersonId personId,
    Role role) {

  /** Validates the components and copies the collections. */
  public TeamMember {
    Objects.requireNonNull(personId, "personId");
  }
}
