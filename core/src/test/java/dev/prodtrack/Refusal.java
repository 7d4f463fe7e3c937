package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.prodtrack.event.Event;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one check every refusal test makes: the typed exception, and nothing changed or published. */
final class Refusal {
  private Refusal() {}

  /**
   * Runs a call that must be refused.
   *
   * @param engine the engine
   * @param events the events published so far (a listener's list)
   * @param type the exception expected
   * @param call the call
   * @param <T> the exception type
   * @return the exception, for further checks of its fields
   */
  static <T extends Throwable> T check(ProdTrack engine, List<Event> events, Class<T> type, ThrowingCallable call) {
    String before = engine.stateDigest();
    int published = events.size();
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(type);
    assertThat(engine.stateDigest()).as("state after a refused call").isEqualTo(before);
    assertThat(events).as("events after a refused call").hasSize(published);
    return type.cast(thrown);
  }
}
