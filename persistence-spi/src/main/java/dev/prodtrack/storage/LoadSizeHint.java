package dev.prodtrack.storage;

import java.util.Map;

/**
 * Optional interface of a {@link Store} that can tell, before {@link Store#load} streams its records,
 * about how many records of each kind it will stream, so that a reader can size its tables once instead
 * of growing them record by record. A reader checks {@code store instanceof LoadSizeHint}.
 *
 * <p>The counts are a hint only: a load may stream more or fewer records of a kind, and of kinds the
 * hint does not name. A reader must not rely on them for anything but sizing.
 */
public interface LoadSizeHint {

  /**
   * About how many records of each kind the next {@link Store#load} streams.
   *
   * @return an estimate per kind, never null, possibly empty; not to be modified
   */
  Map<String, Integer> expectedLoadCounts();
}
