package dev.prodtrack;

import dev.prodtrack.model.Attachment;
import dev.prodtrack.model.ChecklistItem;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.DayOffId;
import dev.prodtrack.model.News;
import dev.prodtrack.model.NewsId;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.NotificationId;
import dev.prodtrack.model.NotificationType;
import dev.prodtrack.model.StatusAutomation;
import dev.prodtrack.model.StatusAutomationId;
import dev.prodtrack.model.Subscription;
import dev.prodtrack.model.SubscriptionId;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Reply;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskDependency;
import dev.prodtrack.model.TaskDependencyId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskStatusLink;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TaskTypeLink;
import dev.prodtrack.model.TeamMember;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.model.TimeSpentId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns model records into JSON documents and back, for stores that keep records as bytes.
 *
 * <p><b>Format.</b> One UTF-8 JSON object per record. Fields appear in record-component order under
 * Kitsu's snake_case names ({@code task_status_id}, {@code real_start_date}, {@code is_done}, ...). Ids
 * are canonical lower-case UUID strings. Instants are naive UTC date-times {@code yyyy-MM-ddTHH:mm:ss},
 * followed by a fraction of a second only when it is non-zero (up to nine digits, trailing zeros
 * dropped); plain dates are {@code yyyy-MM-dd}. Durations are minutes, as in Kitsu: a JSON integer for
 * whole minutes, otherwise a decimal with at most 12 fraction digits, which is enough to bring back the
 * exact nanosecond. Nullable fields are written as {@code null}. Roles are Kitsu's role names. A
 * comment's task is {@code object_id} with {@code "object_type":"Task"}; a comment stored by the engine
 * also carries its ordinal as {@code prodtrack_order}, right after {@code id}.
 *
 * <p><b>Reading.</b> Unknown fields are skipped, whatever they hold. A nullable field may be absent or
 * {@code null}; every other field (non-null references, primitives, lists) is required, and a missing,
 * {@code null} or mistyped required field, an id that is not a UUID, duplicate keys, trailing content,
 * malformed JSON, input beyond the limits below, or values the record's constructor refuses all throw
 * {@link CorruptRecordException}. {@code data} values come back as {@link String}, {@link Boolean},
 * {@link Long} (integers that fit), {@link BigInteger} (larger integers), {@link Double} (any number
 * with a fraction or exponent), {@link List}, {@link Map} (key order kept) and {@code null}.
 *
 * <p><b>Canonical output.</b> Encoding is deterministic, so for bytes written by this class
 * {@code encode(decode(b))} equals {@code b}. {@code decode(encode(r))} equals {@code r} except for
 * {@code data} numbers whose Java type is not the one decoding produces (an {@code Integer} comes back
 * as a {@code Long}, a {@code BigDecimal} or {@code Float} as a {@code Double}).
 *
 * <p><b>Limits.</b> The reader refuses nesting deeper than {@value #MAX_NESTING_DEPTH}, strings longer
 * than {@value #MAX_STRING_LENGTH} chars, numbers longer than {@value #MAX_NUMBER_LENGTH} chars,
 * property names longer than {@value #MAX_NAME_LENGTH} chars and documents over
 * {@value #MAX_DOCUMENT_LENGTH} bytes. The writer refuses, with an {@link IllegalArgumentException},
 * to produce a record the reader would refuse, so a store never accepts a record it cannot load back.
 *
 * <p><b>Writing and reading.</b> Records are written with {@link JsonWriter} (one reusable buffer per
 * thread, no generator per record: encoding sits on every mutation's path) and read with Jackson's
 * streaming parser under the limits above.
 *
 * <p>Thread-safe: the class keeps no state but one shared, immutable {@link JsonFactory} and the
 * per-thread writers.
 */
final class RecordCodec {
  /** Kind of a {@link Project}. */
  static final String PROJECT = "project";
  /** Kind of a {@link Person}. */
  static final String PERSON = "person";
  /** Kind of a {@link Department}. */
  static final String DEPARTMENT = "department";
  /** Kind of an {@link EntityType}. */
  static final String ENTITY_TYPE = "entity_type";
  /** Kind of an {@link Entity}. */
  static final String ENTITY = "entity";
  /** Kind of a {@link TaskType}. */
  static final String TASK_TYPE = "task_type";
  /** Kind of a {@link TaskStatus}. */
  static final String TASK_STATUS = "task_status";
  /** Kind of a {@link Task}. */
  static final String TASK = "task";
  /** Kind of a {@link Comment}. */
  static final String COMMENT = "comment";
  /** Kind of a {@link TimeSpent}. */
  static final String TIME_SPENT = "time_spent";
  /** Kind of a {@link DayOff}. */
  static final String DAY_OFF = "day_off";
  /** Kind of a {@link Notification}. */
  static final String NOTIFICATION = "notification";
  /** Kind of a {@link News}. */
  static final String NEWS = "news";
  /** Kind of a {@link Subscription}. */
  static final String SUBSCRIPTION = "subscription";
  /** Kind of a {@link StatusAutomation}. */
  static final String STATUS_AUTOMATION = "status_automation";
  /** Kind of a {@link TaskDependency}. */
  static final String TASK_DEPENDENCY = "task_dependency";

  /** Every kind, in dependency order (a record only refers to kinds listed before it, or its own). */
  static final List<String> KINDS = List.of(DEPARTMENT, PERSON, TASK_TYPE, TASK_STATUS, ENTITY_TYPE,
      PROJECT, ENTITY, TASK, COMMENT, TIME_SPENT, DAY_OFF, NOTIFICATION, NEWS, SUBSCRIPTION,
      STATUS_AUTOMATION, TASK_DEPENDENCY);

  /** Deepest nesting of arrays and objects, the record's own object included. */
  static final int MAX_NESTING_DEPTH = 64;
  /** Longest string value, in chars. */
  static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;
  /** Longest number, in chars. */
  static final int MAX_NUMBER_LENGTH = 1000;
  /** Longest property name, in chars (Jackson's default). */
  static final int MAX_NAME_LENGTH = 50_000;
  /** Largest document, in bytes. */
  static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .maxDocumentLength(MAX_DOCUMENT_LENGTH)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /**
   * For {@link #decodeLoaded}: the same limits, without duplicate-name detection (a hash set per
   * object, a third of the decoding time). Records a store hands back were written by {@link #encode},
   * which never repeats a name, and a persistent store checks their integrity (CRC32C framing) before
   * the engine sees them; a repeated name in such a record could only come from a hand-made file, and
   * then the last value wins.
   */
  private static final JsonFactory JSON_LOADED = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .maxDocumentLength(MAX_DOCUMENT_LENGTH)
          .build())
      .build();

  private static final String ORDER_FIELD = "prodtrack_order";
  private static final String OBJECT_TYPE_TASK = "Task";
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);
  /** 12 fraction digits of a minute resolve 0.06 ns, so the exact nanosecond survives a round trip. */
  private static final int MINUTE_FRACTION_DIGITS = 12;
  /** Minute counts with more integer digits than this overflow a {@link Duration}. */
  private static final int MAX_MINUTE_DIGITS = 18;

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(IsoChronology.INSTANCE);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private RecordCodec() {}

  /**
   * The kind of a model record, which names its JSON layout.
   *
   * @param record a model record
   * @return one of {@link #KINDS}
   * @throws NullPointerException if {@code record} is null
   * @throws IllegalArgumentException if {@code record} is not a stored model record
   */
  static String kindOf(Object record) {
    Objects.requireNonNull(record, "record");
    if (record instanceof Project) {
      return PROJECT;
    } else if (record instanceof Person) {
      return PERSON;
    } else if (record instanceof Department) {
      return DEPARTMENT;
    } else if (record instanceof EntityType) {
      return ENTITY_TYPE;
    } else if (record instanceof Entity) {
      return ENTITY;
    } else if (record instanceof TaskType) {
      return TASK_TYPE;
    } else if (record instanceof TaskStatus) {
      return TASK_STATUS;
    } else if (record instanceof Task) {
      return TASK;
    } else if (record instanceof Comment) {
      return COMMENT;
    } else if (record instanceof TimeSpent) {
      return TIME_SPENT;
    } else if (record instanceof DayOff) {
      return DAY_OFF;
    } else if (record instanceof Notification) {
      return NOTIFICATION;
    } else if (record instanceof News) {
      return NEWS;
    } else if (record instanceof Subscription) {
      return SUBSCRIPTION;
    } else if (record instanceof StatusAutomation) {
      return STATUS_AUTOMATION;
    } else if (record instanceof TaskDependency) {
      return TASK_DEPENDENCY;
    }
    throw new IllegalArgumentException("record must be a stored model record (" + KINDS + "), was a "
        + record.getClass().getName());
  }

  /**
   * Encodes a model record. A comment is written without {@code prodtrack_order}; use
   * {@link #encodeComment} to store its ordinal.
   *
   * @param record a model record
   * @return the UTF-8 JSON document, a new array
   * @throws NullPointerException if {@code record} is null
   * @throws IllegalArgumentException if {@code record} is not a stored model record, or holds a value the
   *     reader would refuse (a non-finite or unsupported number in {@code data}, a string, name or
   *     nesting beyond the limits, an instant outside the years -999999999..999999999)
   */
  static byte[] encode(Object record) {
    String kind = kindOf(record);
    return write(kind, out -> {
      if (record instanceof Project p) {
        writeProject(out, p);
      } else if (record instanceof Person p) {
        writePerson(out, p);
      } else if (record instanceof Department d) {
        writeDepartment(out, d);
      } else if (record instanceof EntityType t) {
        writeEntityType(out, t);
      } else if (record instanceof Entity e) {
        writeEntity(out, e);
      } else if (record instanceof TaskType t) {
        writeTaskType(out, t);
      } else if (record instanceof TaskStatus s) {
        writeTaskStatus(out, s);
      } else if (record instanceof Task t) {
        writeTask(out, t);
      } else if (record instanceof Comment c) {
        writeComment(out, c, false, 0);
      } else if (record instanceof TimeSpent t) {
        writeTimeSpent(out, t);
      } else if (record instanceof DayOff d) {
        writeDayOff(out, d);
      } else if (record instanceof Notification n) {
        writeNotification(out, n);
      } else if (record instanceof News n) {
        writeNews(out, n);
      } else if (record instanceof Subscription n) {
        writeSubscription(out, n);
      } else if (record instanceof TaskDependency d) {
        writeTaskDependency(out, d);
      } else {
        writeStatusAutomation(out, (StatusAutomation) record);
      }
    });
  }

  /**
   * Encodes a comment with the engine's ordinal for it, stored as {@code prodtrack_order}.
   *
   * @param comment the comment
   * @param order the engine ordinal, any value
   * @return the UTF-8 JSON document, a new array
   * @throws NullPointerException if {@code comment} is null
   * @throws IllegalArgumentException as {@link #encode}
   */
  static byte[] encodeComment(Comment comment, long order) {
    Objects.requireNonNull(comment, "comment");
    return write(COMMENT, out -> writeComment(out, comment, true, order));
  }

  /**
   * Decodes a record of a known kind.
   *
   * @param kind one of {@link #KINDS}
   * @param json the UTF-8 JSON document, or the binary form ({@link #encodeStored}; told apart by its
   *     first byte)
   * @return the record, of the class {@code kind} names
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code kind} is not one of {@link #KINDS}
   * @throws CorruptRecordException if {@code json} is not a valid record of that kind
   */
  static Object decode(String kind, byte[] json) {
    return decode(JSON, kind, json, null, null);
  }

  /**
   * Encodes a model record in the compact binary form ({@link BinaryRecordCodec}), which the engine
   * writes to its store: every decoder of this class reads it as well as JSON. A comment is written with
   * ordinal 0; use {@link #encodeStoredComment} to store its ordinal.
   *
   * @param record a model record
   * @return the binary form, a new array
   * @throws NullPointerException if {@code record} is null
   * @throws IllegalArgumentException as {@link #encode}: the binary writer refuses what the JSON writer
   *     refuses
   */
  static byte[] encodeStored(Object record) {
    return BinaryRecordCodec.encode(kindOf(record), record, 0);
  }

  /**
   * Encodes a comment with its engine ordinal in the compact binary form.
   *
   * @param comment the comment
   * @param order the engine ordinal, any value
   * @return the binary form, a new array
   * @throws NullPointerException if {@code comment} is null
   * @throws IllegalArgumentException as {@link #encodeStored}
   */
  static byte[] encodeStoredComment(Comment comment, long order) {
    Objects.requireNonNull(comment, "comment");
    return BinaryRecordCodec.encode(COMMENT, comment, order);
  }

  /** The record class of a kind. */
  private static Class<?> typeOf(String kind) {
    return switch (kind) {
      case PROJECT -> Project.class;
      case PERSON -> Person.class;
      case DEPARTMENT -> Department.class;
      case ENTITY_TYPE -> EntityType.class;
      case ENTITY -> Entity.class;
      case TASK_TYPE -> TaskType.class;
      case TASK_STATUS -> TaskStatus.class;
      case TASK -> Task.class;
      case COMMENT -> Comment.class;
      case TIME_SPENT -> TimeSpent.class;
      case DAY_OFF -> DayOff.class;
      case NOTIFICATION -> Notification.class;
      case NEWS -> News.class;
      case SUBSCRIPTION -> Subscription.class;
      case STATUS_AUTOMATION -> StatusAutomation.class;
      case TASK_DEPENDENCY -> TaskDependency.class;
      default -> throw new IllegalArgumentException("kind must be one of " + KINDS + ", was '" + kind + "'");
    };
  }

  /**
   * Decodes a record loaded from a store in one pass: as {@link #decode}, except that a field name
   * repeated within an object is not detected (the last value wins, see {@link #JSON_LOADED}), and a
   * comment's engine ordinal is read on the way (what {@link #commentOrder} returns).
   *
   * @param kind one of {@link #KINDS}
   * @param json the UTF-8 JSON document
   * @param order receives, in its first element, the comment's ordinal (0 if absent or null), or 0 for
   *     other kinds; not null, length at least 1
   * @return the record, of the class {@code kind} names
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code kind} is not one of {@link #KINDS}
   * @throws CorruptRecordException if {@code json} is not a valid record of that kind
   */
  static Object decodeLoaded(String kind, byte[] json, long[] order) {
    return decodeLoaded(kind, json, order, null);
  }

  /**
   * As {@link #decodeLoaded(String, byte[], long[])}, sharing values through {@code pool}.
   *
   * @param kind one of {@link #KINDS}
   * @param json the UTF-8 JSON document
   * @param order receives, in its first element, the comment's ordinal (0 if absent or null), or 0 for
   *     other kinds; not null, length at least 1
   * @param pool values shared across the records of one load (ids, instants, dates, durations and
   *     strings are taken from it when an equal one is there, and added when not), so that a reopened
   *     production does not hold a copy per reference; or null for none. Not thread-safe: one loader at
   *     a time
   * @return the record, of the class {@code kind} names
   * @throws NullPointerException if {@code kind}, {@code json} or {@code order} is null
   * @throws IllegalArgumentException if {@code kind} is not one of {@link #KINDS}
   * @throws CorruptRecordException if {@code json} is not a valid record of that kind
   */
  static Object decodeLoaded(String kind, byte[] json, long[] order, LoadPool pool) {
    Objects.requireNonNull(order, "order");
    order[0] = 0;
    return decode(JSON_LOADED, kind, json, order, pool);
  }

  private static Object decode(JsonFactory factory, String kind, byte[] json, long[] order,
      LoadPool pool) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(json, "json");
    if (BinaryRecordCodec.isBinary(json)) {
      return BinaryRecordCodec.decode(kind, typeOf(kind), json, order, pool);
    }
    Function<In, Object> reader = switch (kind) {
      case PROJECT -> RecordCodec::readProject;
      case PERSON -> RecordCodec::readPerson;
      case DEPARTMENT -> RecordCodec::readDepartment;
      case ENTITY_TYPE -> RecordCodec::readEntityType;
      case ENTITY -> RecordCodec::readEntity;
      case TASK_TYPE -> RecordCodec::readTaskType;
      case TASK_STATUS -> RecordCodec::readTaskStatus;
      case TASK -> RecordCodec::readTask;
      case COMMENT -> RecordCodec::readComment;
      case TIME_SPENT -> RecordCodec::readTimeSpent;
      case DAY_OFF -> RecordCodec::readDayOff;
      case NOTIFICATION -> RecordCodec::readNotification;
      case NEWS -> RecordCodec::readNews;
      case SUBSCRIPTION -> RecordCodec::readSubscription;
      case STATUS_AUTOMATION -> RecordCodec::readStatusAutomation;
      case TASK_DEPENDENCY -> RecordCodec::readTaskDependency;
      default -> throw new IllegalArgumentException("kind must be one of " + KINDS + ", was '" + kind + "'");
    };
    return read(factory, kind, json, pool, in -> {
      Object record = reader.apply(in);
      if (in.p.nextToken() != null) {
        throw new CorruptRecordException(kind, null, "trailing content after the record's object");
      }
      if (order != null) {
        order[0] = in.order;
      }
      return record;
    });
  }

  /**
   * Reads the engine ordinal of an encoded comment without decoding the rest. The document is only
   * checked up to the {@code prodtrack_order} field.
   *
   * @param json a comment written by {@link #encodeComment} or {@link #encode}, or in the binary form
   *     (then decoded whole)
   * @return the ordinal, or 0 if the document has none (absent or null)
   * @throws NullPointerException if {@code json} is null
   * @throws CorruptRecordException if the document is malformed before the field is reached, or the
   *     field is not an integer that fits a {@code long}
   */
  static long commentOrder(byte[] json) {
    Objects.requireNonNull(json, "json");
    if (BinaryRecordCodec.isBinary(json)) {
      long[] order = new long[1];
      BinaryRecordCodec.decode(COMMENT, Comment.class, json, order, null);
      return order[0];
    }
    return read(JSON, COMMENT, json, null, in -> {
      while (in.next()) {
        if (ORDER_FIELD.equals(in.name)) {
          Long order = in.longInteger();
          return order == null ? 0L : order;
        }
        in.skip();
      }
      return 0L;
    });
  }

  /** Parses one document with {@code body}, which starts on the root object; Jackson errors become corrupt. */
  private static <T> T read(JsonFactory factory, String kind, byte[] json, LoadPool pool,
      Function<In, T> body) {
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), json)) {
      try {
        In in = new In(parser, kind, pool);
        in.root();
        return body.apply(in);
      } catch (JacksonException e) {
        throw malformed(kind, parserPath(parser), e);
      }
    } catch (JacksonException e) {
      throw malformed(kind, null, e);
    }
  }

  /**
   * The path of the value the parser is on, from its own context: the parser reads a value ahead when
   * it reads the value's name, so a bad value surfaces before {@link In} has seen its name.
   */
  private static String parserPath(JsonParser parser) {
    List<String> segments = new ArrayList<>();
    for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.currentName() != null) {
        segments.add("." + c.currentName());
      }
    }
    if (segments.isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (int i = segments.size() - 1; i >= 0; i--) {
      path.append(segments.get(i));
    }
    return path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  private static CorruptRecordException malformed(String kind, String field, JacksonException e) {
    StringBuilder reason = new StringBuilder("malformed JSON: ").append(e.getOriginalMessage());
    TokenStreamLocation at = e.getLocation();
    if (at != null && at.getByteOffset() >= 0) {
      reason.append(" (at byte ").append(at.getByteOffset()).append(')');
    }
    return new CorruptRecordException(kind, field, reason.toString(), e);
  }

  /**
   * The fast path of date-time decoding: {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction of 1 to
   * 9 digits, as the writer produces. Returns null for any other shape (the formatter then decides);
   * throws {@link DateTimeException} for out-of-range fields, as the strict formatter does.
   */
  static LocalDateTime parseCanonicalDateTime(String t) {
    int n = t.length();
    if (n < 19 || n == 20 || n > 29 || !canonicalDate(t) || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':' || !digits(t, 11, 13) || !digits(t, 14, 16) || !digits(t, 17, 19)) {
      return null;
    }
    int nanos = 0;
    if (n > 19) {
      if (t.charAt(19) != '.' || !digits(t, 20, n)) {
        return null;
      }
      nanos = number(t, 20, n);
      for (int i = n; i < 29; i++) {
        nanos *= 10;
      }
    }
    return LocalDateTime.of(parseDate(t, 0), java.time.LocalTime.of(number(t, 11, 13), number(t, 14, 16),
        number(t, 17, 19), nanos));
  }

  /** Whether {@code t} starts with {@code yyyy-MM-dd} (four-digit year, no sign). */
  private static boolean canonicalDate(String t) {
    return t.length() >= 10 && digits(t, 0, 4) && t.charAt(4) == '-' && digits(t, 5, 7) && t.charAt(7) == '-'
        && digits(t, 8, 10);
  }

  private static LocalDate parseDate(String t, int from) {
    return LocalDate.of(number(t, from, from + 4), number(t, from + 5, from + 7), number(t, from + 8, from + 10));
  }

  private static boolean digits(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (t.charAt(i) - '0');
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static byte[] write(String kind, Consumer<Out> body) {
    JsonWriter writer = JsonWriter.forThisThread();
    Out out = new Out(writer, kind);
    try {
      writer.writeStartObject();
      body.accept(out);
      writer.writeEndObject();
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalArgumentException("cannot encode " + kind + " record"
          + (out.field == null ? "" : ", field '" + out.field + "'") + ": " + e.getMessage(), e);
    }
    if (writer.size() > MAX_DOCUMENT_LENGTH) {
      throw new IllegalArgumentException("cannot encode " + kind + " record: " + writer.size()
          + " bytes exceed the limit of " + MAX_DOCUMENT_LENGTH);
    }
    return writer.toByteArray();
  }

  private static void writeProject(Out out, Project p) {
    out.id("id", p.id());
    out.string("name", p.name());
    out.string("code", p.code());
    out.string("description", p.description());
    out.bool("open", p.open());
    out.string("fps", p.fps());
    out.string("ratio", p.ratio());
    out.string("resolution", p.resolution());
    out.string("production_type", p.productionType());
    out.string("production_style", p.productionStyle());
    out.date("start_date", p.startDate());
    out.date("end_date", p.endDate());
    out.integer("man_days", p.manDays());
    out.integer("nb_episodes", p.nbEpisodes());
    out.integer("max_retakes", p.maxRetakes());
    out.bool("is_clients_isolated", p.clientsIsolated());
    out.bool("is_bot_collaboration_enabled", p.botCollaborationEnabled());
    out.list("team", p.team(), (o, m) -> {
      o.g.writeStartObject();
      o.id("person_id", m.personId());
      o.role("role", m.role());
      o.g.writeEndObject();
    });
    out.list("task_type_links", p.taskTypeLinks(), (o, l) -> {
      o.g.writeStartObject();
      o.id("task_type_id", l.taskTypeId());
      o.integer("priority", l.priority());
      o.g.writeEndObject();
    });
    out.list("task_status_links", p.taskStatusLinks(), (o, l) -> {
      o.g.writeStartObject();
      o.id("task_status_id", l.taskStatusId());
      o.integer("priority", l.priority());
      o.list("roles_for_board", l.rolesForBoard(), (o2, r) -> o2.g.writeString(r.kitsuName()));
      o.g.writeEndObject();
    });
    out.list("asset_types", p.assetTypes(), Out::idValue);
    out.data("data", p.data());
    out.instant("created_at", p.createdAt());
    out.instant("updated_at", p.updatedAt());
  }

  private static void writePerson(Out out, Person p) {
    out.id("id", p.id());
    out.string("first_name", p.firstName());
    out.string("last_name", p.lastName());
    out.string("email", p.email());
    out.role("role", p.role());
    out.bool("active", p.active());
    out.bool("archived", p.archived());
    out.string("position", p.position());
    out.string("seniority", p.seniority());
    out.integer("daily_salary", p.dailySalary());
    out.string("contract_type", p.contractType());
    out.list("departments", p.departments(), Out::idValue);
    out.bool("is_bot", p.bot());
    out.date("last_presence", p.lastPresence());
    out.data("data", p.data());
    out.instant("created_at", p.createdAt());
    out.instant("updated_at", p.updatedAt());
  }

  private static void writeDepartment(Out out, Department d) {
    out.id("id", d.id());
    out.string("name", d.name());
    out.string("color", d.color());
    out.bool("archived", d.archived());
  }

  private static void writeEntityType(Out out, EntityType t) {
    out.id("id", t.id());
    out.string("name", t.name());
    out.string("short_name", t.shortName());
    out.string("description", t.description());
    out.bool("archived", t.archived());
    out.list("task_types", t.taskTypes(), Out::idValue);
  }

  private static void writeEntity(Out out, Entity e) {
    out.id("id", e.id());
    out.id("project_id", e.projectId());
    out.id("entity_type_id", e.entityTypeId());
    out.string("name", e.name());
    out.string("code", e.code());
    out.string("description", e.description());
    out.bool("canceled", e.canceled());
    out.integer("nb_frames", e.nbFrames());
    out.integer("nb_entities_out", e.nbEntitiesOut());
    out.bool("is_casting_standby", e.castingStandby());
    out.bool("is_shared", e.shared());
    out.string("status", e.status());
    out.id("parent_id", e.parentId());
    out.id("source_id", e.sourceId());
    out.id("ready_for", e.readyFor());
    out.id("created_by", e.createdBy());
    out.data("data", e.data());
    out.instant("created_at", e.createdAt());
    out.instant("updated_at", e.updatedAt());
  }

  private static void writeTaskType(Out out, TaskType t) {
    out.id("id", t.id());
    out.string("name", t.name());
    out.string("short_name", t.shortName());
    out.string("description", t.description());
    out.string("color", t.color());
    out.integer("priority", t.priority());
    out.string("for_entity", t.forEntity());
    out.bool("allow_timelog", t.allowTimelog());
    out.bool("archived", t.archived());
    out.id("department_id", t.departmentId());
    out.instant("created_at", t.createdAt());
    out.instant("updated_at", t.updatedAt());
  }

  private static void writeTaskStatus(Out out, TaskStatus s) {
    out.id("id", s.id());
    out.string("name", s.name());
    out.string("short_name", s.shortName());
    out.string("description", s.description());
    out.string("color", s.color());
    out.integer("priority", s.priority());
    out.bool("archived", s.archived());
    out.bool("is_default", s.isDefault());
    out.bool("is_done", s.isDone());
    out.bool("is_retake", s.isRetake());
    out.bool("is_wip", s.isWip());
    out.bool("is_feedback_request", s.isFeedbackRequest());
    out.bool("is_artist_allowed", s.isArtistAllowed());
    out.bool("is_client_allowed", s.isClientAllowed());
    out.bool("for_concept", s.forConcept());
    out.instant("created_at", s.createdAt());
    out.instant("updated_at", s.updatedAt());
  }

  private static void writeTask(Out out, Task t) {
    out.id("id", t.id());
    out.id("project_id", t.projectId());
    out.id("task_type_id", t.taskTypeId());
    out.id("task_status_id", t.taskStatusId());
    out.id("entity_id", t.entityId());
    out.string("name", t.name());
    out.string("description", t.description());
    out.integer("priority", t.priority());
    out.integer("difficulty", t.difficulty());
    out.minutes("duration", t.duration());
    out.minutes("estimation", t.estimation());
    out.integer("completion_rate", t.completionRate());
    out.integer("retake_count", t.retakeCount());
    out.integer("sort_order", t.sortOrder());
    out.date("start_date", t.startDate());
    out.date("due_date", t.dueDate());
    out.instant("real_start_date", t.realStartDate());
    out.instant("end_date", t.endDate());
    out.instant("done_date", t.doneDate());
    out.instant("last_comment_date", t.lastCommentDate());
    out.integer("nb_assets_ready", t.nbAssetsReady());
    out.integer("nb_drawings", t.nbDrawings());
    out.data("data", t.data());
    out.id("assigner_id", t.assignerId());
    out.list("assignees", t.assignees(), Out::idValue);
    out.instant("created_at", t.createdAt());
    out.instant("updated_at", t.updatedAt());
  }

  private static void writeComment(Out out, Comment c, boolean withOrder, long order) {
    out.id("id", c.id());
    if (withOrder) {
      out.integer(ORDER_FIELD, order);
    }
    out.id("object_id", c.taskId());
    out.string("object_type", OBJECT_TYPE_TASK);
    out.id("task_status_id", c.taskStatusId());
    out.id("person_id", c.personId());
    out.id("editor_id", c.editorId());
    out.string("text", c.text());
    out.data("data", c.data());
    out.list("replies", c.replies(), (o, r) -> {
      o.g.writeStartObject();
      o.uuid("id", r.id());
      o.instant("date", r.date());
      o.id("person_id", r.personId());
      o.string("text", r.text());
      o.list("mentions", r.mentions(), Out::idValue);
      o.list("department_mentions", r.departmentMentions(), Out::idValue);
      o.g.writeEndObject();
    });
    out.list("checklist", c.checklist(), (o, item) -> {
      o.g.writeStartObject();
      o.string("text", item.text());
      o.bool("checked", item.checked());
      o.g.writeEndObject();
    });
    out.bool("pinned", c.pinned());
    out.bool("for_client", c.forClient());
    out.list("links", c.links(), Out::stringValue);
    out.list("mentions", c.mentions(), Out::idValue);
    out.list("department_mentions", c.departmentMentions(), Out::idValue);
    out.list("acknowledgements", c.acknowledgements(), Out::idValue);
    out.list("attachment_files", c.attachments(), (o, a) -> {
      o.g.writeStartObject();
      o.uuid("id", a.id());
      o.string("name", a.name());
      o.string("extension", a.extension());
      o.string("mimetype", a.mimetype());
      o.integer("size", a.size());
      o.uuid("reply_id", a.replyId());
      o.g.writeEndObject();
    });
    out.bool("has_preview", c.hasPreview());
    out.instant("created_at", c.createdAt());
    out.instant("updated_at", c.updatedAt());
  }

  private static void writeTimeSpent(Out out, TimeSpent t) {
    out.id("id", t.id());
    out.id("task_id", t.taskId());
    out.id("person_id", t.personId());
    out.date("date", t.date());
    out.minutes("duration", t.duration());
    out.instant("created_at", t.createdAt());
    out.instant("updated_at", t.updatedAt());
  }

  private static void writeDayOff(Out out, DayOff d) {
    out.id("id", d.id());
    out.id("person_id", d.personId());
    out.date("date", d.date());
    out.date("end_date", d.endDate());
    out.string("description", d.description());
  }

  private static void writeNotification(Out out, Notification n) {
    out.id("id", n.id());
    out.id("person_id", n.personId());
    out.id("author_id", n.authorId());
    out.string("type", n.type().kitsuName());
    out.id("task_id", n.taskId());
    out.id("comment_id", n.commentId());
    out.uuid("reply_id", n.replyId());
    out.bool("read", n.read());
    out.bool("change", n.change());
    out.instant("created_at", n.createdAt());
    out.instant("updated_at", n.updatedAt());
  }

  private static void writeNews(Out out, News n) {
    out.id("id", n.id());
    out.id("project_id", n.projectId());
    out.id("task_id", n.taskId());
    out.id("comment_id", n.commentId());
    out.id("author_id", n.authorId());
    out.bool("change", n.change());
    out.instant("created_at", n.createdAt());
    out.instant("updated_at", n.updatedAt());
  }

  private static void writeSubscription(Out out, Subscription n) {
    out.id("id", n.id());
    out.id("person_id", n.personId());
    out.id("task_id", n.taskId());
    out.id("entity_id", n.sequenceId());
    out.id("task_type_id", n.taskTypeId());
    out.instant("created_at", n.createdAt());
    out.instant("updated_at", n.updatedAt());
  }

  private static void writeStatusAutomation(Out out, StatusAutomation a) {
    out.id("id", a.id());
    out.string("entity_type", a.entityType());
    out.id("in_task_type_id", a.inTaskTypeId());
    out.id("in_task_status_id", a.inTaskStatusId());
    out.string("out_field_type", a.outFieldType());
    out.id("out_task_type_id", a.outTaskTypeId());
    out.id("out_task_status_id", a.outTaskStatusId());
    out.bool("import_last_revision", a.importLastRevision());
    out.bool("archived", a.archived());
    out.list("project_ids", a.projectIds(), Out::idValue);
    out.instant("created_at", a.createdAt());
    out.instant("updated_at", a.updatedAt());
  }

  private static void writeTaskDependency(Out out, TaskDependency d) {
    out.id("id", d.id());
    out.id("project_id", d.projectId());
    out.id("predecessor_id", d.predecessorId());
    out.id("successor_id", d.successorId());
    out.string("type", d.type().name());
    out.integer("lag", d.lag());
    out.instant("created_at", d.createdAt());
    out.instant("updated_at", d.updatedAt());
  }

  /** Writes named values; {@link #field} remembers the last top-level or nested name for errors. */
  private static final class Out {
    final JsonWriter g;
    final String kind;
    String field;

    Out(JsonWriter g, String kind) {
      this.g = g;
      this.kind = kind;
    }

    private void name(String name) {
      field = name;
      g.writeName(name);
    }

    void string(String name, String value) {
      name(name);
      stringValue(value);
    }

    void stringValue(String value) {
      if (value == null) {
        g.writeNull();
      } else {
        if (value.length() > MAX_STRING_LENGTH) {
          throw refused("string of " + value.length() + " chars exceeds the limit of " + MAX_STRING_LENGTH);
        }
        g.writeString(value);
      }
    }

    void id(String name, Id value) {
      name(name);
      idValue(value);
    }

    void idValue(Id value) {
      if (value == null) {
        g.writeNull();
      } else {
        g.writeUuid(value.value());
      }
    }

    void uuid(String name, UUID value) {
      name(name);
      if (value == null) {
        g.writeNull();
      } else {
        g.writeUuid(value);
      }
    }

    void role(String name, Role value) {
      name(name);
      if (value == null) {
        g.writeNull();
      } else {
        g.writeString(value.kitsuName());
      }
    }

    void bool(String name, Boolean value) {
      name(name);
      if (value == null) {
        g.writeNull();
      } else {
        g.writeBoolean(value);
      }
    }

    void integer(String name, long value) {
      name(name);
      g.writeNumber(value);
    }

    void integer(String name, Integer value) {
      name(name);
      if (value == null) {
        g.writeNull();
      } else {
        g.writeNumber(value.intValue());
      }
    }

    void instant(String name, Instant value) {
      name(name);
      if (value == null) {
        g.writeNull();
      } else {
        if (!g.writeDateTime(value.getEpochSecond(), value.getNano())) {
          LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
          g.writeString(DATE_TIME.format(utc));
        }
      }
    }

    void date(String name, LocalDate value) {
      name(name);
      if (value == null) {
        g.writeNull();
      } else {
        if (!g.writeDate(value)) {
          g.writeString(DATE.format(value));
        }
      }
    }

    void minutes(String name, Duration value) {
      name(name);
      if (value.getNano() == 0 && value.getSeconds() % 60 == 0) {
        g.writeNumber(value.getSeconds() / 60);
        return;
      }
      BigInteger nanos = BigInteger.valueOf(value.getSeconds()).multiply(NANOS_PER_SECOND)
          .add(BigInteger.valueOf(value.getNano()));
      BigDecimal minutes = new BigDecimal(nanos)
          .divide(NANOS_PER_MINUTE, MINUTE_FRACTION_DIGITS, RoundingMode.HALF_EVEN)
          .stripTrailingZeros();
      g.writeNumber(minutes.toPlainString());
    }

    <T> void list(String name, List<T> items, BiConsumer<Out, T> element) {
      name(name);
      g.writeStartArray();
      for (T item : items) {
        element.accept(this, item);
      }
      g.writeEndArray();
      field = name;
    }

    void data(String name, Map<String, Object> data) {
      name(name);
      dataValue(data);
      field = name;
    }

    private void dataValue(Object value) {
      if (value == null) {
        g.writeNull();
      } else if (value instanceof String s) {
        stringValue(s);
      } else if (value instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short
          || value instanceof Byte) {
        g.writeNumber(((Number) value).longValue());
      } else if (value instanceof BigInteger b) {
        String digits = b.toString();
        if (digits.length() - (b.signum() < 0 ? 1 : 0) > MAX_NUMBER_LENGTH) {
          throw refused("integer of " + digits.length() + " digits exceeds the limit of " + MAX_NUMBER_LENGTH);
        }
        g.writeNumber(digits);
      } else if (value instanceof Float f) {
        g.writeNumber(finite(f));
      } else if (value instanceof Double d) {
        g.writeNumber(finite(d));
      } else if (value instanceof BigDecimal d) {
        g.writeNumber(finite(d.doubleValue()));
      } else if (value instanceof Map<?, ?> map) {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof String key)) {
            throw refused("data keys must be strings, found " + describe(e.getKey()));
          }
          if (key.length() > MAX_NAME_LENGTH) {
            throw refused("data key of " + key.length() + " chars exceeds the limit of " + MAX_NAME_LENGTH);
          }
          g.writeName(key);
          dataValue(e.getValue());
        }
        g.writeEndObject();
      } else if (value instanceof List<?> list) {
        g.writeStartArray();
        for (Object item : list) {
          dataValue(item);
        }
        g.writeEndArray();
      } else {
        throw refused("data values must be JSON-like, found " + describe(value));
      }
    }

    private float finite(float value) {
      if (!Float.isFinite(value)) {
        throw refused("data numbers must be finite, found " + value);
      }
      return value;
    }

    private double finite(double value) {
      if (!Double.isFinite(value)) {
        throw refused("data numbers must be finite, found " + value);
      }
      return value;
    }

    private static String describe(Object value) {
      return value == null ? "null" : "a " + value.getClass().getName();
    }

    private IllegalArgumentException refused(String reason) {
      return new IllegalArgumentException("cannot encode " + kind + " record, field '" + field + "': " + reason);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading: one method per kind, each a loop over the fields into locals, then the constructor.

  private static Project readProject(In in) {
    ProjectId id = null;
    String name = null;
    String code = null;
    String description = null;
    Boolean open = null;
    String fps = null;
    String ratio = null;
    String resolution = null;
    String productionType = null;
    String productionStyle = null;
    LocalDate startDate = null;
    LocalDate endDate = null;
    Integer manDays = null;
    Integer nbEpisodes = null;
    Integer maxRetakes = null;
    Boolean clientsIsolated = null;
    Boolean botCollaborationEnabled = null;
    List<TeamMember> team = null;
    List<TaskTypeLink> taskTypeLinks = null;
    List<TaskStatusLink> taskStatusLinks = null;
    List<EntityTypeId> assetTypes = null;
    Map<String, Object> data = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(ProjectId.class, ProjectId::new);
        case "name" -> name = in.string();
        case "code" -> code = in.string();
        case "description" -> description = in.string();
        case "open" -> open = in.bool();
        case "fps" -> fps = in.string();
        case "ratio" -> ratio = in.string();
        case "resolution" -> resolution = in.string();
        case "production_type" -> productionType = in.string();
        case "production_style" -> productionStyle = in.string();
        case "start_date" -> startDate = in.date();
        case "end_date" -> endDate = in.date();
        case "man_days" -> manDays = in.integer();
        case "nb_episodes" -> nbEpisodes = in.integer();
        case "max_retakes" -> maxRetakes = in.integer();
        case "is_clients_isolated" -> clientsIsolated = in.bool();
        case "is_bot_collaboration_enabled" -> botCollaborationEnabled = in.bool();
        case "team" -> team = in.list(RecordCodec::readTeamMember);
        case "task_type_links" -> taskTypeLinks = in.list(RecordCodec::readTaskTypeLink);
        case "task_status_links" -> taskStatusLinks = in.list(RecordCodec::readTaskStatusLink);
        case "asset_types" -> assetTypes = in.list(i -> i.id(EntityTypeId.class, EntityTypeId::new));
        case "data" -> data = in.data();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Project(in.require("id", id), in.require("name", name), code, description,
          in.require("open", open), in.require("fps", fps), in.require("ratio", ratio),
          in.require("resolution", resolution), in.require("production_type", productionType),
          in.require("production_style", productionStyle), startDate, endDate, manDays,
          in.require("nb_episodes", nbEpisodes), in.require("max_retakes", maxRetakes),
          in.require("is_clients_isolated", clientsIsolated),
          in.require("is_bot_collaboration_enabled", botCollaborationEnabled), in.require("team", team),
          in.require("task_type_links", taskTypeLinks), in.require("task_status_links", taskStatusLinks),
          in.require("asset_types", assetTypes), data, in.require("created_at", createdAt),
          in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TeamMember readTeamMember(In in) {
    in.enterObject();
    PersonId personId = null;
    Role role = null;
    while (in.next()) {
      switch (in.name) {
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "role" -> role = in.role();
        default -> in.skip();
      }
    }
    try {
      return new TeamMember(in.require("person_id", personId), role);
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TaskTypeLink readTaskTypeLink(In in) {
    in.enterObject();
    TaskTypeId taskTypeId = null;
    Integer priority = null;
    while (in.next()) {
      switch (in.name) {
        case "task_type_id" -> taskTypeId = in.id(TaskTypeId.class, TaskTypeId::new);
        case "priority" -> priority = in.integer();
        default -> in.skip();
      }
    }
    try {
      return new TaskTypeLink(in.require("task_type_id", taskTypeId), in.require("priority", priority));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TaskStatusLink readTaskStatusLink(In in) {
    in.enterObject();
    TaskStatusId taskStatusId = null;
    Integer priority = null;
    List<Role> rolesForBoard = null;
    while (in.next()) {
      switch (in.name) {
        case "task_status_id" -> taskStatusId = in.id(TaskStatusId.class, TaskStatusId::new);
        case "priority" -> priority = in.integer();
        case "roles_for_board" -> rolesForBoard = in.list(In::role);
        default -> in.skip();
      }
    }
    try {
      return new TaskStatusLink(in.require("task_status_id", taskStatusId), in.require("priority", priority),
          in.require("roles_for_board", rolesForBoard));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Person readPerson(In in) {
    PersonId id = null;
    String firstName = null;
    String lastName = null;
    String email = null;
    Role role = null;
    Boolean active = null;
    Boolean archived = null;
    String position = null;
    String seniority = null;
    Integer dailySalary = null;
    String contractType = null;
    List<DepartmentId> departments = null;
    Boolean bot = null;
    LocalDate lastPresence = null;
    Map<String, Object> data = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(PersonId.class, PersonId::new);
        case "first_name" -> firstName = in.string();
        case "last_name" -> lastName = in.string();
        case "email" -> email = in.string();
        case "role" -> role = in.role();
        case "active" -> active = in.bool();
        case "archived" -> archived = in.bool();
        case "position" -> position = in.string();
        case "seniority" -> seniority = in.string();
        case "daily_salary" -> dailySalary = in.integer();
        case "contract_type" -> contractType = in.string();
        case "departments" -> departments = in.list(i -> i.id(DepartmentId.class, DepartmentId::new));
        case "is_bot" -> bot = in.bool();
        case "last_presence" -> lastPresence = in.date();
        case "data" -> data = in.data();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Person(in.require("id", id), in.require("first_name", firstName),
          in.require("last_name", lastName), email, in.require("role", role), in.require("active", active),
          in.require("archived", archived), in.require("position", position),
          in.require("seniority", seniority), dailySalary, in.require("contract_type", contractType),
          in.require("departments", departments), in.require("is_bot", bot), lastPresence, data,
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Department readDepartment(In in) {
    DepartmentId id = null;
    String name = null;
    String color = null;
    Boolean archived = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(DepartmentId.class, DepartmentId::new);
        case "name" -> name = in.string();
        case "color" -> color = in.string();
        case "archived" -> archived = in.bool();
        default -> in.skip();
      }
    }
    try {
      return new Department(in.require("id", id), in.require("name", name), in.require("color", color),
          in.require("archived", archived));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static EntityType readEntityType(In in) {
    EntityTypeId id = null;
    String name = null;
    String shortName = null;
    String description = null;
    Boolean archived = null;
    List<TaskTypeId> taskTypes = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(EntityTypeId.class, EntityTypeId::new);
        case "name" -> name = in.string();
        case "short_name" -> shortName = in.string();
        case "description" -> description = in.string();
        case "archived" -> archived = in.bool();
        case "task_types" -> taskTypes = in.list(i -> i.id(TaskTypeId.class, TaskTypeId::new));
        default -> in.skip();
      }
    }
    try {
      return new EntityType(in.require("id", id), in.require("name", name), shortName, description,
          in.require("archived", archived), in.require("task_types", taskTypes));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Entity readEntity(In in) {
    EntityId id = null;
    ProjectId projectId = null;
    EntityTypeId entityTypeId = null;
    String name = null;
    String code = null;
    String description = null;
    Boolean canceled = null;
    Integer nbFrames = null;
    Integer nbEntitiesOut = null;
    Boolean castingStandby = null;
    Boolean shared = null;
    String status = null;
    EntityId parentId = null;
    EntityId sourceId = null;
    TaskTypeId readyFor = null;
    PersonId createdBy = null;
    Map<String, Object> data = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(EntityId.class, EntityId::new);
        case "project_id" -> projectId = in.id(ProjectId.class, ProjectId::new);
        case "entity_type_id" -> entityTypeId = in.id(EntityTypeId.class, EntityTypeId::new);
        case "name" -> name = in.string();
        case "code" -> code = in.string();
        case "description" -> description = in.string();
        case "canceled" -> canceled = in.bool();
        case "nb_frames" -> nbFrames = in.integer();
        case "nb_entities_out" -> nbEntitiesOut = in.integer();
        case "is_casting_standby" -> castingStandby = in.bool();
        case "is_shared" -> shared = in.bool();
        case "status" -> status = in.string();
        case "parent_id" -> parentId = in.id(EntityId.class, EntityId::new);
        case "source_id" -> sourceId = in.id(EntityId.class, EntityId::new);
        case "ready_for" -> readyFor = in.id(TaskTypeId.class, TaskTypeId::new);
        case "created_by" -> createdBy = in.id(PersonId.class, PersonId::new);
        case "data" -> data = in.data();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Entity(in.require("id", id), in.require("project_id", projectId),
          in.require("entity_type_id", entityTypeId), in.require("name", name), code, description,
          in.require("canceled", canceled), nbFrames, in.require("nb_entities_out", nbEntitiesOut),
          in.require("is_casting_standby", castingStandby), in.require("is_shared", shared),
          in.require("status", status), parentId, sourceId, readyFor, createdBy, data,
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TaskType readTaskType(In in) {
    TaskTypeId id = null;
    String name = null;
    String shortName = null;
    String description = null;
    String color = null;
    Integer priority = null;
    String forEntity = null;
    Boolean allowTimelog = null;
    Boolean archived = null;
    DepartmentId departmentId = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(TaskTypeId.class, TaskTypeId::new);
        case "name" -> name = in.string();
        case "short_name" -> shortName = in.string();
        case "description" -> description = in.string();
        case "color" -> color = in.string();
        case "priority" -> priority = in.integer();
        case "for_entity" -> forEntity = in.string();
        case "allow_timelog" -> allowTimelog = in.bool();
        case "archived" -> archived = in.bool();
        case "department_id" -> departmentId = in.id(DepartmentId.class, DepartmentId::new);
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new TaskType(in.require("id", id), in.require("name", name), shortName, description,
          in.require("color", color), in.require("priority", priority), in.require("for_entity", forEntity),
          in.require("allow_timelog", allowTimelog), in.require("archived", archived), departmentId,
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TaskStatus readTaskStatus(In in) {
    TaskStatusId id = null;
    String name = null;
    String shortName = null;
    String description = null;
    String color = null;
    Integer priority = null;
    Boolean archived = null;
    Boolean isDefault = null;
    Boolean isDone = null;
    Boolean isRetake = null;
    Boolean isWip = null;
    Boolean isFeedbackRequest = null;
    Boolean isArtistAllowed = null;
    Boolean isClientAllowed = null;
    Boolean forConcept = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(TaskStatusId.class, TaskStatusId::new);
        case "name" -> name = in.string();
        case "short_name" -> shortName = in.string();
        case "description" -> description = in.string();
        case "color" -> color = in.string();
        case "priority" -> priority = in.integer();
        case "archived" -> archived = in.bool();
        case "is_default" -> isDefault = in.bool();
        case "is_done" -> isDone = in.bool();
        case "is_retake" -> isRetake = in.bool();
        case "is_wip" -> isWip = in.bool();
        case "is_feedback_request" -> isFeedbackRequest = in.bool();
        case "is_artist_allowed" -> isArtistAllowed = in.bool();
        case "is_client_allowed" -> isClientAllowed = in.bool();
        case "for_concept" -> forConcept = in.bool();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new TaskStatus(in.require("id", id), in.require("name", name), in.require("short_name", shortName),
          description, in.require("color", color), in.require("priority", priority),
          in.require("archived", archived), in.require("is_default", isDefault), in.require("is_done", isDone),
          in.require("is_retake", isRetake), in.require("is_wip", isWip),
          in.require("is_feedback_request", isFeedbackRequest), in.require("is_artist_allowed", isArtistAllowed),
          in.require("is_client_allowed", isClientAllowed), in.require("for_concept", forConcept),
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Task readTask(In in) {
    TaskId id = null;
    ProjectId projectId = null;
    TaskTypeId taskTypeId = null;
    TaskStatusId taskStatusId = null;
    EntityId entityId = null;
    String name = null;
    String description = null;
    Integer priority = null;
    Integer difficulty = null;
    Duration duration = null;
    Duration estimation = null;
    Integer completionRate = null;
    Integer retakeCount = null;
    Integer sortOrder = null;
    LocalDate startDate = null;
    LocalDate dueDate = null;
    Instant realStartDate = null;
    Instant endDate = null;
    Instant doneDate = null;
    Instant lastCommentDate = null;
    Integer nbAssetsReady = null;
    Integer nbDrawings = null;
    Map<String, Object> data = null;
    PersonId assignerId = null;
    List<PersonId> assignees = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(TaskId.class, TaskId::new);
        case "project_id" -> projectId = in.id(ProjectId.class, ProjectId::new);
        case "task_type_id" -> taskTypeId = in.id(TaskTypeId.class, TaskTypeId::new);
        case "task_status_id" -> taskStatusId = in.id(TaskStatusId.class, TaskStatusId::new);
        case "entity_id" -> entityId = in.id(EntityId.class, EntityId::new);
        case "name" -> name = in.string();
        case "description" -> description = in.string();
        case "priority" -> priority = in.integer();
        case "difficulty" -> difficulty = in.integer();
        case "duration" -> duration = in.minutes();
        case "estimation" -> estimation = in.minutes();
        case "completion_rate" -> completionRate = in.integer();
        case "retake_count" -> retakeCount = in.integer();
        case "sort_order" -> sortOrder = in.integer();
        case "start_date" -> startDate = in.date();
        case "due_date" -> dueDate = in.date();
        case "real_start_date" -> realStartDate = in.instant();
        case "end_date" -> endDate = in.instant();
        case "done_date" -> doneDate = in.instant();
        case "last_comment_date" -> lastCommentDate = in.instant();
        case "nb_assets_ready" -> nbAssetsReady = in.integer();
        case "nb_drawings" -> nbDrawings = in.integer();
        case "data" -> data = in.data();
        case "assigner_id" -> assignerId = in.id(PersonId.class, PersonId::new);
        case "assignees" -> assignees = in.list(i -> i.id(PersonId.class, PersonId::new));
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Task(in.require("id", id), in.require("project_id", projectId),
          in.require("task_type_id", taskTypeId), in.require("task_status_id", taskStatusId),
          in.require("entity_id", entityId), in.require("name", name), description,
          in.require("priority", priority), in.require("difficulty", difficulty),
          in.require("duration", duration), in.require("estimation", estimation),
          in.require("completion_rate", completionRate), in.require("retake_count", retakeCount),
          in.require("sort_order", sortOrder), startDate, dueDate, realStartDate, endDate, doneDate,
          lastCommentDate, in.require("nb_assets_ready", nbAssetsReady), in.require("nb_drawings", nbDrawings),
          data, assignerId, in.require("assignees", assignees), in.require("created_at", createdAt),
          in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Comment readComment(In in) {
    CommentId id = null;
    TaskId taskId = null;
    TaskStatusId taskStatusId = null;
    PersonId personId = null;
    PersonId editorId = null;
    String text = null;
    Map<String, Object> data = null;
    List<Reply> replies = null;
    List<ChecklistItem> checklist = null;
    Boolean pinned = null;
    Boolean forClient = null;
    List<String> links = null;
    List<PersonId> mentions = null;
    List<DepartmentId> departmentMentions = null;
    List<PersonId> acknowledgements = null;
    List<Attachment> attachments = null;
    Boolean hasPreview = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(CommentId.class, CommentId::new);
        case ORDER_FIELD -> {
          Long order = in.longInteger();
          in.order = order == null ? 0 : order;
        }
        case "object_id" -> taskId = in.id(TaskId.class, TaskId::new);
        case "object_type" -> {
          String type = in.string();
          if (type != null && !type.equals(OBJECT_TYPE_TASK)) {
            throw in.corrupt("comments are on tasks; expected \"Task\", found " + quote(type));
          }
        }
        case "task_status_id" -> taskStatusId = in.id(TaskStatusId.class, TaskStatusId::new);
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "editor_id" -> editorId = in.id(PersonId.class, PersonId::new);
        case "text" -> text = in.string();
        case "data" -> data = in.data();
        case "replies" -> replies = in.list(RecordCodec::readReply);
        case "checklist" -> checklist = in.list(RecordCodec::readChecklistItem);
        case "pinned" -> pinned = in.bool();
        case "for_client" -> forClient = in.bool();
        case "links" -> links = in.list(In::string);
        case "mentions" -> mentions = in.list(i -> i.id(PersonId.class, PersonId::new));
        case "department_mentions" -> departmentMentions = in.list(i -> i.id(DepartmentId.class, DepartmentId::new));
        case "acknowledgements" -> acknowledgements = in.list(i -> i.id(PersonId.class, PersonId::new));
        case "attachment_files" -> attachments = in.list(RecordCodec::readAttachment);
        case "has_preview" -> hasPreview = in.bool();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Comment(in.require("id", id), in.require("object_id", taskId),
          in.require("task_status_id", taskStatusId), in.require("person_id", personId), editorId,
          in.require("text", text), data, in.require("replies", replies), in.require("checklist", checklist),
          pinned, in.require("for_client", forClient), in.require("links", links),
          in.require("mentions", mentions), in.require("department_mentions", departmentMentions),
          in.require("acknowledgements", acknowledgements), in.require("attachment_files", attachments),
          in.require("has_preview", hasPreview), in.require("created_at", createdAt),
          in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Reply readReply(In in) {
    in.enterObject();
    UUID id = null;
    Instant date = null;
    PersonId personId = null;
    String text = null;
    List<PersonId> mentions = null;
    List<DepartmentId> departmentMentions = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(UUID.class, Function.identity());
        case "date" -> date = in.instant();
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "text" -> text = in.string();
        case "mentions" -> mentions = in.list(i -> i.id(PersonId.class, PersonId::new));
        case "department_mentions" -> departmentMentions = in.list(i -> i.id(DepartmentId.class, DepartmentId::new));
        default -> in.skip();
      }
    }
    try {
      return new Reply(in.require("id", id), in.require("date", date), in.require("person_id", personId),
          in.require("text", text), in.require("mentions", mentions),
          in.require("department_mentions", departmentMentions));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static ChecklistItem readChecklistItem(In in) {
    in.enterObject();
    String text = null;
    Boolean checked = null;
    while (in.next()) {
      switch (in.name) {
        case "text" -> text = in.string();
        case "checked" -> checked = in.bool();
        default -> in.skip();
      }
    }
    try {
      return new ChecklistItem(in.require("text", text), in.require("checked", checked));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Attachment readAttachment(In in) {
    in.enterObject();
    UUID id = null;
    String name = null;
    String extension = null;
    String mimetype = null;
    Long size = null;
    UUID replyId = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(UUID.class, Function.identity());
        case "name" -> name = in.string();
        case "extension" -> extension = in.string();
        case "mimetype" -> mimetype = in.string();
        case "size" -> size = in.longInteger();
        case "reply_id" -> replyId = in.id(UUID.class, Function.identity());
        default -> in.skip();
      }
    }
    try {
      return new Attachment(in.require("id", id), in.require("name", name), in.require("extension", extension),
          in.require("mimetype", mimetype), in.require("size", size), replyId);
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TimeSpent readTimeSpent(In in) {
    TimeSpentId id = null;
    TaskId taskId = null;
    PersonId personId = null;
    LocalDate date = null;
    Duration duration = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(TimeSpentId.class, TimeSpentId::new);
        case "task_id" -> taskId = in.id(TaskId.class, TaskId::new);
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "date" -> date = in.date();
        case "duration" -> duration = in.minutes();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new TimeSpent(in.require("id", id), in.require("task_id", taskId), in.require("person_id", personId),
          in.require("date", date), in.require("duration", duration), in.require("created_at", createdAt),
          in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static DayOff readDayOff(In in) {
    DayOffId id = null;
    PersonId personId = null;
    LocalDate date = null;
    LocalDate endDate = null;
    String description = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(DayOffId.class, DayOffId::new);
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "date" -> date = in.date();
        case "end_date" -> endDate = in.date();
        case "description" -> description = in.string();
        default -> in.skip();
      }
    }
    try {
      return new DayOff(in.require("id", id), in.require("person_id", personId), in.require("date", date),
          in.require("end_date", endDate), description);
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Notification readNotification(In in) {
    NotificationId id = null;
    PersonId personId = null;
    PersonId authorId = null;
    String type = null;
    TaskId taskId = null;
    CommentId commentId = null;
    UUID replyId = null;
    Boolean read = null;
    Boolean change = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(NotificationId.class, NotificationId::new);
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "author_id" -> authorId = in.id(PersonId.class, PersonId::new);
        case "type" -> type = in.string();
        case "task_id" -> taskId = in.id(TaskId.class, TaskId::new);
        case "comment_id" -> commentId = in.id(CommentId.class, CommentId::new);
        case "reply_id" -> replyId = in.id(UUID.class, u -> u);
        case "read" -> read = in.bool();
        case "change" -> change = in.bool();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Notification(in.require("id", id), in.require("person_id", personId),
          in.require("author_id", authorId), NotificationType.ofKitsuName(in.require("type", type)),
          in.require("task_id", taskId), commentId, replyId, in.require("read", read), in.require("change", change),
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static News readNews(In in) {
    NewsId id = null;
    ProjectId projectId = null;
    TaskId taskId = null;
    CommentId commentId = null;
    PersonId authorId = null;
    Boolean change = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(NewsId.class, NewsId::new);
        case "project_id" -> projectId = in.id(ProjectId.class, ProjectId::new);
        case "task_id" -> taskId = in.id(TaskId.class, TaskId::new);
        case "comment_id" -> commentId = in.id(CommentId.class, CommentId::new);
        case "author_id" -> authorId = in.id(PersonId.class, PersonId::new);
        case "change" -> change = in.bool();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new News(in.require("id", id), in.require("project_id", projectId), in.require("task_id", taskId),
          in.require("comment_id", commentId), in.require("author_id", authorId), in.require("change", change),
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static Subscription readSubscription(In in) {
    SubscriptionId id = null;
    PersonId personId = null;
    TaskId taskId = null;
    EntityId sequenceId = null;
    TaskTypeId taskTypeId = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(SubscriptionId.class, SubscriptionId::new);
        case "person_id" -> personId = in.id(PersonId.class, PersonId::new);
        case "task_id" -> taskId = in.id(TaskId.class, TaskId::new);
        case "entity_id" -> sequenceId = in.id(EntityId.class, EntityId::new);
        case "task_type_id" -> taskTypeId = in.id(TaskTypeId.class, TaskTypeId::new);
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new Subscription(in.require("id", id), in.require("person_id", personId), taskId, sequenceId,
          taskTypeId, in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static StatusAutomation readStatusAutomation(In in) {
    StatusAutomationId id = null;
    String entityType = null;
    TaskTypeId inType = null;
    TaskStatusId inStatus = null;
    String outField = null;
    TaskTypeId outType = null;
    TaskStatusId outStatus = null;
    Boolean importLast = null;
    Boolean archived = null;
    List<ProjectId> projects = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(StatusAutomationId.class, StatusAutomationId::new);
        case "entity_type" -> entityType = in.string();
        case "in_task_type_id" -> inType = in.id(TaskTypeId.class, TaskTypeId::new);
        case "in_task_status_id" -> inStatus = in.id(TaskStatusId.class, TaskStatusId::new);
        case "out_field_type" -> outField = in.string();
        case "out_task_type_id" -> outType = in.id(TaskTypeId.class, TaskTypeId::new);
        case "out_task_status_id" -> outStatus = in.id(TaskStatusId.class, TaskStatusId::new);
        case "import_last_revision" -> importLast = in.bool();
        case "archived" -> archived = in.bool();
        case "project_ids" -> projects = in.list(i -> i.id(ProjectId.class, ProjectId::new));
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new StatusAutomation(in.require("id", id), in.require("entity_type", entityType),
          in.require("in_task_type_id", inType), in.require("in_task_status_id", inStatus),
          in.require("out_field_type", outField), in.require("out_task_type_id", outType), outStatus,
          in.require("import_last_revision", importLast), in.require("archived", archived),
          in.require("project_ids", projects), in.require("created_at", createdAt),
          in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  private static TaskDependency readTaskDependency(In in) {
    TaskDependencyId id = null;
    ProjectId project = null;
    TaskId predecessor = null;
    TaskId successor = null;
    String type = null;
    Integer lag = null;
    Instant createdAt = null;
    Instant updatedAt = null;
    while (in.next()) {
      switch (in.name) {
        case "id" -> id = in.id(TaskDependencyId.class, TaskDependencyId::new);
        case "project_id" -> project = in.id(ProjectId.class, ProjectId::new);
        case "predecessor_id" -> predecessor = in.id(TaskId.class, TaskId::new);
        case "successor_id" -> successor = in.id(TaskId.class, TaskId::new);
        case "type" -> type = in.string();
        case "lag" -> lag = in.integer();
        case "created_at" -> createdAt = in.instant();
        case "updated_at" -> updatedAt = in.instant();
        default -> in.skip();
      }
    }
    try {
      return new TaskDependency(in.require("id", id), in.require("project_id", project),
          in.require("predecessor_id", predecessor), in.require("successor_id", successor),
          TaskDependency.Type.valueOf(in.require("type", type)), in.require("lag", lag),
          in.require("created_at", createdAt), in.require("updated_at", updatedAt));
    } catch (IllegalArgumentException e) {
      throw in.invalid(e);
    }
  }

  /** Quotes a value for an error message, cutting long ones. */
  private static String quote(String value) {
    return value.length() <= 60
        ? "'" + value + "'"
        : "'" + value.substring(0, 60) + "...' (" + value.length() + " chars)";
  }

  /**
   * A parser positioned on the current value, plus the path of that value for error messages. Value
   * readers expect the parser on the value's first token and leave it on the value's last token; they
   * return {@code null} for a JSON {@code null}.
   */
  private static final class In {
    final JsonParser p;
    final String kind;
    /** The path of the enclosing object, ending with '.', or "" at the top level. */
    String prefix = "";
    /** The current field name, or list element name such as {@code "assignees[2]"}. */
    String name;
    /** A comment's {@code prodtrack_order}, once read; 0 otherwise. */
    long order;

    /** Values shared across the records of one load, or null. */
    final LoadPool pool;
    /** The halves of the UUID {@link #parseUuid} parsed last. */
    long uuidMost;
    long uuidLeast;
    /** The key {@link #canonicalDateTimeKey} computed last: the date's and the time's fields, packed. */
    long keyA;
    long keyB;

    In(JsonParser p, String kind, LoadPool pool) {
      this.p = p;
      this.kind = kind;
      this.pool = pool;
    }

    /** The pool's value equal to {@code value} (added if absent), or {@code value} without a pool. */
    @SuppressWarnings("unchecked")
    <T> T shared(T value) {
      return pool == null ? value : pool.shared(value);
    }

    void root() {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt("a record must be a JSON object, found " + describe(p.currentToken()));
      }
    }

    /** Starts reading a nested object element: its fields' paths now start with this element's path. */
    void enterObject() {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw mistyped("an object");
      }
      prefix = path() + ".";
      name = null;
    }

    /** Moves to the next field's value; false at the end of the object. */
    boolean next() {
      String field = p.nextName();
      if (field == null) {
        if (p.currentToken() != JsonToken.END_OBJECT) {
          throw corrupt("expected a field name or the end of the object, found " + describe(p.currentToken()));
        }
        return false;
      }
      name = field;
      if (p.nextToken() == null) {
        throw corrupt("document ends before the field's value");
      }
      return true;
    }

    void skip() {
      p.skipChildren();
    }

    String path() {
      if (name == null) {
        return prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
      }
      return prefix + name;
    }

    <T> T require(String field, T value) {
      if (value == null) {
        throw new CorruptRecordException(kind, prefix + field, "required field is missing or null");
      }
      return value;
    }

    CorruptRecordException corrupt(String reason) {
      return new CorruptRecordException(kind, path(), reason);
    }

    CorruptRecordException mistyped(String expected) {
      return corrupt("expected " + expected + ", found " + describe(p.currentToken()));
    }

    /** The record's constructor refused the decoded values. */
    CorruptRecordException invalid(IllegalArgumentException e) {
      String object = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
      return new CorruptRecordException(kind, object, "invalid values: " + e.getMessage(), e);
    }

    private static String describe(JsonToken t) {
      if (t == null) {
        return "the end of the document";
      }
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "a string";
        case VALUE_NUMBER_INT -> "an integer";
        case VALUE_NUMBER_FLOAT -> "a fractional number";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case VALUE_NULL -> "null";
        default -> t.name();
      };
    }

    String string() {
      return shared(rawString());
    }

    /** A string value not taken from the pool (the text of an id or a date, parsed and dropped). */
    String rawString() {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_STRING) {
        throw mistyped("a string");
      }
      return p.getString();
    }

    <T> T id(Class<T> type, Function<UUID, T> wrap) {
      String text = rawString();
      if (text == null) {
        return null;
      }
      if (!parseUuid(text)) {
        throw corrupt("not a UUID: " + quote(text));
      }
      return pool == null ? wrap.apply(new UUID(uuidMost, uuidLeast)) : pool.id(uuidMost, uuidLeast, type, wrap);
    }

    Boolean bool() {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      } else if (t == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      } else if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      throw mistyped("true or false");
    }

    Integer integer() {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw mistyped("an integer");
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw corrupt("integer out of the int range: " + quote(p.getString()));
      }
      return p.getIntValue();
    }

    Long longInteger() {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw mistyped("an integer");
      }
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        throw corrupt("integer out of the long range: " + quote(p.getString()));
      }
      return p.getLongValue();
    }

    Instant instant() {
      String text = rawString();
      if (text == null) {
        return null;
      }
      try {
        if (pool != null && canonicalDateTimeKey(text)) {
          Instant kept = (Instant) pool.get(keyA, keyB, Instant.class);
          if (kept == null) {
            kept = parseCanonicalDateTime(text).toInstant(ZoneOffset.UTC);
            pool.put(keyA, keyB, Instant.class, kept);
          }
          return kept;
        }
        LocalDateTime canonical = parseCanonicalDateTime(text);
        return shared((canonical != null ? canonical : LocalDateTime.parse(text, DATE_TIME)).toInstant(ZoneOffset.UTC));
      } catch (DateTimeException e) {
        throw corrupt("expected a naive UTC date-time yyyy-MM-ddTHH:mm:ss[.fraction], found " + quote(text));
      }
    }

    LocalDate date() {
      String text = rawString();
      if (text == null) {
        return null;
      }
      try {
        if (pool != null && text.length() == 10 && canonicalDate(text)) {
          long key = number(text, 0, 4) * 10_000L + number(text, 5, 7) * 100L + number(text, 8, 10);
          LocalDate kept = (LocalDate) pool.get(key, 0, LocalDate.class);
          if (kept == null) {
            kept = parseDate(text, 0);
            pool.put(key, 0, LocalDate.class, kept);
          }
          return kept;
        }
        return shared(text.length() == 10 && canonicalDate(text) ? parseDate(text, 0) : LocalDate.parse(text, DATE));
      } catch (DateTimeException e) {
        throw corrupt("expected a date yyyy-MM-dd, found " + quote(text));
      }
    }

    /** Minutes as any JSON number, rounded half-up to the nanosecond. */
    Duration minutes() {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
        throw mistyped("a number of minutes");
      }
      BigDecimal minutes = p.getDecimalValue();
      if (minutes.signum() == 0) {
        return Duration.ZERO;
      }
      int integerDigits = minutes.precision() - minutes.scale();
      if (integerDigits > MAX_MINUTE_DIGITS + 1) {
        throw corrupt("minutes out of the duration range: " + quote(p.getString()));
      }
      if (integerDigits < -MINUTE_FRACTION_DIGITS) {
        return Duration.ZERO; // under 1e-12 minutes = 0.06 ns: rounds to zero
      }
      BigInteger nanos = minutes.multiply(NANOS_PER_MINUTE).setScale(0, RoundingMode.HALF_UP).toBigInteger();
      BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
      try {
        return shared(Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue()));
      } catch (ArithmeticException e) {
        throw corrupt("minutes out of the duration range: " + quote(p.getString()));
      }
    }

    Role role() {
      String text = rawString();
      if (text == null) {
        return null;
      }
      try {
        return Role.ofKitsuName(text);
      } catch (IllegalArgumentException e) {
        throw corrupt(e.getMessage());
      }
    }

    /** A list whose elements are read by {@code element}; a null element is corrupt. */
    <T> List<T> list(Function<In, T> element) {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.START_ARRAY) {
        throw mistyped("an array");
      }
      String outerPrefix = prefix;
      String outerName = name;
      List<T> items = new ArrayList<>();
      for (int i = 0; ; i++) {
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
          break;
        }
        if (t == null) {
          throw corrupt("document ends inside an array");
        }
        prefix = outerPrefix;
        name = outerName + "[" + i + "]";
        T item = element.apply(this);
        if (item == null) {
          prefix = outerPrefix;
          name = outerName + "[" + i + "]";
          throw corrupt("list elements must not be null");
        }
        items.add(item);
      }
      prefix = outerPrefix;
      name = outerName;
      return items;
    }

    Map<String, Object> data() {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.START_OBJECT) {
        throw mistyped("an object");
      }
      return dataObject();
    }

    private Map<String, Object> dataObject() {
      Map<String, Object> map = new LinkedHashMap<>();
      String key;
      while ((key = p.nextName()) != null) {
        if (p.nextToken() == null) {
          throw corrupt("document ends inside data");
        }
        map.put(key, dataValue());
      }
      return map;
    }

    private Object dataValue() {
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT:
          return dataObject();
        case START_ARRAY: {
          List<Object> list = new ArrayList<>();
          for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
              throw corrupt("document ends inside data");
            }
            list.add(dataValue());
          }
          return list;
        }
        case VALUE_STRING:
          return p.getString();
        case VALUE_NUMBER_INT: {
          JsonParser.NumberType type = p.getNumberType();
          if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            return p.getLongValue();
          }
          return p.getBigIntegerValue();
        }
        case VALUE_NUMBER_FLOAT: {
          double value = p.getDoubleValue();
          if (!Double.isFinite(value)) {
            throw corrupt("number out of the double range: " + quote(p.getString()));
          }
          return value;
        }
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          throw corrupt("unexpected " + describe(t) + " in data");
      }
    }

    /**
     * Whether {@code t} has the canonical date-time shape ({@link #parseCanonicalDateTime}); if so, sets
     * {@link #keyA} to its date fields ({@code yyyyMMdd}) and {@link #keyB} to its time fields
     * ({@code HHmmss} and the nanoseconds), packed as decimal numbers without checking their ranges:
     * equal keys mean the same fields, so the same instant, and a text with out-of-range fields has a key
     * no valid text has (its parse throws before anything is kept under it).
     */
    private boolean canonicalDateTimeKey(String t) {
      int n = t.length();
      if (n < 19 || n == 20 || n > 29 || !canonicalDate(t) || t.charAt(10) != 'T' || t.charAt(13) != ':'
          || t.charAt(16) != ':' || !digits(t, 11, 13) || !digits(t, 14, 16) || !digits(t, 17, 19)) {
        return false;
      }
      long nanos = 0;
      if (n > 19) {
        if (t.charAt(19) != '.' || !digits(t, 20, n)) {
          return false;
        }
        nanos = number(t, 20, n);
        for (int i = n; i < 29; i++) {
          nanos *= 10;
        }
      }
      keyA = number(t, 0, 4) * 10_000L + number(t, 5, 7) * 100L + number(t, 8, 10);
      keyB = ((number(t, 11, 13) * 100L + number(t, 14, 16)) * 100L + number(t, 17, 19)) * 1_000_000_000L + nanos;
      return true;
    }

    /**
     * Parses the canonical 8-4-4-4-12 hex form only ({@link UUID#fromString} accepts shorter forms), in one
     * pass, into {@link #uuidMost} and {@link #uuidLeast}; false if {@code text} is not of that form.
     */
    private boolean parseUuid(String text) {
      if (text.length() != 36) {
        return false;
      }
      long most = 0;
      long least = 0;
      for (int i = 0; i < 36; i++) {
        char c = text.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          if (c != '-') {
            return false;
          }
          continue;
        }
        int digit;
        if (c >= '0' && c <= '9') {
          digit = c - '0';
        } else if (c >= 'a' && c <= 'f') {
          digit = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
          digit = c - 'A' + 10;
        } else {
          return false;
        }
        if (i < 18) {
          most = most << 4 | digit;
        } else {
          least = least << 4 | digit;
        }
      }
      uuidMost = most;
      uuidLeast = least;
      return true;
    }
  }
}
