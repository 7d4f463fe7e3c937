package dev.prodtrack.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A comment on a task ({@code comment}). Every comment carries the status it set.
 *
 * <p>Mentions are computed from the text by the engine; the preview flag records whether a preview
 * revision is attached (previews themselves are not modelled).
 *
 * @param id the id
 * @param taskId the task (Kitsu's {@code object_id})
 * @param taskStatusId the status the comment set
 * @param personId the author
 * @param editorId the last editor, nullable
 * @param text the text, may be empty
 * @param data free metadata
 * @param replies the replies
 * @param checklist the checklist
 * @param pinned whether pinned; nullable as in Kitsu
 * @param forClient visible to clients
 * @param links URLs
 * @param mentions persons mentioned in the text
 * @param departmentMentions departments mentioned in the text
 * @param acknowledgements persons who acknowledged the comment
 * @param attachments attachment metadata
 * @param hasPreview whether a preview revision is attached
 * @param createdAt when the row was created
 * @param updatedAt when the row was last updated
 */
public record Comment(
    CommentId id,
    TaskId taskId,
    TaskStatusId taskStatusId,
    PersonId personId,
    PersonId editorId,
    String text,
    Map<String, Object> data,
    List<Reply> replies,
    List<ChecklistItem> checklist,
    Boolean pinned,
    boolean forClient,
    List<String> links,
    List<PersonId> mentions,
    List<DepartmentId> departmentMentions,
    List<PersonId> acknowledgements,
    List<Attachment> attachments,
    boolean hasPreview,
    Instant createdAt,
    Instant updatedAt) {

  /** Validates the components and copies the collections. */
  public Comment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(taskStatusId, "taskStatusId");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(text, "text");
    data = Data.copyOf(data);
    replies = List.copyOf(Objects.requireNonNull(replies, "replies"));
    checklist = List.copyOf(Objects.requireNonNull(checklist, "checklist"));
    links = List.copyOf(Objects.requireNonNull(links, "links"));
    mentions = List.copyOf(Objects.requireNonNull(mentions, "mentions"));
    departmentMentions = List.copyOf(Objects.requireNonNull(departmentMentions, "departmentMentions"));
    acknowledgements = List.copyOf(Objects.requireNonNull(acknowledgements, "acknowledgements"));
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Returns a copy with another taskId.
   *
   * @param value the new taskId
   * @return the copy
   */
  public Comment withTaskId(TaskId value) {
    return new Comment(id, value, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another taskStatusId.
   *
   * @param value the new taskStatusId
   * @return the copy
   */
  public Comment withTaskStatusId(TaskStatusId value) {
    return new Comment(id, taskId, value, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another personId.
   *
   * @param value the new personId
   * @return the copy
   */
  public Comment withPersonId(PersonId value) {
    return new Comment(id, taskId, taskStatusId, value, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another editorId.
   *
   * @param value the new editorId
   * @return the copy
   */
  public Comment withEditorId(PersonId value) {
    return new Comment(id, taskId, taskStatusId, personId, value, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another text.
   *
   * @param value the new text
   * @return the copy
   */
  public Comment withText(String value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, value, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another data.
   *
   * @param value the new data
   * @return the copy
   */
  public Comment withData(Map<String, Object> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, value, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another replies.
   *
   * @param value the new replies
   * @return the copy
   */
  public Comment withReplies(List<Reply> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, value, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another checklist.
   *
   * @param value the new checklist
   * @return the copy
   */
  public Comment withChecklist(List<ChecklistItem> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, value, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another pinned.
   *
   * @param value the new pinned
   * @return the copy
   */
  public Comment withPinned(Boolean value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, value, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another forClient.
   *
   * @param value the new forClient
   * @return the copy
   */
  public Comment withForClient(boolean value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, value, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another links.
   *
   * @param value the new links
   * @return the copy
   */
  public Comment withLinks(List<String> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, value, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another mentions.
   *
   * @param value the new mentions
   * @return the copy
   */
  public Comment withMentions(List<PersonId> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, value, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another departmentMentions.
   *
   * @param value the new departmentMentions
   * @return the copy
   */
  public Comment withDepartmentMentions(List<DepartmentId> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, value, acknowledgements, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another acknowledgements.
   *
   * @param value the new acknowledgements
   * @return the copy
   */
  public Comment withAcknowledgements(List<PersonId> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, value, attachments, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another attachments.
   *
   * @param value the new attachments
   * @return the copy
   */
  public Comment withAttachments(List<Attachment> value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, value, hasPreview, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another hasPreview.
   *
   * @param value the new hasPreview
   * @return the copy
   */
  public Comment withHasPreview(boolean value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, value, createdAt, updatedAt);
  }

  /**
   * Returns a copy with another createdAt.
   *
   * @param value the new createdAt
   * @return the copy
   */
  public Comment withCreatedAt(Instant value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, value, updatedAt);
  }

  /**
   * Returns a copy with another updatedAt.
   *
   * @param value the new updatedAt
   * @return the copy
   */
  public Comment withUpdatedAt(Instant value) {
    return new Comment(id, taskId, taskStatusId, personId, editorId, text, data, replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments, hasPreview, createdAt, value);
  }
}
