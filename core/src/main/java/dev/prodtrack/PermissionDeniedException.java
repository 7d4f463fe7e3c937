package dev.prodtrack;

import dev.prodtrack.model.Id;
import dev.prodtrack.model.PersonId;
import java.util.Objects;

/** The acting person may not do this (Kitsu answers 403). */
public final class PermissionDeniedException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  private final transient PersonId actor;
  private final String action;
  private final transient Id target;

  /**
   * Creates the exception.
   *
   * @param actor the acting person
   * @param action the operation refused, e.g. {@code "add_comment"}
   * @param target the record the operation was on, nullable for studio-wide operations
   * @param why the rule that refused it
   */
  public PermissionDeniedException(PersonId actor, String action, Id target, String why) {
    super("person " + actor + " may not " + action + (target == null ? "" : " on " + target) + ": " + why);
    this.actor = Objects.requireNonNull(actor);
    this.action = Objects.requireNonNull(action);
    this.target = target;
  }

  /**
   * The acting person.
   *
   * @return the person's id
   */
  public PersonId actor() {
    return actor;
  }

  /**
   * The refused operation.
   *
   * @return its gazu-style name
   */
  public String action() {
    return action;
  }

  /**
   * The record the operation was on.
   *
   * @return the id, or null for a studio-wide operation
   */
  public Id target() {
    return target;
  }
}
