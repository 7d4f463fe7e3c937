package dev.prodtrack.testkit;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A clock the {@link ProductionGenerator} moves: to each comment's date while it plays a task's
 * history, so that the dates the live status path stamps with "now" (real start, end, done) are the
 * comment dates, as they would be in a studio; then back to the production's "now". Thread-safe.
 */
public final class GeneratorClock implements InstantSource {
  private volatile Instant now;

  /**
   * A clock reading {@code now} until moved.
   *
   * @param now the instant to read; not null
   */
  public GeneratorClock(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
  }

  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Moves the clock.
   *
   * @param instant the instant to read from now on; not null
   */
  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
  }
}
