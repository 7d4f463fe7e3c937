package dev.prodtrack.model;

import java.util.Objects;

/**
 * One line of a comment's checklist.
 *
 * @param text the text
 * @param checked whether checked
 */
public record ChecklistItem(
    String text,
    boolean checked) {

  /** Validates the components and copies the collections. */
  public ChecklistItem {
    Objects.requireNonNull(text, "text");
  }
}
