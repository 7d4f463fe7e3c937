package dev.prodtrack;

import dev.prodtrack.model.Id;
import java.util.List;
import java.util.Objects;

/**
 * A domain rule refused the operation (Kitsu answers 400): a duplicate name or task, a task type that
 * does not fit the entity kind, a record still in use, a task with dependants deleted without force, a
 * time spent for a person who is not assigned. {@link #rule()} names the rule; {@link #ids()} carries
 * the records involved.
 */
public final class RuleViolationException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  /** The rules this exception reports. */
  public enum Rule {
    /** A name that must be unique is taken (project, task type, status short name, department...). */
    DUPLICATE_NAME,
    /** A task with the same name, project, task type and entity exists. */
    DUPLICATE_TASK,
    /** The task type's {@code for_entity} does not match the entity kind. */
    FOR_ENTITY_MISMATCH,
    /** The task type is not in the asset type's workflow. */
    NOT_IN_WORKFLOW,
    /** The record is referenced and cannot be deleted. */
    IN_USE,
    /** The task has time spents, comments, notifications or news: delete with force. */
    HAS_DEPENDANTS,
    /** Time can only be logged for an assignee of the task. */
    NOT_ASSIGNED,
    /** An entity's parent has the wrong kind or project. */
    BAD_PARENT,
    /** The record belongs to another project than the one named. */
    WRONG_PROJECT,
    /** The person has no time spent on that task and day. */
    NO_TIME_SPENT,
    /** The studio already has people: the first admin can only be created in an empty studio. */
    STUDIO_NOT_EMPTY,
    /** The status or type needed is missing (e.g. no status with short name "wip"). */
    MISSING_REFERENCE,
    /** The comment is not on the task the call names. */
    COMMENT_NOT_ON_TASK,
    /** A comment cannot move to the task it is on. */
    SAME_TASK,
    /** A comment moves only between tasks of one entity. */
    DIFFERENT_ENTITY,
    /** A comment attached to a preview revision cannot move. */
    HAS_PREVIEW,
    /** Status automations triggered one another in a loop. */
    AUTOMATION_LOOP,
    /** The two tasks are already linked by a stored dependency. */
    DUPLICATE_DEPENDENCY
  }

  private final Rule rule;
  private final transient List<Id> ids;

  /**
   * Creates the exception.
   *
   * @param rule the rule broken
   * @param message what, which and why
   * @param ids the records involved
   */
  public RuleViolationException(Rule rule, String message, Id... ids) {
    super(message);
    this.rule = Objects.requireNonNull(rule);
    this.ids = List.of(ids);
  }

  /** @return the rule broken */
  public Rule rule() {
    return rule;
  }

  /** @return the records involved, in the order the message names them */
  public List<Id> ids() {
    return ids;
  }
}
