package dev.prodtrack.model;

import java.util.Locale;

/** A person's role, globally or on one project (Kitsu's {@code ROLE_TYPES}). */
public enum Role {
  /** An artist: Kitsu's {@code user}, the default role. */
  USER("user"),
  /** A studio manager: every right everywhere. Global only. */
  ADMIN("admin"),
  /** A supervisor, with rights scoped by department. */
  SUPERVISOR("supervisor"),
  /** A production manager. */
  MANAGER("manager"),
  /** A client. */
  CLIENT("client"),
  /** A vendor (an outside artist). */
  VENDOR("vendor");

  private final String kitsuName;

  Role(String kitsuName) {
    this.kitsuName = kitsuName;
  }

  /**
   * The name Kitsu stores.
   *
   * @return {@code user}, {@code admin}, ...
   */
  public String kitsuName() {
    return kitsuName;
  }

  /**
   * Finds a role by its Kitsu name.
   *
   * @param name a Kitsu role name, case-insensitive
   * @return the role
   * @throws IllegalArgumentException if no role has that name
   */
  public static Role ofKitsuName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.kitsuName.equals(n)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role '" + name + "'; known: user, admin, supervisor, manager, client, vendor");
  }
}
