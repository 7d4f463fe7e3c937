package dev.prodtrack.model;

import java.util.Objects;

/**
 * A department ({@code department}); task types and people belong to departments.
 *
 * @param id the id
 * @param name the name, unique
 * @param color the colour, {@code #RRGGBB}
 * @param archived whether archived
 */
public record Department(
    DepartmentId id,
    String name,
    String color,
    boolean archived) {

  /** Validates the components and copies the collections. */
  public Department {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(color, "color");
    if (name.isBlank()) {
      throw new IllegalArgumentException("department name must not be blank");
    }
  }

  /**
   * Returns a copy with another name.
   *
   * @param value the new name
   * @return the copy
   */
  public Department withName(String value) {
    return new Department(id, value, color, archived);
  }

  /**
   * Returns a copy with another color.
   *
   * @param value the new color
   * @return the copy
   */
  public Department withColor(String value) {
    return new Department(id, name, value, archived);
  }

  /**
   * Returns a copy with another archived.
   *
   * @param value the new archived
   * @return the copy
   */
  public Department withArchived(boolean value) {
    return new Department(id, name, color, value);
  }
}
