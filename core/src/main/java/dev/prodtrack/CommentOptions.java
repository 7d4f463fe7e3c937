package dev.prodtrack;

import dev.prodtrack.model.Attachment;
import dev.prodtrack.model.ChecklistItem;
import dev.prodtrack.model.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The optional parts of a new comment (gazu {@code add_comment}'s keyword arguments).
 *
 * <p>As in Kitsu, {@code author}, {@code createdAt} and {@code forClient} are honoured only when the
 * caller is an admin or a manager of the project; for anyone else the author is the caller, the date is
 * now and the comment is not for clients.
 *
 * @param author who the comment is posted as, or null for the caller
 * @param createdAt the comment's date (a back-date), or null for now
 * @param attachments attachment metadata
 * @param checklist the checklist
 * @param links URLs
 * @param forClient visible to clients
 */
public record CommentOptions(PersonId author, Instant createdAt, List<Attachment> attachments,
    List<ChecklistItem> checklist, List<String> links, boolean forClient) {

  /** No options: posted by the caller, now, with nothing attached. */
  public static final CommentOptions NONE = new CommentOptions(null, null, List.of(), List.of(), List.of(), false);

  /** Copies the lists. */
  public CommentOptions {
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    checklist = List.copyOf(Objects.requireNonNull(checklist, "checklist"));
    links = List.copyOf(Objects.requireNonNull(links, "links"));
  }

  /**
   * Posts as another person (managers only).
   *
   * @param value the author
   * @return a copy
   */
  public CommentOptions withAuthor(PersonId value) {
    return new CommentOptions(value, createdAt, attachments, checklist, links, forClient);
  }

  /**
   * Dates the comment (managers only); an older date than the task's last comment triggers a replay.
   *
   * @param value the date
   * @return a copy
   */
  public CommentOptions withCreatedAt(Instant value) {
    return new CommentOptions(author, value, attachments, checklist, links, forClient);
  }

  /**
   * Attaches files' metadata.
   *
   * @param value the attachments
   * @return a copy
   */
  public CommentOptions withAttachments(List<Attachment> value) {
    return new CommentOptions(author, createdAt, value, checklist, links, forClient);
  }

  /**
   * Adds a checklist.
   *
   * @param value the items
   * @return a copy
   */
  public CommentOptions withChecklist(List<ChecklistItem> value) {
    return new CommentOptions(author, createdAt, attachments, value, links, forClient);
  }

  /**
   * Adds links.
   *
   * @param value the URLs
   * @return a copy
   */
  public CommentOptions withLinks(List<String> value) {
    return new CommentOptions(author, createdAt, attachments, checklist, value, forClient);
  }

  /**
   * Marks the comment visible to clients (managers only).
   *
   * @param value whether clients see it
   * @return a copy
   */
  public CommentOptions withForClient(boolean value) {
    if (value == forClient) {
      return this;
    }
    return new CommentOptions(author, createdAt, attachments, checklist, links, value);
  }
}
