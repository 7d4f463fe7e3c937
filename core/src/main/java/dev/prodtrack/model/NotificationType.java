package dev.prodtrack.model;

/** Why a person is notified (Kitsu's notification {@code type}). */
public enum NotificationType {
  /** A comment on a task the person is assigned to or follows. */
  COMMENT("comment"),
  /** The person, or one of their departments, is mentioned in a comment. */
  MENTION("mention"),
  /** The person was assigned to a task. */
  ASSIGNATION("assignation"),
  /** A reply on a comment the person is involved in. */
  REPLY("reply"),
  /** The person is mentioned in a reply. */
  REPLY_MENTION("reply-mention");

  private final String kitsuName;

  NotificationType(String kitsuName) {
    this.kitsuName = kitsuName;
  }

  /**
   * The name Kitsu stores.
   *
   * @return {@code comment}, {@code mention}, ...
   */
  public String kitsuName() {
    return kitsuName;
  }

  /**
   * Finds a type by its Kitsu name.
   *
   * @param name the Kitsu name
   * @return the type
   * @throws IllegalArgumentException if no type has that name
   */
  public static NotificationType ofKitsuName(String name) {
    for (NotificationType t : values()) {
      if (t.kitsuName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown notification type '" + name
        + "'; known: comment, mention, assignation, reply, reply-mention");
  }
}
