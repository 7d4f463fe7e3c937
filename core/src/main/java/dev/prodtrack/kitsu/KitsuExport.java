package dev.prodtrack.kitsu;

import dev.prodtrack.EngineRecords;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.model.Attachment;
import dev.prodtrack.model.ChecklistItem;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.DayOff;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.Id;
import dev.prodtrack.model.News;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Reply;
import dev.prodtrack.model.StatusAutomation;
import dev.prodtrack.model.Subscription;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusLink;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeLink;
import dev.prodtrack.model.TeamMember;
import dev.prodtrack.model.TimeSpent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes an engine's production as a Kitsu dump: one file per {@link KitsuCollection}, in the shapes
 * {@link KitsuImport} reads, so that {@code export(import(dump))} gives back every field the engine
 * models.
 *
 * <p><b>Format.</b> Each file is a JSON array with one object per line, UTF-8, ending with a newline.
 * Fields appear in a fixed order under Kitsu's names; every modelled field is written, {@code null}
 * included. Instants are naive UTC date-times ({@code 2024-03-01T10:00:00}, a fraction only when
 * non-zero); a task's {@code start_date} and {@code due_date} are written as zou stores them, midnight
 * date-times; other plain dates as {@code yyyy-MM-dd}. Durations are minutes: an integer for whole minutes,
 * else a decimal of at most 12 fraction digits (enough to bring back the nanosecond).
 *
 * <p><b>Order.</b> Deterministic: records sorted by id, comments in the engine's chronology (created_at,
 * then posting order), link files by project id then in the project's list order. The same state always
 * gives the same bytes.
 *
 * <p><b>What does not survive a round trip</b> (export then import, or import then export):
 * <ul>
 *   <li>project statuses: the engine keeps an open flag, so {@code project_statuses.json} always holds
 *       "Open" and "Closed" with fixed name-based ids and colour {@code #000000}; any other status name
 *       comes back as "Closed";</li>
 *   <li>the ids of project links (task-type and task-status links get fixed name-based ids; person links
 *       have none);</li>
 *   <li>preview ids of comments: only whether a comment has a preview is kept, written as the prodtrack
 *       field {@code has_preview} with an empty {@code previews} list;</li>
 *   <li>{@code data}: an empty or null {@code data} is written as {@code null}; numbers come back as Kitsu's
 *       JSON has them (an integer as a long, a fraction as a double);</li>
 *   <li>the posting order of comments of one task dated the same instant is kept as their order, not as
 *       the engine's ordinal;</li>
 *   <li>fields the engine does not model (see the {@link ImportReport} of the import), and unknown fields,
 *       which the import moved into {@code data} where the record has one;</li>
 *   <li>a comment's null {@code text} or a reply's null {@code text} become empty strings; a day off
 *       without {@code end_date} ends on its {@code date}.</li>
 * </ul>
 *
 * <p>Thread safety: reads the engine in one consistent snapshot; concurrent mutations after the snapshot
 * are not written.
 */
public final class KitsuExport {
  private static final JsonFactory JSON = JsonFactory.builder().rootValueSeparator(",\n").build();
  private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);

  /** The id {@code project_statuses.json} gives "Open". */
  static final UUID OPEN_STATUS = nameUuid("project-status:Open");
  /** The id {@code project_statuses.json} gives "Closed". */
  static final UUID CLOSED_STATUS = nameUuid("project-status:Closed");

  private KitsuExport() {}

  /**
   * Writes every collection of the engine into {@code dir}, replacing files of the same names.
   *
   * @param engine the engine
   * @param dir the directory, created if missing
   * @return the number of records written per collection, in collection order
   * @throws IOException if a file cannot be written (files already written stay)
   * @throws NullPointerException if an argument is null
   */
  public static Map<KitsuCollection, Long> exportDirectory(ProdTrack engine, Path dir) throws IOException {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    Map<Class<?>, List<Object>> byType = new HashMap<>();
    for (Object r : EngineRecords.records(engine)) {
      byType.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
    }
    Map<KitsuCollection, Long> counts = new EnumMap<>(KitsuCollection.class);
    List<Project> projects = sorted(byType, Project.class, Project::id);
    List<StatusAutomation> automations = sorted(byType, StatusAutomation.class, StatusAutomation::id);
    Map<ProjectId, List<UUID>> automationsOf = new LinkedHashMap<>();
    for (StatusAutomation a : automations) {
      for (ProjectId p : a.projectIds()) {
        automationsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(a.id().value());
      }
    }

    write(dir, KitsuCollection.DEPARTMENTS, counts, sorted(byType, Department.class, Department::id),
        KitsuExport::department);
    write(dir, KitsuCollection.PERSONS, counts, sorted(byType, Person.class, Person::id), KitsuExport::person);
    write(dir, KitsuCollection.TASK_TYPES, counts, sorted(byType, TaskType.class, TaskType::id),
        KitsuExport::taskType);
    write(dir, KitsuCollection.TASK_STATUSES, counts, sorted(byType, TaskStatus.class, TaskStatus::id),
        KitsuExport::taskStatus);
    write(dir, KitsuCollection.ENTITY_TYPES, counts, sorted(byType, EntityType.class, EntityType::id),
        KitsuExport::entityType);
    write(dir, KitsuCollection.PROJECT_STATUSES, counts, List.of("Open", "Closed"), (o, name) -> {
      o.uuid("id", name.equals("Open") ? OPEN_STATUS : CLOSED_STATUS);
      o.string("name", name);
      o.string("color", "#000000");
    });
    write(dir, KitsuCollection.STATUS_AUTOMATIONS, counts, automations, KitsuExport::statusAutomation);
    write(dir, KitsuCollection.PROJECTS, counts, projects,
        (o, p) -> project(o, p, automationsOf.getOrDefault(p.id(), List.of())));
    List<Object[]> team = new ArrayList<>();
    List<Object[]> typeLinks = new ArrayList<>();
    List<Object[]> statusLinks = new ArrayList<>();
    for (Project p : projects) {
      p.team().forEach(m -> team.add(new Object[] {p, m}));
      p.taskTypeLinks().forEach(l -> typeLinks.add(new Object[] {p, l}));
      p.taskStatusLinks().forEach(l -> statusLinks.add(new Object[] {p, l}));
    }
    write(dir, KitsuCollection.PROJECT_PERSON_LINKS, counts, team, (o, pair) -> {
      Project p = (Project) pair[0];
      TeamMember m = (TeamMember) pair[1];
      o.id("project_id", p.id());
      o.id("person_id", m.personId());
      o.string("role", m.role() == null ? null : m.role().kitsuName());
    });
    write(dir, KitsuCollection.PROJECT_TASK_TYPE_LINKS, counts, typeLinks, (o, pair) -> {
      Project p = (Project) pair[0];
      TaskTypeLink l = (TaskTypeLink) pair[1];
      o.uuid("id", nameUuid("project-task-type-link:" + p.id().value() + ":" + l.taskTypeId().value()));
      o.id("project_id", p.id());
      o.id("task_type_id", l.taskTypeId());
      o.integer("priority", l.priority());
    });
    write(dir, KitsuCollection.PROJECT_TASK_STATUS_LINKS, counts, statusLinks, (o, pair) -> {
      Project p = (Project) pair[0];
      TaskStatusLink l = (TaskStatusLink) pair[1];
      o.uuid("id", nameUuid("project-task-status-link:" + p.id().value() + ":" + l.taskStatusId().value()));
      o.id("project_id", p.id());
      o.id("task_status_id", l.taskStatusId());
      o.integer("priority", l.priority());
      o.g.writeName("roles_for_board");
      o.g.writeStartArray();
      l.rolesForBoard().forEach(r -> o.g.writeString(r.kitsuName()));
      o.g.writeEndArray();
    });
    write(dir, KitsuCollection.ENTITIES, counts, sorted(byType, Entity.class, Entity::id), KitsuExport::entity);
    write(dir, KitsuCollection.TASKS, counts, sorted(byType, Task.class, Task::id), KitsuExport::task);
    @SuppressWarnings("unchecked")
    List<Comment> comments = (List<Comment>) (List<?>) byType.getOrDefault(Comment.class, List.of());
    write(dir, KitsuCollection.COMMENTS, counts, comments, KitsuExport::comment);
    write(dir, KitsuCollection.TIME_SPENTS, counts, sorted(byType, TimeSpent.class, TimeSpent::id),
        KitsuExport::timeSpent);
    write(dir, KitsuCollection.DAY_OFFS, counts, sorted(byType, DayOff.class, DayOff::id), KitsuExport::dayOff);
    write(dir, KitsuCollection.NOTIFICATIONS, counts, sorted(byType, Notification.class, Notification::id),
        KitsuExport::notification);
    write(dir, KitsuCollection.NEWS, counts, sorted(byType, News.class, News::id), KitsuExport::news);
    write(dir, KitsuCollection.SUBSCRIPTIONS, counts, sorted(byType, Subscription.class, Subscription::id),
        KitsuExport::subscription);
    return counts;
  }

  private static <T> List<T> sorted(Map<Class<?>, List<Object>> byType, Class<T> type, Function<T, Id> id) {
    List<T> list = new ArrayList<>();
    for (Object o : byType.getOrDefault(type, List.of())) {
      list.add(type.cast(o));
    }
    list.sort(Comparator.comparing(r -> id.apply(r).value()));
    return list;
  }

  private static <T> void write(Path dir, KitsuCollection c, Map<KitsuCollection, Long> counts, List<T> records,
      BiConsumer<Out, T> fields) throws IOException {
    Path file = dir.resolve(c.fileName());
    try (OutputStream stream = Files.newOutputStream(file);
        JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), stream)) {
      Out out = new Out(g);
      g.writeRaw(records.isEmpty() ? "[" : "[\n");
      for (T r : records) {
        g.writeStartObject();
        fields.accept(out, r);
        g.writeEndObject();
      }
      g.writeRaw(records.isEmpty() ? "]\n" : "\n]\n");
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getOriginalMessage(), e));
    }
    counts.put(c, (long) records.size());
  }

  private static UUID nameUuid(String name) {
    return UUID.nameUUIDFromBytes(("prodtrack:" + name).getBytes(StandardCharsets.UTF_8));
  }

  // ---- shapes (the field order is the export format)

  private static void department(Out o, Department d) {
    o.id("id", d.id());
    o.string("name", d.name());
    o.string("color", d.color());
    o.bool("archived", d.archived());
  }

  private static void person(Out o, Person p) {
    o.id("id", p.id());
    o.string("first_name", p.firstName());
    o.string("last_name", p.lastName());
    o.string("email", p.email());
    o.string("role", p.role().kitsuName());
    o.bool("active", p.active());
    o.bool("archived", p.archived());
    o.string("position", p.position());
    o.string("seniority", p.seniority());
    o.integer("daily_salary", p.dailySalary());
    o.string("contract_type", p.contractType());
    o.ids("departments", p.departments());
    o.bool("is_bot", p.bot());
    o.date("last_presence", p.lastPresence());
    o.data("data", p.data());
    o.instant("created_at", p.createdAt());
    o.instant("updated_at", p.updatedAt());
  }

  private static void taskType(Out o, TaskType t) {
    o.id("id", t.id());
    o.string("name", t.name());
    o.string("short_name", t.shortName());
    o.string("description", t.description());
    o.string("color", t.color());
    o.integer("priority", t.priority());
    o.string("for_entity", t.forEntity());
    o.bool("allow_timelog", t.allowTimelog());
    o.bool("archived", t.archived());
    o.id("department_id", t.departmentId());
    o.instant("created_at", t.createdAt());
    o.instant("updated_at", t.updatedAt());
  }

  private static void taskStatus(Out o, TaskStatus s) {
    o.id("id", s.id());
    o.string("name", s.name());
    o.string("short_name", s.shortName());
    o.string("description", s.description());
    o.string("color", s.color());
    o.integer("priority", s.priority());
    o.bool("archived", s.archived());
    o.bool("is_default", s.isDefault());
    o.bool("is_done", s.isDone());
    o.bool("is_retake", s.isRetake());
    o.bool("is_wip", s.isWip());
    o.bool("is_feedback_request", s.isFeedbackRequest());
    o.bool("is_artist_allowed", s.isArtistAllowed());
    o.bool("is_client_allowed", s.isClientAllowed());
    o.bool("for_concept", s.forConcept());
    o.instant("created_at", s.createdAt());
    o.instant("updated_at", s.updatedAt());
  }

  private static void entityType(Out o, EntityType t) {
    o.id("id", t.id());
    o.string("name", t.name());
    o.string("short_name", t.shortName());
    o.string("description", t.description());
    o.bool("archived", t.archived());
    o.ids("task_types", t.taskTypes());
  }

  private static void statusAutomation(Out o, StatusAutomation a) {
    o.id("id", a.id());
    o.string("entity_type", a.entityType());
    o.id("in_task_type_id", a.inTaskTypeId());
    o.id("in_task_status_id", a.inTaskStatusId());
    o.string("out_field_type", a.outFieldType());
    o.id("out_task_type_id", a.outTaskTypeId());
    o.id("out_task_status_id", a.outTaskStatusId());
    o.bool("import_last_revision", a.importLastRevision());
    o.bool("archived", a.archived());
    o.instant("created_at", a.createdAt());
    o.instant("updated_at", a.updatedAt());
  }

  private static void project(Out o, Project p, List<UUID> automations) {
    o.id("id", p.id());
    o.string("name", p.name());
    o.string("code", p.code());
    o.string("description", p.description());
    o.uuid("project_status_id", p.open() ? OPEN_STATUS : CLOSED_STATUS);
    o.string("fps", p.fps());
    o.string("ratio", p.ratio());
    o.string("resolution", p.resolution());
    o.string("production_type", p.productionType());
    o.string("production_style", p.productionStyle());
    o.date("start_date", p.startDate());
    o.date("end_date", p.endDate());
    o.integer("man_days", p.manDays());
    o.integer("nb_episodes", p.nbEpisodes());
    o.integer("max_retakes", p.maxRetakes());
    o.bool("is_clients_isolated", p.clientsIsolated());
    o.bool("is_bot_collaboration_enabled", p.botCollaborationEnabled());
    o.ids("team", p.team().stream().map(TeamMember::personId).toList());
    o.ids("asset_types", p.assetTypes());
    o.ids("task_types", p.taskTypeLinks().stream().map(TaskTypeLink::taskTypeId).toList());
    o.ids("task_statuses", p.taskStatusLinks().stream().map(TaskStatusLink::taskStatusId).toList());
    o.g.writeName("status_automations");
    o.g.writeStartArray();
    automations.forEach(a -> o.g.writeString(a.toString()));
    o.g.writeEndArray();
    o.data("data", p.data());
    o.instant("created_at", p.createdAt());
    o.instant("updated_at", p.updatedAt());
  }

  private static void entity(Out o, Entity e) {
    o.id("id", e.id());
    o.string("name", e.name());
    o.string("code", e.code());
    o.string("description", e.description());
    o.bool("canceled", e.canceled());
    o.integer("nb_frames", e.nbFrames());
    o.integer("nb_entities_out", e.nbEntitiesOut());
    o.bool("is_casting_standby", e.castingStandby());
    o.bool("is_shared", e.shared());
    o.string("status", e.status());
    o.id("project_id", e.projectId());
    o.id("entity_type_id", e.entityTypeId());
    o.id("parent_id", e.parentId());
    o.id("source_id", e.sourceId());
    o.id("ready_for", e.readyFor());
    o.id("created_by", e.createdBy());
    o.data("data", e.data());
    o.instant("created_at", e.createdAt());
    o.instant("updated_at", e.updatedAt());
  }

  private static void task(Out o, Task t) {
    o.id("id", t.id());
    o.string("name", t.name());
    o.string("description", t.description());
    o.integer("priority", t.priority());
    o.integer("difficulty", t.difficulty());
    o.minutes("duration", t.duration());
    o.minutes("estimation", t.estimation());
    o.integer("completion_rate", t.completionRate());
    o.integer("retake_count", t.retakeCount());
    o.integer("sort_order", t.sortOrder());
    o.midnight("start_date", t.startDate());
    o.midnight("due_date", t.dueDate());
    o.instant("real_start_date", t.realStartDate());
    o.instant("end_date", t.endDate());
    o.instant("done_date", t.doneDate());
    o.instant("last_comment_date", t.lastCommentDate());
    o.integer("nb_assets_ready", t.nbAssetsReady());
    o.integer("nb_drawings", t.nbDrawings());
    o.data("data", t.data());
    o.id("project_id", t.projectId());
    o.id("task_type_id", t.taskTypeId());
    o.id("task_status_id", t.taskStatusId());
    o.id("entity_id", t.entityId());
    o.id("assigner_id", t.assignerId());
    o.ids("assignees", t.assignees());
    o.instant("created_at", t.createdAt());
    o.instant("updated_at", t.updatedAt());
  }

  private static void comment(Out o, Comment c) {
    o.id("id", c.id());
    o.id("object_id", c.taskId());
    o.string("object_type", "Task");
    o.id("task_status_id", c.taskStatusId());
    o.id("person_id", c.personId());
    o.id("editor_id", c.editorId());
    o.string("text", c.text());
    o.data("data", c.data());
    JsonGenerator g = o.g;
    g.writeName("replies");
    g.writeStartArray();
    for (Reply r : c.replies()) {
      g.writeStartObject();
      o.uuid("id", r.id());
      o.instant("date", r.date());
      o.id("person_id", r.personId());
      o.string("text", r.text());
      o.ids("mentions", r.mentions());
      o.ids("department_mentions", r.departmentMentions());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("checklist");
    g.writeStartArray();
    for (ChecklistItem item : c.checklist()) {
      g.writeStartObject();
      o.string("text", item.text());
      o.bool("checked", item.checked());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("pinned");
    if (c.pinned() == null) {
      g.writeNull();
    } else {
      g.writeBoolean(c.pinned());
    }
    o.bool("for_client", c.forClient());
    g.writeName("links");
    g.writeStartArray();
    c.links().forEach(g::writeString);
    g.writeEndArray();
    o.ids("mentions", c.mentions());
    o.ids("department_mentions", c.departmentMentions());
    o.ids("acknowledgements", c.acknowledgements());
    g.writeName("attachment_files");
    g.writeStartArray();
    for (Attachment a : c.attachments()) {
      g.writeStartObject();
      o.uuid("id", a.id());
      o.string("name", a.name());
      o.string("extension", a.extension());
      o.string("mimetype", a.mimetype());
      g.writeName("size");
      g.writeNumber(a.size());
      o.uuid("reply_id", a.replyId());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("previews");
    g.writeStartArray();
    g.writeEndArray();
    o.bool("has_preview", c.hasPreview());
    o.instant("created_at", c.createdAt());
    o.instant("updated_at", c.updatedAt());
  }

  private static void timeSpent(Out o, TimeSpent t) {
    o.id("id", t.id());
    o.id("task_id", t.taskId());
    o.id("person_id", t.personId());
    o.date("date", t.date());
    o.minutes("duration", t.duration());
    o.instant("created_at", t.createdAt());
    o.instant("updated_at", t.updatedAt());
  }

  private static void dayOff(Out o, DayOff d) {
    o.id("id", d.id());
    o.id("person_id", d.personId());
    o.date("date", d.date());
    o.date("end_date", d.endDate());
    o.string("description", d.description());
  }

  private static void notification(Out o, Notification n) {
    o.id("id", n.id());
    o.id("person_id", n.personId());
    o.id("author_id", n.authorId());
    o.string("type", n.type().kitsuName());
    o.id("task_id", n.taskId());
    o.id("comment_id", n.commentId());
    o.uuid("reply_id", n.replyId());
    o.bool("read", n.read());
    o.bool("change", n.change());
    o.instant("created_at", n.createdAt());
    o.instant("updated_at", n.updatedAt());
  }

  private static void news(Out o, News n) {
    o.id("id", n.id());
    o.id("project_id", n.projectId());
    o.id("task_id", n.taskId());
    o.id("comment_id", n.commentId());
    o.id("author_id", n.authorId());
    o.bool("change", n.change());
    o.instant("created_at", n.createdAt());
    o.instant("updated_at", n.updatedAt());
  }

  private static void subscription(Out o, Subscription s) {
    o.id("id", s.id());
    o.id("person_id", s.personId());
    o.id("task_id", s.taskId());
    o.id("entity_id", s.sequenceId());
    o.id("task_type_id", s.taskTypeId());
    o.instant("created_at", s.createdAt());
    o.instant("updated_at", s.updatedAt());
  }

  /** Named values on a generator, in Kitsu's units. */
  private static final class Out {
    final JsonGenerator g;

    Out(JsonGenerator g) {
      this.g = g;
    }

    void string(String name, String value) {
      g.writeName(name);
      if (value == null) {
        g.writeNull();
      } else {
        g.writeString(value);
      }
    }

    void id(String name, Id value) {
      uuid(name, value == null ? null : value.value());
    }

    void uuid(String name, UUID value) {
      string(name, value == null ? null : value.toString());
    }

    void bool(String name, boolean value) {
      g.writeName(name);
      g.writeBoolean(value);
    }

    void integer(String name, Integer value) {
      g.writeName(name);
      if (value == null) {
        g.writeNull();
      } else {
        g.writeNumber(value);
      }
    }

    void ids(String name, List<? extends Id> ids) {
      g.writeName(name);
      g.writeStartArray();
      for (Id id : ids) {
        g.writeString(id.value().toString());
      }
      g.writeEndArray();
    }

    void instant(String name, Instant value) {
      string(name, value == null ? null : formatInstant(value));
    }

    void date(String name, LocalDate value) {
      string(name, value == null ? null : value.toString());
    }

    /** A plain date as zou stores a task's planned dates: a naive date-time at midnight. */
    void midnight(String name, LocalDate value) {
      string(name, value == null ? null : value + "T00:00:00");
    }

    void minutes(String name, Duration value) {
      g.writeName(name);
      BigDecimal nanos = BigDecimal.valueOf(value.getSeconds()).multiply(BigDecimal.valueOf(1_000_000_000L))
          .add(BigDecimal.valueOf(value.getNano()));
      BigDecimal minutes = nanos.divide(NANOS_PER_MINUTE, 12, RoundingMode.HALF_UP).stripTrailingZeros();
      if (minutes.scale() <= 0) {
        g.writeNumber(minutes.toBigIntegerExact());
      } else {
        g.writeNumber(minutes);
      }
    }

    void data(String name, Map<String, Object> data) {
      g.writeName(name);
      if (data == null || data.isEmpty()) {
        g.writeNull();
      } else {
        value(data);
      }
    }

    private void value(Object v) {
      if (v == null) {
        g.writeNull();
      } else if (v instanceof String s) {
        g.writeString(s);
      } else if (v instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        g.writeNumber(((Number) v).longValue());
      } else if (v instanceof BigInteger b) {
        g.writeNumber(b);
      } else if (v instanceof BigDecimal d) {
        g.writeNumber(d);
      } else if (v instanceof Number n) {
        g.writeNumber(n.doubleValue());
      } else if (v instanceof Map<?, ?> m) {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeName((String) e.getKey());
          value(e.getValue());
        }
        g.writeEndObject();
      } else if (v instanceof List<?> l) {
        g.writeStartArray();
        for (Object o : l) {
          value(o);
        }
        g.writeEndArray();
      } else {
        throw new IllegalArgumentException("data value is not JSON-like: " + v.getClass().getName());
      }
    }
  }

  /** Whole seconds of the years 0000..9999, formatted by hand (a formatter costs about a microsecond). */
  static String formatInstant(Instant value) {
    long seconds = value.getEpochSecond();
    if (value.getNano() != 0 || seconds < YEAR_0 || seconds >= YEAR_10000) {
      return Row.DATE_TIME.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    int time = (int) Math.floorMod(seconds, 86_400L);
    char[] out = new char[19];
    put(out, 0, day.getYear(), 4);
    out[4] = '-';
    put(out, 5, day.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, day.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, time / 3600, 2);
    out[13] = ':';
    put(out, 14, time / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, time % 60, 2);
    return new String(out);
  }

  private static final long YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
  private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
