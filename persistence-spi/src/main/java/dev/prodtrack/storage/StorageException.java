package dev.prodtrack.storage;

import java.util.Objects;

/**
 * A storage failure. The {@link #reason()} tells callers what happened without parsing the message.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a storage operation failed. */
  public enum Reason {
    /** The store was closed. */
    CLOSED,
    /** The store failed earlier and refuses work until reopened. */
    FAILED,
    /** A read, write or sync failed. */
    IO,
    /** Stored content failed an integrity check. */
    CORRUPT,
    /** Another process or instance holds the store. */
    LOCKED,
    /** The stored format version is not supported by this adapter. */
    UNSUPPORTED_VERSION,
    /** A record or change set exceeds the adapter's size limits. */
    TOO_LARGE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why it failed; not null
   * @param message what failed, which and why
   */
  public StorageException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why it failed; not null
   * @param message what failed, which and why
   * @param cause the underlying error
   */
  public StorageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the operation failed.
   *
   * @return the reason, never null
   */
  public Reason reason() {
    return reason;
  }
}
