package dev.prodtrack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.prodtrack.model.Attachment;
import dev.prodtrack.model.ChecklistItem;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.DayOffId;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.DepartmentId;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Reply;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
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
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

class RecordCodecTest {
  private static final Instant T0 = Instant.parse("2024-01-23T10:00:00Z");
  private static final Instant T_NANOS = Instant.parse("2024-01-23T10:15:30.123456789Z");

  // ---------------------------------------------------------------------------------------------
  // Fixtures: every kind with all fields populated, and with every nullable field null

  private static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012x", n));
  }

  private static String idText(int n) {
    return id(n).toString();
  }

  private static Map<String, Object> richData() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", null);
    inner.put("a", List.of(1L, "two", true, List.of(), Map.of()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("frame_in", 1001L);
    data.put("fps", 24.0);
    data.put("ratio", 2.39);
    data.put("tiny", -1.5e-300);
    data.put("negative_zero", -0.0);
    data.put("big", new BigInteger("123456789012345678901234567890"));
    data.put("below_long", BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));
    data.put("long_max", Long.MAX_VALUE);
    data.put("none", null);
    data.put("flags", Arrays.asList(true, false, null));
    data.put("nested", inner);
    data.put("text", "é ✓ 𝄞 \"quoted\" \\ / \n\t\u0001");
    return data;
  }

  static Project fullProject() {
    return new Project(new ProjectId(id(0x10)), "Big Buck Bunny", "BBB", "An open movie", true, "24", "2.39:1",
        "4096x1716", "featurefilm", "3d", LocalDate.of(2024, 1, 8), LocalDate.of(2025, 6, 30), 1200, 0, 3, true,
        false,
        List.of(new TeamMember(new PersonId(id(6)), Role.MANAGER), new TeamMember(new PersonId(id(7)), null)),
        List.of(new TaskTypeLink(new TaskTypeId(id(3)), 1), new TaskTypeLink(new TaskTypeId(id(0x13)), 2)),
        List.of(new TaskStatusLink(new TaskStatusId(id(4)), 2, List.of(Role.USER, Role.SUPERVISOR)),
            new TaskStatusLink(new TaskStatusId(id(0x14)), 1, List.of())),
        List.of(new EntityTypeId(id(0x30))), richData(), T0, T_NANOS);
  }

  static Project minimalProject() {
    return new Project(new ProjectId(id(0x11)), "Short", null, null, false, "25", "16:9", "1920x1080", "short",
        "2d3d", null, null, null, 0, 0, false, false, List.of(), List.of(), List.of(), List.of(), null, T0, T0);
  }

  static Person fullPerson() {
    return new Person(new PersonId(id(6)), "Ada", "Lovelace", "ada@example.com", Role.SUPERVISOR, true, false,
        "lead", "senior", 450, "freelance", List.of(new DepartmentId(id(0x40)), new DepartmentId(id(0x41))), false,
        LocalDate.of(2024, 1, 22), richData(), T0, T_NANOS);
  }

  static Person minimalPerson() {
    return new Person(new PersonId(id(7)), "", "Bot", null, Role.USER, false, true, "artist", "mid", null,
        "open-ended", List.of(), true, null, null, T0, T0);
  }

  static Department fullDepartment() {
    return new Department(new DepartmentId(id(0x40)), "Modeling", "#ff0000", true);
  }

  static EntityType fullEntityType() {
    return new EntityType(new EntityTypeId(id(0x30)), "Character", "CHR", "Heroes and villains", false,
        List.of(new TaskTypeId(id(3)), new TaskTypeId(id(0x13))));
  }

  static EntityType minimalEntityType() {
    return new EntityType(new EntityTypeId(id(0x31)), "Shot", null, null, true, List.of());
  }

  static Entity fullEntity() {
    return new Entity(new EntityId(id(5)), new ProjectId(id(0x10)), new EntityTypeId(id(0x30)), "Bunny", "BNY",
        "The hero", true, 240, 2, true, true, "running", new EntityId(id(0x50)), new EntityId(id(0x51)),
        new TaskTypeId(id(3)), new PersonId(id(6)), richData(), T0, T_NANOS);
  }

  static Entity minimalEntity() {
    return new Entity(new EntityId(id(0x52)), new ProjectId(id(0x10)), new EntityTypeId(id(0x31)), "SH010", null,
        null, false, null, 0, false, false, "standby", null, null, null, null, null, T0, T0);
  }

  static TaskType fullTaskType() {
    return new TaskType(new TaskTypeId(id(3)), "Modeling", "MOD", "Build the meshes", "#FFFFFF", 1, "Asset", true,
        true, new DepartmentId(id(0x40)), T0, T_NANOS);
  }

  static TaskType minimalTaskType() {
    return new TaskType(new TaskTypeId(id(0x13)), "Animation", null, null, "#00ff00", -3, "Shot", false, false,
        null, T0, T0);
  }

  static TaskStatus fullTaskStatus() {
    return new TaskStatus(new TaskStatusId(id(4)), "Work In Progress", "wip", "Someone is on it", "#3273dc", 2,
        true, true, true, true, true, true, true, true, true, T0, T_NANOS);
  }

  static TaskStatus minimalTaskStatus() {
    return new TaskStatus(new TaskStatusId(id(0x14)), "Todo", "todo", null, "#f5f5f5", 1, false, false, false,
        false, false, false, false, false, false, T0, T0);
  }

  static Task fullTask() {
    return new Task(new TaskId(id(1)), new ProjectId(id(0x10)), new TaskTypeId(id(3)), new TaskStatusId(id(4)),
        new EntityId(id(5)), "main", "Model the hero", 3, 4, Duration.ofSeconds(5430, 123_456_789),
        Duration.ofMinutes(480), 50, 2, 7, LocalDate.of(2024, 1, 22), LocalDate.of(2024, 2, 2), T_NANOS,
        T0.plusSeconds(3600), T0.plusMillis(7_200_500), T0.plusNanos(1), 3, 12, richData(), new PersonId(id(6)),
        List.of(new PersonId(id(7)), new PersonId(id(8))), T0, T_NANOS);
  }

  static Task minimalTask() {
    return new Task(new TaskId(id(2)), new ProjectId(id(0x10)), new TaskTypeId(id(3)), new TaskStatusId(id(4)),
        new EntityId(id(5)), "main", null, 0, 3, Duration.ZERO, Duration.ZERO, 0, 0, 0, null, null, null, null,
        null, null, 0, 0, null, null, List.of(), T0, T0);
  }

  static Comment fullComment() {
    return new Comment(new CommentId(id(0x60)), new TaskId(id(1)), new TaskStatusId(id(4)), new PersonId(id(6)),
        new PersonId(id(7)), "Looks good @Ada Lovelace", richData(),
        List.of(new Reply(id(0x61), T_NANOS, new PersonId(id(7)), "thanks",
            List.of(new PersonId(id(6))), List.of(new DepartmentId(id(0x40))))),
        List.of(new ChecklistItem("fix the ears", true), new ChecklistItem("", false)),
        Boolean.TRUE, true, List.of("https://example.com/a", "https://example.com/b"),
        List.of(new PersonId(id(6))), List.of(new DepartmentId(id(0x40))), List.of(new PersonId(id(7))),
        List.of(new Attachment(id(0x62), "ref.png", "png", "image/png", 123_456_789_012L, id(0x61)),
            new Attachment(id(0x63), "notes.txt", "txt", "text/plain", 0, null)),
        true, T0, T_NANOS);
  }

  static Comment minimalComment() {
    return new Comment(new CommentId(id(0x64)), new TaskId(id(1)), new TaskStatusId(id(0x14)), new PersonId(id(6)),
        null, "", null, List.of(), List.of(), null, false, List.of(), List.of(), List.of(), List.of(), List.of(),
        false, T0, T0);
  }

  static TimeSpent fullTimeSpent() {
    return new TimeSpent(new TimeSpentId(id(0x21)), new TaskId(id(1)), new PersonId(id(6)), LocalDate.of(2024, 1, 23),
        Duration.ofSeconds(5430, 1), T0, T_NANOS);
  }

  static TimeSpent minimalTimeSpent() {
    return new TimeSpent(new TimeSpentId(id(0x21)), new TaskId(id(1)), new PersonId(id(6)), LocalDate.of(2024, 1, 23),
        Duration.ofMinutes(90), T0, T_NANOS);
  }

  static DayOff fullDayOff() {
    return new DayOff(new DayOffId(id(0x70)), new PersonId(id(6)), LocalDate.of(2024, 1, 23),
        LocalDate.of(2024, 1, 25), "Holiday");
  }

  static DayOff minimalDayOff() {
    return new DayOff(new DayOffId(id(0x71)), new PersonId(id(6)), LocalDate.of(2024, 1, 23),
        LocalDate.of(2024, 1, 23), null);
  }

  static dev.prodtrack.model.Notification fullNotification() {
    return new dev.prodtrack.model.Notification(new dev.prodtrack.model.NotificationId(id(0x81)), new PersonId(id(6)),
        new PersonId(id(7)), dev.prodtrack.model.NotificationType.REPLY_MENTION, new TaskId(id(8)),
        new CommentId(id(9)), id(0x82), true, true, Instant.parse("2024-01-23T10:00:00.5Z"),
        Instant.parse("2024-01-24T10:00:00Z"));
  }

  static dev.prodtrack.model.Notification minimalNotification() {
    return new dev.prodtrack.model.Notification(new dev.prodtrack.model.NotificationId(id(0x83)), new PersonId(id(6)),
        new PersonId(id(7)), dev.prodtrack.model.NotificationType.ASSIGNATION, new TaskId(id(8)), null, null, false,
        false, Instant.parse("2024-01-23T10:00:00Z"), Instant.parse("2024-01-23T10:00:00Z"));
  }

  static dev.prodtrack.model.News fullNews() {
    return new dev.prodtrack.model.News(new dev.prodtrack.model.NewsId(id(0x84)), new ProjectId(id(1)),
        new TaskId(id(8)), new CommentId(id(9)), new PersonId(id(7)), true, Instant.parse("2024-01-23T10:00:00Z"),
        Instant.parse("2024-01-23T11:00:00Z"));
  }

  static dev.prodtrack.model.Subscription taskSubscription() {
    return new dev.prodtrack.model.Subscription(new dev.prodtrack.model.SubscriptionId(id(0x85)), new PersonId(id(6)),
        new TaskId(id(8)), null, null, Instant.parse("2024-01-23T10:00:00Z"), Instant.parse("2024-01-23T10:00:00Z"));
  }

  static dev.prodtrack.model.Subscription sequenceSubscription() {
    return new dev.prodtrack.model.Subscription(new dev.prodtrack.model.SubscriptionId(id(0x86)), new PersonId(id(6)),
        null, new EntityId(id(3)), new TaskTypeId(id(4)), Instant.parse("2024-01-23T10:00:00Z"),
        Instant.parse("2024-01-23T10:00:00Z"));
  }

  static dev.prodtrack.model.StatusAutomation statusAutomation() {
    return new dev.prodtrack.model.StatusAutomation(new dev.prodtrack.model.StatusAutomationId(id(0x87)), "asset",
        new TaskTypeId(id(4)), new TaskStatusId(id(5)), "status", new TaskTypeId(id(0x88)), new TaskStatusId(id(0x89)),
        true, false, List.of(new ProjectId(id(1)), new ProjectId(id(0x90))), Instant.parse("2024-01-23T10:00:00Z"),
        Instant.parse("2024-01-23T10:00:00Z"));
  }

  static dev.prodtrack.model.TaskDependency taskDependency() {
    return new dev.prodtrack.model.TaskDependency(new dev.prodtrack.model.TaskDependencyId(id(0x91)),
        new ProjectId(id(1)), new TaskId(id(8)), new TaskId(id(0x92)), dev.prodtrack.model.TaskDependency.Type.SF, -2,
        Instant.parse("2024-01-23T10:00:00Z"), Instant.parse("2024-01-23T10:00:00Z"));
  }

  @Test
  void taskDependency_layout() {
    assertThat(json(taskDependency())).isEqualTo("{\"id\":\"" + id(0x91) + "\",\"project_id\":\"" + id(1)
        + "\",\"predecessor_id\":\"" + id(8) + "\",\"successor_id\":\"" + id(0x92)
        + "\",\"type\":\"SF\",\"lag\":-2,\"created_at\":\"2024-01-23T10:00:00\",\"updated_at\":\"2024-01-23T10:00:00\"}");
    assertThat(decodeFails("task_dependency", json(taskDependency()).replace("\"SF\"", "\"XX\"")))
        .isInstanceOf(CorruptRecordException.class);
    assertThat(decodeFails("task_dependency", json(taskDependency()).replace(id(0x92).toString(), id(8).toString())))
        .isInstanceOf(CorruptRecordException.class);
  }

  static Stream<Arguments> records() {
    return Stream.of(fullProject(), minimalProject(), fullPerson(), minimalPerson(), fullDepartment(),
            fullEntityType(), minimalEntityType(), fullEntity(), minimalEntity(), fullTaskType(), minimalTaskType(),
            fullTaskStatus(), minimalTaskStatus(), fullTask(), minimalTask(), fullComment(), minimalComment(),
            fullTimeSpent(), minimalTimeSpent(), fullDayOff(), minimalDayOff(), fullNotification(),
            minimalNotification(), fullNews(), taskSubscription(), sequenceSubscription(), statusAutomation(),
            taskDependency())
        .map(r -> Arguments.of(RecordCodec.kindOf(r), r));
  }

  private static String json(Object record) {
    return new String(RecordCodec.encode(record), UTF_8);
  }

  private static Object decode(String kind, String json) {
    return RecordCodec.decode(kind, json.getBytes(UTF_8));
  }

  private static CorruptRecordException decodeFails(String kind, String json) {
    try {
      decode(kind, json);
    } catch (CorruptRecordException e) {
      return e;
    }
    throw new AssertionError("decoding did not fail: "
        + (json.length() > 300 ? json.substring(0, 300) + "..." : json));
  }

  /** Inserts fields right after the opening brace of a record. */
  private static String withLeadingFields(String json, String fields) {
    return "{" + fields + "," + json.substring(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Round trips

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("records")
  void decode_ofEncoded_equalsRecord(String kind, Object record) {
    assertThat(RecordCodec.decode(kind, RecordCodec.encode(record))).isEqualTo(record);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("records")
  void encode_ofDecoded_isByteIdentical(String kind, Object record) {
    byte[] bytes = RecordCodec.encode(record);
    assertThat(RecordCodec.encode(RecordCodec.decode(kind, bytes))).isEqualTo(bytes);
  }

  static Stream<Arguments> minimalRecords() {
    return Stream.of(minimalProject(), minimalPerson(), minimalEntityType(), minimalEntity(), minimalTaskType(),
            minimalTaskStatus(), minimalTask(), minimalComment(), minimalDayOff())
        .map(r -> Arguments.of(RecordCodec.kindOf(r), r));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("minimalRecords")
  void decode_nullFieldsAbsent_sameAsNull(String kind, Object record) {
    String withoutNulls = json(record).replaceAll(",\"[a-z_]+\":null", "");
    assertThat(withoutNulls).doesNotContain("null");
    assertThat(decode(kind, withoutNulls)).isEqualTo(record);
  }

  @Test
  void decode_nestedNullFieldsAbsent_sameAsNull() {
    String project = json(fullProject()).replace(",\"role\":null", "");
    assertThat(project).doesNotContain("\"role\":null");
    assertThat(decode("project", project)).isEqualTo(fullProject());
    String comment = json(fullComment()).replace(",\"reply_id\":null", "");
    assertThat(comment).doesNotContain("\"reply_id\":null");
    assertThat(decode("comment", comment)).isEqualTo(fullComment());
  }

  @Test
  void loneSurrogates_roundTripEscaped() {
    Task task = minimalTask().withName("a\ud800b").withDescription("\udc00");
    assertThat(json(task)).contains("\"name\":\"a\\uD800b\"").contains("\"description\":\"\\uDC00\"");
    assertThat(RecordCodec.decode("task", RecordCodec.encode(task))).isEqualTo(task);
  }

  @Test
  void kindOf_namesEveryKind() {
    assertThat(records().map(a -> (String) a.get()[0]).distinct())
        .containsExactlyInAnyOrderElementsOf(RecordCodec.KINDS);
    assertThat(RecordCodec.kindOf(fullTask())).isEqualTo("task");
    assertThat(RecordCodec.kindOf(fullEntityType())).isEqualTo("entity_type");
    assertThat(RecordCodec.kindOf(fullTimeSpent())).isEqualTo("time_spent");
    assertThat(RecordCodec.kindOf(fullDayOff())).isEqualTo("day_off");
    assertThatThrownBy(() -> RecordCodec.kindOf("a string"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void decode_unknownKind_throwsIllegalArgument() {
    assertThatThrownBy(() -> decode("shot", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'shot'");
  }

  // ---------------------------------------------------------------------------------------------
  // Comment ordinal

  @Test
  void encodeComment_storesOrderAfterId() {
    byte[] bytes = RecordCodec.encodeComment(fullComment(), 42);
    assertThat(new String(bytes, UTF_8))
        .startsWith("{\"id\":\"" + idText(0x60) + "\",\"prodtrack_order\":42,\"object_id\":\"" + idText(1)
            + "\",\"object_type\":\"Task\",");
    assertThat(RecordCodec.commentOrder(bytes)).isEqualTo(42);
    assertThat(RecordCodec.decode("comment", bytes)).isEqualTo(fullComment());
    assertThat(RecordCodec.encodeComment((Comment) RecordCodec.decode("comment", bytes), 42)).isEqualTo(bytes);
  }

  @Test
  void commentOrder_absentOrNull_isZero() {
    assertThat(RecordCodec.commentOrder(RecordCodec.encode(fullComment()))).isZero();
    String withNull = withLeadingFields(json(minimalComment()), "\"prodtrack_order\":null");
    assertThat(RecordCodec.commentOrder(withNull.getBytes(UTF_8))).isZero();
    assertThat(RecordCodec.commentOrder(RecordCodec.encodeComment(minimalComment(), Long.MIN_VALUE)))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void commentOrder_mistyped_throwsCorrupt() {
    String text = withLeadingFields(json(minimalComment()), "\"prodtrack_order\":\"7\"");
    assertThatThrownBy(() -> RecordCodec.commentOrder(text.getBytes(UTF_8)))
        .isInstanceOfSatisfying(CorruptRecordException.class, e -> {
          assertThat(e.kind()).isEqualTo("comment");
          assertThat(e.field()).isEqualTo("prodtrack_order");
        });
    assertThat(decodeFails("comment", text).field()).isEqualTo("prodtrack_order");
  }

  // ---------------------------------------------------------------------------------------------
  // Exact output

  @Test
  void encode_timeSpentOf90Minutes_writesIntegerMinutesAndNaiveDates() {
    assertThat(json(minimalTimeSpent())).isEqualTo("{\"id\":\"" + idText(0x21) + "\",\"task_id\":\"" + idText(1)
        + "\",\"person_id\":\"" + idText(6) + "\",\"date\":\"2024-01-23\",\"duration\":90,"
        + "\"created_at\":\"2024-01-23T10:00:00\",\"updated_at\":\"2024-01-23T10:15:30.123456789\"}");
  }

  @Test
  void encode_dayOff_writesNullsAndPlainDates() {
    assertThat(json(minimalDayOff())).isEqualTo("{\"id\":\"" + idText(0x71) + "\",\"person_id\":\"" + idText(6)
        + "\",\"date\":\"2024-01-23\",\"end_date\":\"2024-01-23\",\"description\":null}");
  }

  @Test
  void encode_instants_naiveUtcWithFractionOnlyWhenNonZero() {
    String text = json(fullTask());
    assertThat(text)
        .contains("\"real_start_date\":\"2024-01-23T10:15:30.123456789\"")
        .contains("\"end_date\":\"2024-01-23T11:00:00\"")
        .contains("\"done_date\":\"2024-01-23T12:00:00.5\"")
        .contains("\"last_comment_date\":\"2024-01-23T10:00:00.000000001\"")
        .contains("\"start_date\":\"2024-01-22\"")
        .doesNotContain("Z\"")
        .doesNotContain("+00:00");
  }

  @Test
  void encode_durations_wholeMinutesAsIntegersFractionsAsDecimals() {
    assertThat(json(fullTask())).contains("\"duration\":90.50205761315,").contains("\"estimation\":480,");
    assertThat(json(minimalTask())).contains("\"duration\":0,").contains("\"estimation\":0,");
    assertThat(json(minimalTimeSpent().withDuration(Duration.ofSeconds(5430)))).contains("\"duration\":90.5,");
    assertThat(json(minimalTimeSpent().withDuration(Duration.ofSeconds(1)))).contains("\"duration\":0.016666666667,");
    assertThat(json(minimalTimeSpent().withDuration(Duration.ofNanos(1)))).contains("\"duration\":0.000000000017,");
  }

  @Test
  void encode_data_keepsKeyOrderAndNumberForms() {
    String text = json(fullEntity());
    assertThat(text).contains("\"data\":{\"frame_in\":1001,\"fps\":24.0,\"ratio\":2.39,\"tiny\":-1.5E-300,"
        + "\"negative_zero\":-0.0,\"big\":123456789012345678901234567890,\"below_long\":-9223372036854775809,"
        + "\"long_max\":9223372036854775807,\"none\":null,\"flags\":[true,false,null],"
        + "\"nested\":{\"z\":null,\"a\":[1,\"two\",true,[],{}]},"
        + "\"text\":\"é ✓ 𝄞 \\\"quoted\\\" \\\\ / \\n\\t\\u0001\"}");
  }

  // ---------------------------------------------------------------------------------------------
  // Tolerant reading

  @Test
  void decode_minutes_acceptsAnyNumberForm() {
    String base = json(minimalTimeSpent());
    assertThat(durationOf(base.replace("\"duration\":90", "\"duration\":1.5e1"))).isEqualTo(Duration.ofMinutes(15));
    assertThat(durationOf(base.replace("\"duration\":90", "\"duration\":0.5"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(durationOf(base.replace("\"duration\":90", "\"duration\":90.000"))).isEqualTo(Duration.ofMinutes(90));
    assertThat(durationOf(base.replace("\"duration\":90", "\"duration\":0.016666666666666666")))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(durationOf(base.replace("\"duration\":90", "\"duration\":1E-11"))).isEqualTo(Duration.ofNanos(1));
  }

  private static Duration durationOf(String timeSpentJson) {
    return ((TimeSpent) decode("time_spent", timeSpentJson)).duration();
  }

  @Test
  void decode_unknownFields_areSkippedAtEveryLevel() {
    String unknown = "\"future\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"},\"other\":[[],{}],\"n\":1e999";
    String text = withLeadingFields(json(fullComment()), unknown)
        .replace("{\"id\":\"" + idText(0x61) + "\"", "{" + unknown + ",\"id\":\"" + idText(0x61) + "\"")
        .replace("{\"text\":\"fix the ears\"", "{\"extra\":true,\"text\":\"fix the ears\"");
    assertThat(decode("comment", text)).isEqualTo(fullComment());

    String project = json(fullProject()).replace("\"role\":\"manager\"", "\"role\":\"manager\",\"shotgun_id\":12");
    assertThat(decode("project", project)).isEqualTo(fullProject());
  }

  @Test
  void decode_kitsuSpellings_areAccepted() {
    String upperCaseIds = json(fullTask()).replace(idText(1), idText(1).toUpperCase(java.util.Locale.ROOT));
    assertThat(decode("task", upperCaseIds)).isEqualTo(fullTask());
    String noObjectType = json(minimalComment()).replace("\"object_type\":\"Task\",", "");
    assertThat(decode("comment", noObjectType)).isEqualTo(minimalComment());
    String upperCaseRole = json(fullPerson()).replace("\"role\":\"supervisor\"", "\"role\":\"SUPERVISOR\"");
    assertThat(decode("person", upperCaseRole)).isEqualTo(fullPerson());
  }

  @Test
  void decode_data_numbersComeBackAsLongBigIntegerDouble() {
    String text = json(minimalTask()).replace("\"data\":{}",
        "\"data\":{\"i\":5,\"l\":9223372036854775807,\"b\":9223372036854775808,\"d\":5.0,\"e\":1e2}");
    Map<String, Object> data = ((Task) decode("task", text)).data();
    assertThat(data.get("i")).isEqualTo(5L);
    assertThat(data.get("l")).isEqualTo(Long.MAX_VALUE);
    assertThat(data.get("b")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(data.get("d")).isEqualTo(5.0);
    assertThat(data.get("e")).isEqualTo(100.0);
    assertThat(data.keySet()).containsExactly("i", "l", "b", "d", "e");
  }

  @Test
  void data_atDeepestReadableNesting_roundTrips() {
    Task task = minimalTask().withData(nested(62)); // record object + data object + 62 levels = 64
    assertThat(RecordCodec.decode("task", RecordCodec.encode(task))).isEqualTo(task);
  }

  private static Map<String, Object> nested(int levels) {
    Map<String, Object> data = Map.of("leaf", 1L);
    for (int i = 0; i < levels; i++) {
      data = Map.of("n", data);
    }
    return data;
  }

  // ---------------------------------------------------------------------------------------------
  // Refused writes: never store what cannot be read back

  @Test
  void encode_dataTooDeep_refused() {
    Task task = minimalTask().withData(nested(63));
    assertThatThrownBy(() -> RecordCodec.encode(task))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void encode_nonFiniteOrForeignData_refused() {
    Map<String, Object> nan = new LinkedHashMap<>();
    nan.put("x", Double.NaN);
    assertThatThrownBy(() -> RecordCodec.encode(minimalTask().withData(nan)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    Map<String, Object> atomic = new LinkedHashMap<>();
    atomic.put("x", new java.util.concurrent.atomic.AtomicLong(1));
    assertThatThrownBy(() -> RecordCodec.encode(minimalTask().withData(atomic)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AtomicLong");
  }

  @Test
  void encode_integerBeyondNumberLimit_refused() {
    Map<String, Object> big = new LinkedHashMap<>();
    big.put("x", BigInteger.TEN.pow(1000));
    assertThatThrownBy(() -> RecordCodec.encode(minimalTask().withData(big)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1001 digits");
  }

  @Test
  void encode_notARecord_refused() {
    assertThatThrownBy(() -> RecordCodec.encode(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Corrupt input

  @Test
  void decode_truncated_throwsCorrupt() {
    String text = json(fullTask());
    for (int cut : new int[] {0, 1, 10, text.length() / 2, text.length() - 1}) {
      CorruptRecordException e = decodeFails("task", text.substring(0, cut));
      assertThat(e.kind()).isEqualTo("task");
    }
    CorruptRecordException e = decodeFails("task", text.substring(0, text.indexOf("\"estimation\"") - 3));
    assertThat(e.field()).isEqualTo("duration");
    assertThat(e).hasMessageStartingWith("corrupt task record, field 'duration': malformed JSON: ");
  }

  @Test
  void decode_wrongType_namesField() {
    CorruptRecordException e = decodeFails("task", json(fullTask()).replace("\"priority\":3", "\"priority\":\"high\""));
    assertThat(e.kind()).isEqualTo("task");
    assertThat(e.field()).isEqualTo("priority");
    assertThat(e).hasMessage("corrupt task record, field 'priority': expected an integer, found a string");

    assertThat(decodeFails("task", json(fullTask()).replace("\"priority\":3", "\"priority\":3.5")).field())
        .isEqualTo("priority");
    assertThat(decodeFails("task", json(fullTask()).replace("\"priority\":3", "\"priority\":3000000000")).field())
        .isEqualTo("priority");
    assertThat(decodeFails("task", json(fullTask()).replace("\"name\":\"main\"", "\"name\":[\"main\"]")).field())
        .isEqualTo("name");
    assertThat(decodeFails("task", json(fullTask()).replace("\"duration\":90.50205761315", "\"duration\":\"90\""))
        .field()).isEqualTo("duration");
    assertThat(decodeFails("department", json(fullDepartment()).replace("\"archived\":true", "\"archived\":1"))
        .field()).isEqualTo("archived");
  }

  @Test
  void decode_badUuid_namesFieldAndValue() {
    CorruptRecordException e = decodeFails("task", json(fullTask()).replace(idText(0x10), "not-a-uuid"));
    assertThat(e.field()).isEqualTo("project_id");
    assertThat(e).hasMessageContaining("'not-a-uuid'");
    // UUID.fromString would accept this short form; stored ids must be canonical
    assertThat(decodeFails("task", json(fullTask()).replace(idText(0x10), "1-1-1-1-1")).field())
        .isEqualTo("project_id");
    assertThat(decodeFails("task", json(fullTask()).replace(idText(8), "0000000g-0000-4000-8000-000000000008"))
        .field()).isEqualTo("assignees[1]");
    assertThat(decodeFails("comment", json(fullComment()).replace(idText(0x61) + "\",\"date\"", "x\",\"date\""))
        .field()).isEqualTo("replies[0].id");
  }

  @Test
  void decode_missingRequired_namesField() {
    String text = json(fullTask()).replace("\"id\":\"" + idText(1) + "\",", "");
    CorruptRecordException e = decodeFails("task", text);
    assertThat(e.field()).isEqualTo("id");
    assertThat(e).hasMessageContaining("missing");

    assertThat(decodeFails("task", json(fullTask()).replace("\"name\":\"main\"", "\"name\":null")).field())
        .isEqualTo("name");
    assertThat(decodeFails("task", json(fullTask()).replace("\"difficulty\":4,", "")).field())
        .isEqualTo("difficulty");
    assertThat(decodeFails("comment", json(fullComment()).replace("\"checked\":true", "\"checked\":null")).field())
        .isEqualTo("checklist[0].checked");
    assertThat(decodeFails("task", "{}").field()).isEqualTo("id");
  }

  @Test
  void decode_nestingDepth1000_throwsCorrupt() {
    String deep = "\"deep\":" + "[".repeat(1000) + "]".repeat(1000);
    CorruptRecordException e = decodeFails("task", withLeadingFields(json(fullTask()), deep));
    assertThat(e).hasMessageContaining("nesting depth");
    String deepData = json(minimalTask()).replace("\"data\":{}",
        "\"data\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000));
    assertThat(decodeFails("task", deepData)).hasMessageContaining("nesting depth");
  }

  @Test
  void decode_millionDigitNumber_throwsCorrupt() {
    String digits = "1".repeat(1_000_000);
    CorruptRecordException e = decodeFails("task", json(fullTask()).replace("\"priority\":3", "\"priority\":" + digits));
    assertThat(e).hasMessageContaining("Number value length");
    assertThat(e.field()).isEqualTo("priority");
    assertThat(decodeFails("task", withLeadingFields(json(fullTask()), "\"unknown\":" + digits)).field())
        .isEqualTo("unknown");
    assertThat(decodeFails("task", json(minimalTask()).replace("\"data\":{}", "\"data\":{\"x\":[" + digits + "]}"))
        .field()).isEqualTo("data.x[0]");
    assertThat(decodeFails("task", json(minimalTask()).replace("\"duration\":0", "\"duration\":0." + digits))
        .field()).isEqualTo("duration");
  }

  @Test
  void decode_hugeExponentMinutes_throwsCorruptQuickly() {
    assertThat(decodeFails("task", json(minimalTask()).replace("\"duration\":0", "\"duration\":1e999999999"))
        .field()).isEqualTo("duration");
    Task tiny = (Task) decode("task", json(minimalTask()).replace("\"duration\":0", "\"duration\":1e-999999999"));
    assertThat(tiny.duration()).isZero();
  }

  @Test
  void decode_otherMalformedInput_throwsCorrupt() {
    String task = json(fullTask());
    assertThat(decodeFails("task", "").field()).isNull();
    assertThat(decodeFails("task", "[]")).hasMessageContaining("must be a JSON object");
    assertThat(decodeFails("task", "null")).hasMessageContaining("must be a JSON object");
    assertThat(decodeFails("task", task + "{}")).hasMessageContaining("trailing content");
    assertThat(decodeFails("task", task + "x")).hasMessageContaining("malformed JSON");
    assertThat(decodeFails("task", withLeadingFields(task, "\"priority\":1"))).hasMessageContaining("Duplicate");
    assertThat(decodeFails("task", task.replace("\"assignees\":[", "\"assignees\":[null,")).field())
        .isEqualTo("assignees[0]");
    assertThat(decodeFails("task", task.replace("\"start_date\":\"2024-01-22\"", "\"start_date\":\"2024-01-32\""))
        .field()).isEqualTo("start_date");
    assertThat(decodeFails("task", task.replace("\"end_date\":\"2024-01-23T11:00:00\"",
        "\"end_date\":\"2024-01-23T11:00:00Z\"")).field()).isEqualTo("end_date");
    assertThat(decodeFails("person", json(fullPerson()).replace("\"role\":\"supervisor\"", "\"role\":\"boss\""))
        .field()).isEqualTo("role");
    assertThat(decodeFails("comment", json(fullComment()).replace("\"object_type\":\"Task\"",
        "\"object_type\":\"Asset\"")).field()).isEqualTo("object_type");
    assertThat(decodeFails("task", json(minimalTask()).replace("\"data\":{}", "\"data\":{\"x\":1e400}")).field())
        .isEqualTo("data");
    assertThat(decodeFails("task", json(minimalTask()).replace("\"data\":{}", "\"data\":[]")).field())
        .isEqualTo("data");
  }

  @Test
  void decode_valuesTheRecordRefuses_throwsCorrupt() {
    CorruptRecordException e = decodeFails("task", json(fullTask()).replace("\"difficulty\":4", "\"difficulty\":9"));
    assertThat(e.field()).isNull();
    assertThat(e).hasMessageContaining("difficulty must be 1..5, was 9");
    assertThat(decodeFails("time_spent", json(minimalTimeSpent()).replace("\"duration\":90", "\"duration\":0")))
        .hasMessageContaining("must be > 0");
    assertThat(decodeFails("time_spent", json(minimalTimeSpent()).replace("\"duration\":90", "\"duration\":-1")))
        .hasMessageContaining("must be > 0");
    assertThat(decodeFails("task_type", json(fullTaskType()).replace("\"Asset\"", "\"Prop\"")))
        .hasMessageContaining("unknown for_entity 'Prop'");
  }

  // ---------------------------------------------------------------------------------------------
  // Property: random tasks round-trip exactly and re-encode to the same bytes

  @Test
  void randomTasks_roundTrip() {
    qt().withExamples(500).forAll(tasks()).checkAssert(task -> {
      byte[] bytes = RecordCodec.encode(task);
      Object decoded = RecordCodec.decode("task", bytes);
      assertThat(decoded).isEqualTo(task);
      assertThat(RecordCodec.encode(decoded)).isEqualTo(bytes);
    });
  }

  private static final Gen<String> TEXT = strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 12)
      .mix(strings().betweenCodePoints(0x10000, 0x10FFFF).ofLengthBetween(0, 4));
  private static final Gen<UUID> UUIDS = longs().all().zip(longs().all(), UUID::new);
  private static final Gen<Instant> INSTANTS = longs()
      .between(LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC), LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC))
      .zip(integers().between(0, 999_999_999), (s, n) -> Instant.ofEpochSecond(s, n))
      .mix(longs().between(0, 4_000_000_000L).map(s -> Instant.ofEpochSecond(s)));
  private static final Gen<LocalDate> DATES =
      longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(d -> LocalDate.ofEpochDay(d));
  private static final Gen<Duration> DURATIONS = longs().between(0, Long.MAX_VALUE)
      .zip(integers().between(0, 999_999_999), (s, n) -> Duration.ofSeconds(s, n))
      .mix(longs().between(0, 100_000).map(m -> Duration.ofMinutes(m)))
      .mix(longs().between(0, 1_000_000_000_000L).map(m -> Duration.ofMillis(m)));

  private static <T> T orNull(RandomnessSource in, Gen<T> gen) {
    return booleans().all().generate(in) ? gen.generate(in) : null;
  }

  private static Object jsonValue(RandomnessSource in, int depth) {
    switch (Generate.range(0, depth > 0 ? 7 : 5).generate(in)) {
      case 0:
        return null;
      case 1:
        return TEXT.generate(in);
      case 2:
        return longs().all().generate(in);
      case 3: {
        double d = doubles().any().generate(in);
        return Double.isFinite(d) ? d : 0.5;
      }
      case 4:
        return booleans().all().generate(in);
      case 5: {
        BigInteger beyondLong = BigInteger.valueOf(Long.MAX_VALUE)
            .add(BigInteger.valueOf(longs().between(1, Long.MAX_VALUE).generate(in)))
            .multiply(BigInteger.valueOf(longs().between(1, Long.MAX_VALUE).generate(in)));
        return booleans().all().generate(in) ? beyondLong : beyondLong.negate();
      }
      case 6: {
        List<Object> list = new ArrayList<>();
        for (int i = integers().between(0, 3).generate(in); i > 0; i--) {
          list.add(jsonValue(in, depth - 1));
        }
        return list;
      }
      default:
        return jsonObject(in, depth - 1);
    }
  }

  private static Map<String, Object> jsonObject(RandomnessSource in, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = integers().between(0, 4).generate(in); i > 0; i--) {
      map.put(TEXT.generate(in), jsonValue(in, depth));
    }
    return map;
  }

  private static Gen<Task> tasks() {
    return in -> {
      List<PersonId> assignees = new ArrayList<>();
      for (int i = integers().between(0, 4).generate(in); i > 0; i--) {
        assignees.add(new PersonId(UUIDS.generate(in)));
      }
      return new Task(new TaskId(UUIDS.generate(in)), new ProjectId(UUIDS.generate(in)),
          new TaskTypeId(UUIDS.generate(in)), new TaskStatusId(UUIDS.generate(in)), new EntityId(UUIDS.generate(in)),
          "t" + TEXT.generate(in), orNull(in, TEXT), integers().all().generate(in),
          integers().between(1, 5).generate(in), DURATIONS.generate(in), DURATIONS.generate(in),
          integers().all().generate(in), integers().between(0, Integer.MAX_VALUE).generate(in),
          integers().all().generate(in), orNull(in, DATES), orNull(in, DATES), orNull(in, INSTANTS),
          orNull(in, INSTANTS), orNull(in, INSTANTS), orNull(in, INSTANTS), integers().all().generate(in),
          integers().all().generate(in), jsonObject(in, 3), orNull(in, UUIDS.map(u -> new PersonId(u))), assignees,
          INSTANTS.generate(in), INSTANTS.generate(in));
    };
  }
}
