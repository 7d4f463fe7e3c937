package dev.prodtrack;

/**
 * The root of every domain refusal: a permission denied, a rule broken, an unknown id. Each subclass
 * is named after the rule it enforces and carries the offending ids as fields, so callers never parse
 * messages. A refused operation leaves the engine's state unchanged and writes nothing to the store.
 */
public abstract class ProdTrackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused, which ids, and why
   */
  protected ProdTrackException(String message) {
    super(message);
  }
}
