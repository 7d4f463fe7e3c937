package dev.prodtrack;

/**
 * The flags of a new task status. A status without {@link #CLOSED_TO_ARTISTS} is open to artists and
 * one without {@link #CLOSED_TO_CLIENTS} to clients, as Kitsu's defaults.
 */
public enum StatusFlag {
  /** {@code is_default}: new tasks take it. */
  DEFAULT,
  /** {@code is_done}. */
  DONE,
  /** {@code is_retake}. */
  RETAKE,
  /** {@code is_wip}. */
  WIP,
  /** {@code is_feedback_request}. */
  FEEDBACK_REQUEST,
  /** {@code for_concept}: belongs to the concept workflow. */
  FOR_CONCEPT,
  /** {@code is_artist_allowed = false}. */
  CLOSED_TO_ARTISTS,
  /** {@code is_client_allowed = false}. */
  CLOSED_TO_CLIENTS,
  /** {@code archived}. */
  ARCHIVED
}
