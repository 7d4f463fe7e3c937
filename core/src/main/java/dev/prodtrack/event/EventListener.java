package dev.prodtrack.event;

/**
 * Receives the engine's events, after commit and in commit order, on the thread that committed.
 * A listener that throws affects neither the engine nor the other listeners: the error goes to the
 * engine's listener error handler.
 */
@FunctionalInterface
public interface EventListener {

  /**
   * Called once per event.
   *
   * @param event the event
   */
  void onEvent(Event event);
}
