package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.NewsId;
import dev.prodtrack.model.NotificationId;
import java.util.List;
import org.eclipse.collections.api.list.MutableList;
import org.eclipse.collections.impl.list.mutable.FastList;

/**
 * What {@link State} keeps per task about its conversation: its comments (oldest first, by created_at then
 * posting order), the ids of its notifications and the ids of its news, in one object reached by one probe
 * of {@link State#logs}.
 *
 * <p>Design note. A comment with a status change adds a comment, a news entry and a notification per
 * recipient to the same task; three maps keyed by task id (one per kind) cost three probes of tables of
 * 10⁵–10⁶ entries, each a cache miss, where one entry holding the three lists costs one. Each list is made on
 * its first element and dropped (set to null) when it empties, so a task with comments and no notification
 * pays for no notification list; {@link State} drops the whole entry once the three are gone. The lists of
 * notifications and news keep the order their ids arrived in (compared as sets by the invariant check); the
 * comments are kept in order by {@link State}. Changed by the state's single writer only, read under the
 * engine's lock.
 */
final class TaskLog {
  /** The task's comments, oldest first; null when it has none. */
  MutableList<Comment> comments;
  /** The ids of the task's notifications; null when it has none. */
  MutableList<NotificationId> notifications;
  /** The ids of the task's news; null when it has none. */
  MutableList<NewsId> news;

  /**
   * The comment list, made when absent.
   *
   * @return the list
   */
  MutableList<Comment> comments() {
    MutableList<Comment> list = comments;
    if (list == null) {
      list = new FastList<>(4);
      comments = list;
    }
    return list;
  }

  /**
   * Adds a notification id.
   *
   * @param id the id
   */
  void addNotification(NotificationId id) {
    if (notifications == null) {
      notifications = new FastList<>(4);
    }
    notifications.add(id);
  }

  /**
   * Adds a news id.
   *
   * @param id the id
   */
  void addNews(NewsId id) {
    if (news == null) {
      news = new FastList<>(2);
    }
    news.add(id);
  }

  /**
   * Removes a notification id (its first occurrence); drops the list when it empties.
   *
   * @param id the id
   */
  void removeNotification(NotificationId id) {
    if (notifications != null && notifications.remove(id) && notifications.isEmpty()) {
      notifications = null;
    }
  }

  /**
   * Removes a news id (its first occurrence); drops the list when it empties.
   *
   * @param id the id
   */
  void removeNews(NewsId id) {
    if (news != null && news.remove(id) && news.isEmpty()) {
      news = null;
    }
  }

  /** Drops the comment list when it is empty. */
  void trimComments() {
    if (comments != null && comments.isEmpty()) {
      comments = null;
    }
  }

  /**
   * Whether the log holds nothing (its entry can go).
   *
   * @return true when the three lists are gone
   */
  boolean isEmpty() {
    return comments == null && notifications == null && news == null;
  }

  /**
   * A read-only view of a list, empty for none.
   *
   * @param list a list or null
   * @param <T> the element type
   * @return a view, or an empty list
   */
  static <T> List<T> view(MutableList<T> list) {
    return list == null ? List.of() : list.asUnmodifiable();
  }
}
