package dev.prodtrack;

import dev.prodtrack.model.Id;
import java.util.Objects;

/** An id names no record of the expected kind (Kitsu answers 404). */
public final class UnknownIdException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  private final transient Id id;
  private final String kind;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record looked for, e.g. {@code "task"}
   * @param id the id that matched nothing
   */
  public UnknownIdException(String kind, Id id) {
    super("unknown " + kind + " id " + id);
    this.kind = Objects.requireNonNull(kind);
    this.id = Objects.requireNonNull(id);
  }

  /**
   * The id that matched nothing.
   *
   * @return the id
   */
  public Id id() {
    return id;
  }

  /**
   * The kind of record looked for.
   *
   * @return e.g. {@code "task"}
   */
  public String kind() {
    return kind;
  }
}
