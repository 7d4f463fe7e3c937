package dev.prodtrack.kitsu;

import dev.prodtrack.ProdTrackException;
import java.util.List;

/**
 * A Kitsu import was refused as a whole because records refer to records the dump does not hold, and the
 * caller did not ask to skip them ({@link ImportOptions#skipReferentialErrors()}). Nothing was written to
 * the store.
 */
public final class ImportRefusedException extends ProdTrackException {
  private static final long serialVersionUID = 1L;

  private final transient List<ReferentialError> errors;
  private final long errorCount;

  /**
   * Creates the exception.
   *
   * @param errors the errors found, at most {@link KitsuImport#MAX_LISTED_ERRORS}; not empty
   * @param errorCount how many errors there were in all (at least {@code errors.size()})
   */
  public ImportRefusedException(List<ReferentialError> errors, long errorCount) {
    super("Kitsu import refused: " + errorCount + " referential error(s), nothing written; first: "
        + errors.get(0) + "; retry with skipReferentialErrors to leave the offending records out");
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
  }

  /**
   * The errors found, in file order, at most {@link KitsuImport#MAX_LISTED_ERRORS}.
   *
   * @return an immutable list, never empty
   */
  public List<ReferentialError> errors() {
    return errors;
  }

  /**
   * How many referential errors the dump holds in all.
   *
   * @return the count, at least {@code errors().size()}
   */
  public long errorCount() {
    return errorCount;
  }
}
