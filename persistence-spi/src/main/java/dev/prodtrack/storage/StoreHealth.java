package dev.prodtrack.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * The health of a store: usable, failed (sticky until reopened) or closed.
 *
 * @param state the state
 * @param cause why the store failed; present only when {@code state} is {@link State#FAILED}
 */
public record StoreHealth(State state, Optional<Throwable> cause) {

  /** The states of a store. */
  public enum State {
    /** Commits are accepted. */
    OK,
    /** An I/O error happened; every commit is refused until the store is reopened. */
    FAILED,
    /** The store was closed. */
    CLOSED
  }

  /** A healthy store. */
  public static final StoreHealth OK = new StoreHealth(State.OK, Optional.empty());

  /** A closed store. */
  public static final StoreHealth CLOSED = new StoreHealth(State.CLOSED, Optional.empty());

  /**
   * Validates the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a cause is given for a state other than {@link State#FAILED},
   *     or is missing for {@link State#FAILED}
   */
  public StoreHealth {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(cause, "cause");
    if (cause.isPresent() != (state == State.FAILED)) {
      throw new IllegalArgumentException("a cause goes with FAILED and only with it: " + state);
    }
  }

  /**
   * A failed health.
   *
   * @param cause the error that failed the store; not null
   * @return the health
   * @throws NullPointerException if {@code cause} is null
   */
  public static StoreHealth failed(Throwable cause) {
    return new StoreHealth(State.FAILED, Optional.of(Objects.requireNonNull(cause, "cause")));
  }

  /**
   * Whether commits are accepted.
   *
   * @return true in state {@link State#OK}
   */
  public boolean isOk() {
    return state == State.OK;
  }
}
