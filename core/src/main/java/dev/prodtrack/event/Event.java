package dev.prodtrack.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event, named and shaped as Kitsu's event stream: {@code task:status-changed} with
 * {@code task_id}, {@code new_task_status_id}, ... in {@link #data()}.
 *
 * @param name the Kitsu event name, see {@link EventNames}
 * @param projectId the project the event belongs to, or null for studio-wide events
 * @param data the payload: Kitsu's field names mapped to ids (as {@link UUID}s), strings or numbers
 * @param sequence the store sequence number of the commit that produced the event
 */
public record Event(String name, UUID projectId, Map<String, Object> data, long sequence) {

  /** Validates and copies. */
  public Event {
    Objects.requireNonNull(name, "name");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /**
   * A payload field as a UUID.
   *
   * @param field the Kitsu field name, e.g. {@code "task_id"}
   * @return the id, or null when absent
   */
  public UUID id(String field) {
    Object v = data.get(field);
    return v instanceof UUID u ? u : null;
  }
}
