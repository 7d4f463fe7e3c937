package dev.prodtrack.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --format table|csv|json} option of the report commands: add it with {@code @Mixin
 * FormatOption format;} and print a {@link Table} with {@link #print(Table, PrintWriter)}.
 */
public final class FormatOption {

  /** How a report's rows are printed. */
  public enum Format {
    /** Aligned columns for a terminal, numbers right-aligned. */
    TABLE,
    /** RFC 4180: a header line, commas, fields quoted when they hold a comma, quote or line break, CRLF. */
    CSV,
    /** A JSON array of objects, one per row, keyed by column name; numbers and booleans as JSON values. */
    JSON
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table (default, aligned columns), csv (RFC 4180 with a header line) or json "
          + "(an array of objects keyed by column name).")
  Format format;

  /**
   * The format chosen.
   *
   * @return the format, table by default
   */
  public Format format() {
    return format == null ? Format.TABLE : format;
  }

  /**
   * Prints the table in the chosen format and flushes.
   *
   * @param table the rows
   * @param out where to print
   */
  public void print(Table table, PrintWriter out) {
    table.print(format(), out);
  }

  /**
   * Prints a summary line (a count, a total) where it does not break the chosen format: on {@code out}
   * after a table, on {@code err} for CSV and JSON so that stdout stays machine-readable.
   *
   * @param line the line
   * @param out standard output
   * @param err standard error
   */
  public void summary(String line, PrintWriter out, PrintWriter err) {
    PrintWriter to = format() == Format.TABLE ? out : err;
    to.println(line);
    to.flush();
  }
}
