package dev.prodtrack.kitsu;

/**
 * Receives the progress of a {@link KitsuImport}, on the importing thread. Both methods do nothing by
 * default. An exception thrown by a listener aborts the import and leaves the store empty (what was
 * written is removed, see {@link KitsuImport}).
 */
public interface ImportProgress {
  /**
   * Records were read from a file: called every few thousand records and once at the end of each file.
   *
   * @param collection the collection being read
   * @param records the records read from its file so far
   */
  default void read(KitsuCollection collection, long records) {}

  /**
   * A change set was committed.
   *
   * @param written the records written so far
   * @param total the records read and accepted so far that are to be written, at least {@code written} (the
   *     import reads the dump once: the number to write in all is known when the last file is read)
   */
  default void written(long written, long total) {}
}
