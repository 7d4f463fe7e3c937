package dev.prodtrack.kitsu;

/**
 * How {@link KitsuImport} treats the dump.
 *
 * @param skipReferentialErrors false (the default) to refuse the whole import on any referential error;
 *     true to leave out what refers to a missing record (see {@link ReferentialError#recordDropped()}) and
 *     import the rest
 * @param batchSize how many records go into one change set, at least 1 (default {@value #DEFAULT_BATCH_SIZE})
 */
public record ImportOptions(boolean skipReferentialErrors, int batchSize) {
  /** The default number of records per change set. */
  public static final int DEFAULT_BATCH_SIZE = 10_000;

  /**
   * Validates the batch size.
   *
   * @throws IllegalArgumentException if {@code batchSize} is below 1
   */
  public ImportOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
  }

  /**
   * The defaults: refuse on referential errors, {@value #DEFAULT_BATCH_SIZE} records per change set.
   *
   * @return the default options
   */
  public static ImportOptions defaults() {
    return new ImportOptions(false, DEFAULT_BATCH_SIZE);
  }

  /**
   * A copy with another referential-error policy.
   *
   * @param skip true to skip referential errors
   * @return the new options
   */
  public ImportOptions withSkipReferentialErrors(boolean skip) {
    return new ImportOptions(skip, batchSize);
  }

  /**
   * A copy with another batch size.
   *
   * @param size records per change set, at least 1
   * @return the new options
   * @throws IllegalArgumentException if {@code size} is below 1
   */
  public ImportOptions withBatchSize(int size) {
    return new ImportOptions(skipReferentialErrors, size);
  }
}
