package dev.prodtrack.event;

/** The Kitsu event names the engine publishes. */
public final class EventNames {
  private EventNames() {}

  /** A task was created: {@code task_id}. */
  public static final String TASK_NEW = "task:new";
  /** A task changed: {@code task_id}. */
  public static final String TASK_UPDATE = "task:update";
  /** A task was deleted: {@code task_id}. */
  public static final String TASK_DELETE = "task:delete";
  /** A person was assigned: {@code task_id}, {@code person_id}. */
  public static final String TASK_ASSIGN = "task:assign";
  /** A person was unassigned: {@code task_id}, {@code person_id}. */
  public static final String TASK_UNASSIGN = "task:unassign";
  /** A comment changed the status: {@code task_id}, {@code new_task_status_id}, {@code previous_task_status_id}, {@code person_id}. */
  public static final String TASK_STATUS_CHANGED = "task:status-changed";
  /** A comment moved the task into a feedback-request status: as status-changed plus {@code comment_id}. */
  public static final String TASK_TO_REVIEW = "task:to-review";
  /** A comment was posted: {@code comment_id}, {@code task_id}, {@code task_status_id}. */
  public static final String COMMENT_NEW = "comment:new";
  /** A comment was edited: {@code comment_id}. */
  public static final String COMMENT_UPDATE = "comment:update";
  /** A comment was deleted: {@code comment_id}. */
  public static final String COMMENT_DELETE = "comment:delete";
  /** A time spent was created: {@code time_spent_id}. */
  public static final String TIME_SPENT_NEW = "time-spent:new";
  /** A time spent changed: {@code time_spent_id}. */
  public static final String TIME_SPENT_UPDATE = "time-spent:update";
  /** A time spent was removed: {@code time_spent_id}. */
  public static final String TIME_SPENT_DELETE = "time-spent:delete";
  /** A task type was created: {@code task_type_id}. */
  public static final String TASK_TYPE_NEW = "task-type:new";
  /** A task type changed: {@code task_type_id}. */
  public static final String TASK_TYPE_UPDATE = "task-type:update";
  /** A task type was deleted: {@code task_type_id}. */
  public static final String TASK_TYPE_DELETE = "task-type:delete";
  /** A task status was created: {@code task_status_id}. */
  public static final String TASK_STATUS_NEW = "task-status:new";
  /** A task status was deleted: {@code task_status_id}. */
  public static final String TASK_STATUS_DELETE = "task-status:delete";
  /** A project was created: {@code project_id}. */
  public static final String PROJECT_NEW = "project:new";
  /** A project changed (settings, team, links, open state): {@code project_id}. */
  public static final String PROJECT_UPDATE = "project:update";
  /** A person was created: {@code person_id}. */
  public static final String PERSON_NEW = "person:new";
  /** A person changed: {@code person_id}. */
  public static final String PERSON_UPDATE = "person:update";
  /** A department was created: {@code department_id}. */
  public static final String DEPARTMENT_NEW = "department:new";
  /** An asset type was created: {@code asset_type_id}. */
  public static final String ASSET_TYPE_NEW = "asset-type:new";
  /** An asset type changed (e.g. its workflow): {@code asset_type_id}. */
  public static final String ASSET_TYPE_UPDATE = "asset-type:update";
  /** An asset changed (e.g. marked ready for a task type by an automation): {@code asset_id}. */
  public static final String ASSET_UPDATE = "asset:update";
  /** An asset was created: {@code asset_id}. */
  public static final String ASSET_NEW = "asset:new";
  /** An episode was created: {@code episode_id}. */
  public static final String EPISODE_NEW = "episode:new";
  /** A sequence was created: {@code sequence_id}. */
  public static final String SEQUENCE_NEW = "sequence:new";
  /** A shot was created: {@code shot_id}. */
  public static final String SHOT_NEW = "shot:new";
  /** A shot changed (frames, description, data): {@code shot_id}. */
  public static final String SHOT_UPDATE = "shot:update";
  /** A scene was created: {@code scene_id}. */
  public static final String SCENE_NEW = "scene:new";
  /** An edit was created: {@code edit_id}. */
  public static final String EDIT_NEW = "edit:new";
  /** A concept was created: {@code concept_id}. */
  public static final String CONCEPT_NEW = "concept:new";
  /** A day off was created: {@code day_off_id}. */
  public static final String DAY_OFF_NEW = "day-off:new";
  /** A task dependency was stored: {@code task_dependency_id}, {@code predecessor_id}, {@code successor_id}. */
  public static final String TASK_DEPENDENCY_NEW = "task-dependency:new";
  /** A task dependency was removed: {@code task_dependency_id}, {@code predecessor_id}, {@code successor_id}. */
  public static final String TASK_DEPENDENCY_DELETE = "task-dependency:delete";
}
