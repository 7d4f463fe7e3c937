package dev.prodtrack.schedule;

import dev.prodtrack.model.PersonId;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Frames, drawings, seconds and shots credited per person and day (schedule-analytics.md §4), with the
 * day / ISO week / month / year buckets.
 *
 * @param fps the project's frames per second, for seconds
 * @param credits every credit; a null person is the "total" line
 */
public record Quotas(double fps, List<Credit> credits) {

  /** How frames are credited. */
  public enum Mode {
    /** Everything on the delivery day, to each assignee. */
    RAW,
    /** Along the time spents, or spread from the real start to the delivery. */
    WEIGHTED
  }

  /** What counts as delivery. */
  public enum Delivery {
    /** The feedback request ({@code end_date}): Kitsu's "first take" quota, the default. */
    FEEDBACK,
    /** The approval ({@code done_date}). */
    APPROVAL
  }

  /**
   * One credit.
   *
   * @param person the person, or null for the "total" line
   * @param day the day credited
   * @param frames frames credited
   * @param drawings drawings credited
   * @param shots the share of a shot credited
   */
  public record Credit(PersonId person, LocalDate day, long frames, long drawings, double shots) {
    /** Checks the day. */
    public Credit {
      Objects.requireNonNull(day, "day");
    }
  }

  /**
   * Totals of a bucket.
   *
   * @param frames frames
   * @param drawings drawings
   * @param seconds frames / fps
   * @param shots shots
   */
  public record Totals(long frames, long drawings, double seconds, double shots) {}

  /** Copies the credits. */
  public Quotas {
    credits = List.copyOf(credits);
  }

  /**
   * Totals per day ({@code YYYY-MM-DD}) and per person id ({@code "total"} for the total line).
   *
   * @return bucket → person → totals, sorted
   */
  public Map<String, Map<String, Totals>> byDay() {
    return bucket(LocalDate::toString);
  }

  /**
   * Totals per ISO week ({@code <week-based year>-<week>}).
   *
   * @return bucket → person → totals, sorted
   */
  public Map<String, Map<String, Totals>> byWeek() {
    return bucket(d -> d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * Totals per month ({@code YYYY-MM}).
   *
   * @return bucket → person → totals, sorted
   */
  public Map<String, Map<String, Totals>> byMonth() {
    return bucket(d -> d.toString().substring(0, 7));
  }

  /**
   * Totals per year.
   *
   * @return bucket → person → totals, sorted
   */
  public Map<String, Map<String, Totals>> byYear() {
    return bucket(d -> Integer.toString(d.getYear()));
  }

  private Map<String, Map<String, Totals>> bucket(Function<LocalDate, String> key) {
    Map<String, Map<String, Totals>> out = new TreeMap<>();
    for (Credit c : credits) {
      String who = c.person() == null ? "total" : c.person().toString();
      out.computeIfAbsent(key.apply(c.day()), k -> new TreeMap<>()).merge(who,
          new Totals(c.frames(), c.drawings(), c.frames() / fps, c.shots()),
          (a, b) -> new Totals(a.frames() + b.frames(), a.drawings() + b.drawings(), a.seconds() + b.seconds(),
              a.shots() + b.shots()));
    }
    return out;
  }
}
