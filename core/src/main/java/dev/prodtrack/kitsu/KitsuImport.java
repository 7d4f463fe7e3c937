package dev.prodtrack.kitsu;

import dev.prodtrack.EngineRecords;
import dev.prodtrack.kitsu.KitsuFormatException.Problem;
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
import dev.prodtrack.model.News;
import dev.prodtrack.model.NewsId;
import dev.prodtrack.model.Notification;
import dev.prodtrack.model.NotificationId;
import dev.prodtrack.model.NotificationType;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Reply;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.StatusAutomation;
import dev.prodtrack.model.StatusAutomationId;
import dev.prodtrack.model.Subscription;
import dev.prodtrack.model.SubscriptionId;
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
import dev.prodtrack.storage.ChangeSet;
import dev.prodtrack.storage.RecordKey;
import dev.prodtrack.storage.Store;
import dev.prodtrack.storage.StoredRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads a production dumped from Kitsu into an empty store, for the engine to open.
 *
 * <pre>{@code
 * MemoryStore store = MemoryStore.create();
 * ImportReport report = KitsuImport.importDirectory(dir, store, ImportOptions.defaults());
 * ProdTrack studio = ProdTrack.builder().store(store.reopen()).open();
 * }</pre>
 *
 * <p><b>Input.</b> A directory with one file per {@link KitsuCollection}, each a JSON array of objects in
 * Kitsu's REST shapes: Kitsu's field names, canonical UUID ids, naive UTC date-times
 * ({@code 2024-03-01T10:00:00}, fraction optional), plain dates ({@code 2024-03-01}; a task's
 * {@code start_date} and {@code due_date} may also be zou's midnight date-times), durations in minutes
 * (JSON numbers, fractions allowed). A missing file is an empty collection; a missing optional field takes
 * Kitsu's default (kitsu-semantics §1); {@code id}, the references a record cannot exist without,
 * {@code created_at} and {@code updated_at} (where the engine keeps them), names and the time spent's
 * {@code date} and {@code duration} are required. A project is open when its status (from
 * {@code project_statuses.json}) is named exactly "Open" (Engine decision 3). Project links come from the
 * project's {@code team}, {@code task_types}, {@code task_statuses}, {@code asset_types} and
 * {@code status_automations} lists, completed by the three link files (per-project role, priority, roles
 * for the board). A comment's {@code previews} or {@code preview_file_id} only tell whether it has a
 * preview; comments keep their file order among comments of the same task dated the same instant.
 *
 * <p><b>Unknown fields.</b> A field the engine does not model is, for projects, persons, entities, tasks
 * and comments (the records Kitsu gives a {@code data} field), moved into {@code data} unless it is a
 * known Kitsu field (such as {@code type}, {@code shotgun_id}, {@code has_avatar}) or {@code data}
 * already holds that key; otherwise it is ignored. Both are counted in the {@link ImportReport}.
 *
 * <p><b>Checks.</b> Format errors stop the import at the first one with a {@link KitsuFormatException}
 * naming the file, line and column, and leave the store as it was (see <i>Writing</i>). Referential errors (a task on a missing entity, a comment on an
 * unknown task, an assignee who is not a person, ...) are all collected; the import is then refused with
 * an {@link ImportRefusedException} listing them, unless {@link ImportOptions#skipReferentialErrors()}:
 * then a record missing a required reference is left out (and what refers to it in turn), a missing
 * optional reference is set to null and a missing list element removed. Records are checked by their
 * constructors; engine rules that span records (unique names, the retake cap, derived task fields
 * agreeing with the comment history) are not checked: a real Kitsu database often breaks the last one, see
 * {@link KitsuVerify}.
 *
 * <p><b>Writing.</b> The import reads the dump once, file by file in dependency order (a record refers
 * only to collections read before its own, except an entity's parent and source, in its own file). It
 * reads every field of a record, checks its id (format, duplicates) and every reference against the ids
 * accepted so far, builds the record and adds it to the open change set, committed every
 * {@link ImportOptions#batchSize()} records. An entity whose parent or source is not read yet is held until
 * its file is read, then checked and written (only those are held). At the first referential error that is
 * not skipped the import is refused: nothing more is written, the rest of the dump is read for its ids
 * and references only (skipping other values unread) so that every referential error is listed, what was
 * committed is removed (see <i>All or nothing</i>) and an {@link ImportRefusedException} is thrown. A
 * format error stops the import where it is found; once the import is refused, errors in the values then
 * skipped are not looked for: a dump with both is refused for its references if the first referential
 * error comes first in reading order.
 *
 * <p><b>All or nothing.</b> When the import fails after committing some change sets (a refusal, a format
 * error or a refused record, an unreadable file, a commit the store refuses, a progress listener that
 * throws), it removes what it wrote before rethrowing: it deletes the keys of every record accepted in
 * each kind written so far, newest kind first, in change sets of the batch size, and the store holds
 * again exactly what it held before, nothing. The deletes are not one change set, which would be as
 * large as the production: a crash during them, as a crash during the import, leaves some earliest kinds
 * whole and one more in part, to be discarded. If the store itself has failed and refuses the deletes,
 * the failure is added to the rethrown exception as suppressed and the store keeps what was committed:
 * discard it. Every record written has its id in the accepted sets, so the deletes cover all of it.
 *
 * <p><b>Round trip.</b> {@link KitsuExport} writes the same shapes back; its class comment lists what does
 * not survive (project status ids, link ids, preview ids, empty {@code data}, unmodelled fields).
 *
 * <p><b>Engine seam.</b> Records are encoded with {@link EngineRecords}, the engine's record layer opened
 * for bulk tools: the import bypasses the session API's permission and domain checks, by design.
 *
 * <p><b>Memory.</b> Files are streamed with Jackson's parser (no tree of a file; one record's fields at a
 * time). The import keeps only what the checks need: the ids of each collection as pairs of longs in
 * compact hash sets (a task's with its project's index), the projects with their links, the task statuses
 * and status automations, the entities whose parent or source comes later in their file until it is read,
 * and up to {@value #MAX_LISTED_ERRORS} referential errors; it holds one change set at a time. The extra
 * memory thus grows by some 40 bytes per record of the dump, not with the records' contents.
 *
 * <p>Thread safety: stateless; each call works on its own store.
 */
public final class KitsuImport {
  /** The most referential errors an exception or report lists; the count covers all of them. */
  public static final int MAX_LISTED_ERRORS = 1000;

  private static final int PROGRESS_EVERY = 10_000;
  /**
   * Whether each file is parsed on a second thread while the importing thread checks, builds and writes
   * the rows parsed before ({@link KitsuReader#readAhead}): on a machine of more than one core, unless
   * {@code -Dprodtrack.import.readAhead=false}.
   */
  static final boolean READ_AHEAD = Runtime.getRuntime().availableProcessors() > 1
      && !"false".equals(System.getProperty("prodtrack.import.readAhead"));
  /** Rows per batch handed from the parsing thread to the importing thread. */
  static final int READ_AHEAD_BATCH = 512;

  private static final List<Role> DEFAULT_BOARD_ROLES =
      List.of(Role.USER, Role.ADMIN, Role.SUPERVISOR, Role.MANAGER, Role.VENDOR);

  /** Kitsu fields the engine does not model, never moved into {@code data}. */
  static final Set<String> PROJECT_NOT_MODELLED = Set.of("type", "project_status_name", "has_avatar", "file_tree",
      "homepage", "episode_span", "revision_padding", "is_preview_download_allowed", "is_set_preview_automated",
      "is_publish_default_for_artists", "is_single_preview_per_revision", "is_frame_in_numbering",
      "from_schedule_version_id", "shotgun_id", "descriptors", "preview_background_files",
      "default_preview_background_file_id");
  static final Set<String> PERSON_NOT_MODELLED = Set.of("type", "full_name", "phone", "desktop_login", "has_avatar",
      "password", "timezone", "locale", "notifications_enabled", "notifications_slack_enabled",
      "notifications_slack_userid", "notifications_mattermost_enabled", "notifications_mattermost_userid",
      "notifications_discord_enabled", "notifications_discord_userid", "is_generated_from_ldap", "ldap_uid",
      "login_failed_attemps", "last_login_failed", "totp_enabled", "totp_secret", "email_otp_enabled",
      "email_otp_secret", "fido_enabled", "fido_credentials", "otp_recovery_codes",
      "preferred_two_factor_authentication", "shotgun_id", "studio_id", "is_guest", "expiration_date",
      "jti");
  static final Set<String> ENTITY_NOT_MODELLED = Set.of("type", "preview_file_id", "shotgun_id", "entities_out",
      "entities_in", "instance_casting", "tasks", "is_shared_with_project");
  static final Set<String> TASK_NOT_MODELLED = Set.of("type", "shotgun_id", "last_preview_file_id");
  static final Set<String> COMMENT_NOT_MODELLED = Set.of("type", "shotgun_id", "preview_file_id", "previews",
      "has_preview", "object_type");

  /** The fields read from each large collection once the import is refused: its id and its references. */
  static final Set<String> ENTITY_REFERENCES = Set.of("id", "project_id", "entity_type_id", "ready_for",
      "created_by", "parent_id", "source_id");
  static final Set<String> TASK_REFERENCES = Set.of("id", "project_id", "task_type_id", "task_status_id",
      "entity_id", "assigner_id", "assignees");
  static final Set<String> COMMENT_REFERENCES = Set.of("id", "object_type", "object_id", "task_status_id",
      "person_id", "editor_id", "replies", "mentions", "department_mentions", "acknowledgements");
  static final Set<String> TIME_SPENT_REFERENCES = Set.of("id", "task_id", "person_id");
  static final Set<String> DAY_OFF_REFERENCES = Set.of("id", "person_id");
  static final Set<String> NOTIFICATION_REFERENCES = Set.of("id", "person_id", "author_id", "task_id",
      "comment_id");
  static final Set<String> NEWS_REFERENCES = Set.of("id", "task_id", "comment_id", "author_id", "project_id");
  static final Set<String> SUBSCRIPTION_REFERENCES = Set.of("id", "person_id", "task_id", "entity_id",
      "task_type_id");

  /** A reference checked but not wrapped (once refused). */
  private static final java.util.function.Function<UUID, UUID> SAME = x -> x;

  private KitsuImport() {}

  /**
   * Imports a Kitsu dump into an empty store, with no progress listener.
   *
   * @param dir the dump directory
   * @param store an unopened store holding no record; this method loads it, commits to it and closes it
   * @param options the import options
   * @return what was imported
   * @throws IOException if a file cannot be read or changed during the import (the store left empty)
   * @throws KitsuFormatException if a file is malformed (the store left empty)
   * @throws ImportRefusedException if records refer to missing records and the options do not skip them
   *     (the store left empty)
   * @throws IllegalArgumentException if {@code dir} is not a directory or the store holds records
   * @throws dev.prodtrack.storage.StorageException if the store fails (the store left empty, unless it
   *     refuses the deletes too: see the class comment)
   */
  public static ImportReport importDirectory(Path dir, Store store, ImportOptions options) throws IOException {
    return importDirectory(dir, store, options, new ImportProgress() {});
  }

  /**
   * Imports a Kitsu dump into an empty store.
   *
   * @param dir the dump directory
   * @param store an unopened store holding no record; this method loads it, commits to it and closes it
   *     (reopen it by the adapter's own means, such as {@code MemoryStore.reopen()}, to open the engine)
   * @param options the import options
   * @param progress receives the progress, on this thread
   * @return what was imported
   * @throws IOException if a file cannot be read or changed during the import (the store left empty)
   * @throws KitsuFormatException if a file is malformed (the store left empty)
   * @throws ImportRefusedException if records refer to missing records and the options do not skip them
   *     (the store left empty)
   * @throws IllegalArgumentException if {@code dir} is not a directory or the store holds records
   * @throws dev.prodtrack.storage.StorageException if the store fails (the store left empty, unless it
   *     refuses the deletes too: see the class comment)
   */
  public static ImportReport importDirectory(Path dir, Store store, ImportOptions options, ImportProgress progress)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("dir must be a directory, was " + dir);
    }
    try (store) {
      long[] existing = {0};
      store.load(r -> existing[0]++);
      if (existing[0] > 0) {
        throw new IllegalArgumentException("store must be empty, holds " + existing[0] + " records");
      }
      Run run = new Run(dir, options, progress, store);
      try {
        run.readAll();
        if (run.errorCount > 0 && !options.skipReferentialErrors()) {
          throw new ImportRefusedException(run.errors, run.errorCount);
        }
        return run.finishWriting();
      } catch (IOException | RuntimeException | Error e) {
        run.rollBack(e);
        throw e;
      }
    }
  }

  /** One import: what was read, what was refused. */
  private static final class Run {
    final Path dir;
    final ImportOptions options;
    final ImportProgress progress;
    final boolean skip;
    /** The counts of unknown fields. */
    final FieldStats stats = new FieldStats();
    final List<ReferentialError> errors = new ArrayList<>();
    long errorCount;
    final Map<KitsuCollection, Long> imported = new EnumMap<>(KitsuCollection.class);

    /**
     * Accepted ids per collection (in refuse mode: every id read), grown as the files are read: a record
     * refers only to collections read before its own, so these sets decide every reference when it is read
     * (entities' parents and sources, in their own file, may point forward: see {@link #pendingEntities}).
     */
    final Set<UUID> departments = new UuidSet();
    final Set<UUID> persons = new UuidSet();
    final Set<UUID> taskTypes = new UuidSet();
    final Map<UUID, TaskStatus> taskStatuses = new HashMap<>();
    final Set<UUID> entityTypes = new UuidSet();
    final Map<UUID, String> projectStatuses = new HashMap<>();
    final Map<UUID, StatusAutomation> automations = new LinkedHashMap<>();
    final Map<UUID, List<ProjectId>> automationProjects = new HashMap<>();
    final Map<UUID, ProjectDraft> projects = new LinkedHashMap<>();
    final Set<UUID> entities = new UuidSet();
    /**
     * Entities' parents and sources not read yet when their entity was read after the import was refused
     * (nothing more is written then): checked once the file is read.
     */
    final List<EntityLinks> entityLinks = new ArrayList<>();
    /**
     * Entities read while writing whose parent or source was not read yet: held until the file is read,
     * then checked and written. Only these are held (a dump that lists parents first holds none).
     */
    final List<PendingEntity> pendingEntities = new ArrayList<>();
    /** Accepted task ids, each with the index of its project in {@link #projectIndex}. */
    final UuidSet taskProjects = new UuidSet();
    final List<ProjectId> projectIndex = new ArrayList<>();
    final Map<UUID, Integer> projectIndexOf = new HashMap<>();
    final Set<UUID> comments = new UuidSet();
    /** Ids read but dropped (skip mode), for the duplicate check. */
    final Set<UUID> dropped = new UuidSet();


    /** The store written, the open change set and the counts. */
    final Store store;
    /** The open change set's puts: distinct keys (ids are checked unique), so no builder map is needed. */
    final List<StoredRecord> batch;
    int inBatch;
    long written;
    int changeSets;
    long commentSequence;
    /**
     * The kinds written so far, in the order of their first record, each with the ids accepted in its
     * collection: every record written has its id there (it is added before the record is emitted), so
     * deleting these keys removes all that was written.
     */
    final List<Map.Entry<String, Set<UUID>>> kindsWritten = new ArrayList<>();

    /**
     * Whether the import is refused (a referential error, not skipped): nothing more is written, and the
     * rest of the dump is read for its ids and references only, to list every error.
     */
    boolean refused;

    /** Whether the record being read lacks a required reference. */
    boolean broken;

    Run(Path dir, ImportOptions options, ImportProgress progress, Store store) {
      this.dir = dir;
      this.options = options;
      this.progress = progress;
      this.skip = options.skipReferentialErrors();
      this.store = store;
      this.batch = new ArrayList<>(Math.min(options.batchSize(), 100_000));
    }

    /** Whether records are still written: until the import is refused. */
    boolean writing() {
      return !refused;
    }

    /** The records accepted so far that are written (the link files and project statuses are not). */
    private long acceptedToWrite() {
      long total = 0;
      for (Map.Entry<KitsuCollection, Long> e : imported.entrySet()) {
        switch (e.getKey()) {
          case PROJECT_STATUSES, PROJECT_PERSON_LINKS, PROJECT_TASK_TYPE_LINKS, PROJECT_TASK_STATUS_LINKS -> { }
          default -> total += e.getValue();
        }
      }
      return total;
    }

    /**
     * Adds a record to the open change set, committing it when full; nothing once the import is refused.
     *
     * @param record the record
     * @param id its id
     * @param accepted the ids accepted in its collection, {@code id} among them
     */
    private void emit(Object record, UUID id, Set<UUID> accepted) {
      if (!writing()) {
        return;
      }
      StoredRecord stored = record instanceof Comment cm ? EngineRecords.toStoredComment(cm, ++commentSequence)
          : EngineRecords.toStored(record);
      String kind = stored.key().kind();
      if (kindsWritten.isEmpty() || !kindsWritten.get(kindsWritten.size() - 1).getKey().equals(kind)) {
        kindsWritten.add(Map.entry(kind, accepted));
      }
      batch.add(stored);
      if (++inBatch == options.batchSize()) {
        flush();
      }
    }

    /**
     * Removes what the import committed, after it failed or was refused: deletes every key accepted in
     * each kind written so far, newest kind first, in change sets of the batch size (so the store
     * holds, between them, the records of some earliest kinds and part of one more, and never needs a
     * change set as large as the production). A failure of these deletes (the store failed, say) is added
     * to {@code cause} as suppressed: the store then keeps what was committed, to be discarded.
     */
    void rollBack(Throwable cause) {
      if (changeSets == 0) {
        return;
      }
      try {
        ChangeSet.Builder deletes = ChangeSet.builder();
        int n = 0;
        for (int k = kindsWritten.size() - 1; k >= 0; k--) {
          String kind = kindsWritten.get(k).getKey();
          for (UUID id : kindsWritten.get(k).getValue()) {
            deletes.delete(new RecordKey(kind, id.toString()));
            if (++n == options.batchSize()) {
              store.commit(deletes.build());
              deletes = ChangeSet.builder();
              n = 0;
            }
          }
        }
        if (n > 0) {
          store.commit(deletes.build());
        }
      } catch (RuntimeException | Error e) {
        cause.addSuppressed(e);
      }
    }

    private void flush() {
      store.commit(new ChangeSet(batch, List.of()));
      changeSets++;
      written += inBatch;
      progress.written(written, acceptedToWrite());
      batch.clear();
      inBatch = 0;
    }

    ImportReport finishWriting() {
      if (inBatch > 0 && writing()) {
        flush();
      }
      return new ImportReport(imported, stats.keptInData, stats.ignored, skip ? errors : List.of(),
          skip ? errorCount : 0, written, changeSets);
    }

    void readAll() throws IOException {
      read(KitsuCollection.DEPARTMENTS, this::department);
      read(KitsuCollection.PERSONS, this::person);
      read(KitsuCollection.TASK_TYPES, this::taskType);
      read(KitsuCollection.TASK_STATUSES, this::taskStatus);
      read(KitsuCollection.ENTITY_TYPES, this::entityType);
      read(KitsuCollection.PROJECT_STATUSES, this::projectStatus);
      read(KitsuCollection.STATUS_AUTOMATIONS, this::statusAutomation);
      read(KitsuCollection.PROJECTS, this::project);
      read(KitsuCollection.PROJECT_PERSON_LINKS, this::personLink);
      read(KitsuCollection.PROJECT_TASK_TYPE_LINKS, this::taskTypeLink);
      read(KitsuCollection.PROJECT_TASK_STATUS_LINKS, this::taskStatusLink);
      buildProjects();
      read(KitsuCollection.ENTITIES, ENTITY_REFERENCES, this::entityReferences, this::entity);
      checkEntityLinks();
      read(KitsuCollection.TASKS, TASK_REFERENCES, this::taskReferences, this::task);
      read(KitsuCollection.COMMENTS, COMMENT_REFERENCES, this::commentReferences, this::comment);
      read(KitsuCollection.TIME_SPENTS, TIME_SPENT_REFERENCES, this::timeSpentReferences, this::timeSpent);
      read(KitsuCollection.DAY_OFFS, DAY_OFF_REFERENCES, this::dayOffReferences, this::dayOff);
      read(KitsuCollection.NOTIFICATIONS, NOTIFICATION_REFERENCES, this::notificationReferences,
          this::notification);
      read(KitsuCollection.NEWS, NEWS_REFERENCES, this::newsReferences, this::news);
      read(KitsuCollection.SUBSCRIPTIONS, SUBSCRIPTION_REFERENCES, this::subscriptionReferences,
          this::subscription);
      for (StatusAutomation a : automations.values()) {
        List<ProjectId> ps = automationProjects.getOrDefault(a.id().value(), List.of());
        emit(new StatusAutomation(a.id(), a.entityType(), a.inTaskTypeId(), a.inTaskStatusId(),
            a.outFieldType(), a.outTaskTypeId(), a.outTaskStatusId(), a.importLastRevision(), a.archived(), ps,
            a.createdAt(), a.updatedAt()), a.id().value(), automations.keySet());
      }
    }

    /** A small collection: one reader, every field. */
    private void read(KitsuCollection c, Consumer<Row> reader) throws IOException {
      read(c, null, reader, reader);
    }

    /**
     * Reads a file: while writing, hands {@code write} whole rows; once the import is refused, hands
     * {@code check} rows (from the next file on, holding only the fields in {@code references}; null: all)
     * that it reads for their ids and references.
     */
    private void read(KitsuCollection c, Set<String> references, Consumer<Row> check, Consumer<Row> write)
        throws IOException {
      Path file = dir.resolve(c.fileName());
      imported.put(c, 0L);
      if (!Files.exists(file)) {
        return;
      }
      long[] rows = {0};
      Consumer<Row> sink = row -> {
        broken = false;
        (writing() ? write : check).accept(row);
        if (++rows[0] % PROGRESS_EVERY == 0) {
          progress.read(c, rows[0]);
        }
      };
      Set<String> keep = writing() ? null : references;
      long n = READ_AHEAD ? KitsuReader.readAhead(file, keep, READ_AHEAD_BATCH, sink)
          : KitsuReader.read(file, keep, sink);
      progress.read(c, n);
    }

    private void count(KitsuCollection c) {
      imported.merge(c, 1L, Long::sum);
    }

    // ---- references

    private void error(KitsuCollection c, UUID id, String field, UUID missing, boolean required) {
      if (!skip && !refused) {
        // refused: what is open is dropped, what was committed is removed once every error is listed
        refused = true;
        batch.clear();
        inBatch = 0;
      }
      errorCount++;
      if (errors.size() < MAX_LISTED_ERRORS) {
        errors.add(new ReferentialError(c, id, field, missing, required));
      }
    }

    /** Checks a required reference; a miss marks the record broken. */
    private <T> T need(KitsuCollection c, UUID id, String field, UUID target, Set<UUID> known,
        java.util.function.Function<UUID, T> wrap) {
      if (target != null && !known.contains(target)) {
        error(c, id, field, target, true);
        broken = true;
      }
      return target == null ? null : wrap.apply(target);
    }

    /** Checks an optional reference; a miss gives null (the value is unused when the import is refused). */
    private <T> T maybe(KitsuCollection c, UUID id, String field, UUID target, Set<UUID> known,
        java.util.function.Function<UUID, T> wrap) {
      if (target == null) {
        return null;
      }
      if (!known.contains(target)) {
        error(c, id, field, target, false);
        return null;
      }
      return wrap.apply(target);
    }

    /** Checks list elements; misses are removed. */
    private <T> List<T> each(KitsuCollection c, UUID id, String field, List<UUID> targets, Set<UUID> known,
        java.util.function.Function<UUID, T> wrap) {
      List<T> out = new ArrayList<>(targets.size());
      for (UUID t : targets) {
        if (known.contains(t)) {
          out.add(wrap.apply(t));
        } else {
          error(c, id, field, t, false);
        }
      }
      return out;
    }

    /** Reads the id, refusing duplicates. */
    private UUID id(Row row, Set<UUID> accepted) {
      UUID id = row.requiredUuid("id");
      if (accepted.contains(id) || dropped.contains(id)) {
        throw row.error("id", Problem.DUPLICATE_ID, "id " + id + " appears twice in the file");
      }
      return id;
    }

    /** Keeps or drops a read record: broken records are dropped in skip mode. */
    private boolean keep(KitsuCollection c, UUID id, Set<UUID> accepted) {
      if (broken && skip) {
        dropped.add(id);
        return false;
      }
      accepted.add(id);
      count(c);
      return true;
    }

    private static <T> T build(Row row, java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new KitsuFormatException(row.file, row.line, row.column, Problem.INVALID_VALUE, null,
            "the record's values are invalid: " + e.getMessage(), e);
      }
    }

    // ---- collections

    private void department(Row row) {
      UUID id = id(row, departments);
      Department d = build(row, () -> new Department(new DepartmentId(id), row.requiredString("name"),
          row.string("color", "#000000"), row.bool("archived", false)));
      row.finish(stats);
      if (keep(KitsuCollection.DEPARTMENTS, id, departments)) {
        emit(d, id, departments);
      }
    }

    private void person(Row row) {
      UUID id = id(row, persons);
      KitsuCollection c = KitsuCollection.PERSONS;
      Role role = role(row, "role", Role.USER);
      List<DepartmentId> deps = each(c, id, "departments", row.uuids("departments"), departments, DepartmentId::new);
      String first = row.string("first_name", "");
      String last = row.string("last_name", "");
      String email = row.string("email");
      boolean active = row.bool("active", true);
      boolean archived = row.bool("archived", false);
      String position = row.string("position", "artist");
      String seniority = row.string("seniority", "mid");
      Integer salary = row.integerOrNull("daily_salary");
      String contract = row.string("contract_type", "open-ended");
      boolean bot = row.bool("is_bot", false);
      java.time.LocalDate lastPresence = row.date("last_presence");
      Instant createdAt = row.requiredInstant("created_at");
      Instant updatedAt = row.requiredInstant("updated_at");
      Map<String, Object> data = row.dataWithUnknown(PERSON_NOT_MODELLED, stats);
      Person p = build(row, () -> new Person(new PersonId(id), first, last, email, role, active, archived, position,
          seniority, salary, contract, deps, bot, lastPresence, data, createdAt, updatedAt));
      if (keep(c, id, persons)) {
        emit(p, id, persons);
      }
    }

    private static Role role(Row row, String field, Role fallback) {
      String text = row.string(field);
      if (text == null) {
        return fallback;
      }
      try {
        return Role.ofKitsuName(text);
      } catch (IllegalArgumentException e) {
        throw row.error(field, Problem.INVALID_VALUE, e.getMessage());
      }
    }

    private void taskType(Row row) {
      UUID id = id(row, taskTypes);
      DepartmentId dep = maybe(KitsuCollection.TASK_TYPES, id, "department_id", row.uuid("department_id"),
          departments, DepartmentId::new);
      TaskType t = build(row, () -> new TaskType(new TaskTypeId(id), row.requiredString("name"),
          row.string("short_name"), row.string("description"), row.string("color", "#FFFFFF"),
          row.integer("priority", 1), row.string("for_entity", "Asset"), row.bool("allow_timelog", true),
          row.bool("archived", false), dep, row.requiredInstant("created_at"), row.requiredInstant("updated_at")));
      row.finish(stats);
      if (keep(KitsuCollection.TASK_TYPES, id, taskTypes)) {
        emit(t, id, taskTypes);
      }
    }

    private void taskStatus(Row row) {
      UUID id = row.requiredUuid("id");
      if (taskStatuses.containsKey(id)) {
        throw row.error("id", Problem.DUPLICATE_ID, "id " + id + " appears twice in the file");
      }
      TaskStatus s = build(row, () -> new TaskStatus(new TaskStatusId(id), row.requiredString("name"),
          row.requiredString("short_name"), row.string("description"), row.requiredString("color"),
          row.integer("priority", 1), row.bool("archived", false), row.bool("is_default", false),
          row.bool("is_done", false), row.bool("is_retake", false), row.bool("is_wip", false),
          row.bool("is_feedback_request", false), row.bool("is_artist_allowed", true),
          row.bool("is_client_allowed", true), row.bool("for_concept", false), row.requiredInstant("created_at"),
          row.requiredInstant("updated_at")));
      row.finish(stats);
      taskStatuses.put(id, s);
      count(KitsuCollection.TASK_STATUSES);
      emit(s, id, taskStatuses.keySet());
    }

    private void entityType(Row row) {
      UUID id = id(row, entityTypes);
      List<TaskTypeId> workflow = each(KitsuCollection.ENTITY_TYPES, id, "task_types", row.uuids("task_types"),
          taskTypes, TaskTypeId::new);
      EntityType t = build(row, () -> new EntityType(new EntityTypeId(id), row.requiredString("name"),
          row.string("short_name"), row.string("description"), row.bool("archived", false), workflow));
      row.finish(stats);
      if (keep(KitsuCollection.ENTITY_TYPES, id, entityTypes)) {
        emit(t, id, entityTypes);
      }
    }

    private void projectStatus(Row row) {
      UUID id = row.requiredUuid("id");
      if (projectStatuses.containsKey(id)) {
        throw row.error("id", Problem.DUPLICATE_ID, "id " + id + " appears twice in the file");
      }
      projectStatuses.put(id, row.requiredString("name"));
      row.string("color");
      row.finish(stats);
      count(KitsuCollection.PROJECT_STATUSES);
    }

    private void statusAutomation(Row row) {
      UUID id = id(row, automations.keySet());
      KitsuCollection c = KitsuCollection.STATUS_AUTOMATIONS;
      Set<UUID> statusIds = taskStatuses.keySet();
      TaskTypeId inType = need(c, id, "in_task_type_id", row.requiredUuid("in_task_type_id"), taskTypes,
          TaskTypeId::new);
      TaskStatusId inStatus = need(c, id, "in_task_status_id", row.requiredUuid("in_task_status_id"), statusIds,
          TaskStatusId::new);
      TaskTypeId outType = need(c, id, "out_task_type_id", row.requiredUuid("out_task_type_id"), taskTypes,
          TaskTypeId::new);
      TaskStatusId outStatus = need(c, id, "out_task_status_id", row.uuid("out_task_status_id"), statusIds,
          TaskStatusId::new);
      StatusAutomation a = build(row, () -> new StatusAutomation(new StatusAutomationId(id),
          row.string("entity_type", "asset"), inType, inStatus, row.string("out_field_type", "status"), outType,
          outStatus, row.bool("import_last_revision", false), row.bool("archived", false), List.of(),
          row.requiredInstant("created_at"), row.requiredInstant("updated_at")));
      row.finish(stats);
      if (broken && skip) {
        dropped.add(id);
        return;
      }
      automations.put(id, a);
      count(c);
    }

    private void project(Row row) {
      UUID id = row.requiredUuid("id");
      if (projects.containsKey(id) || dropped.contains(id)) {
        throw row.error("id", Problem.DUPLICATE_ID, "id " + id + " appears twice in the file");
      }
      KitsuCollection c = KitsuCollection.PROJECTS;
      ProjectDraft d = new ProjectDraft();
      d.id = new ProjectId(id);
      UUID statusId = row.uuid("project_status_id");
      if (statusId != null) {
        String name = projectStatuses.get(statusId);
        if (name == null) {
          error(c, id, "project_status_id", statusId, false);
        }
        d.open = "Open".equals(name);
      }
      d.name = row.requiredString("name");
      d.code = row.string("code");
      d.description = row.string("description");
      d.fps = row.string("fps", "25");
      d.ratio = row.string("ratio", "16:9");
      d.resolution = row.string("resolution", "1920x1080");
      d.productionType = row.string("production_type", "short");
      d.productionStyle = row.string("production_style", "2d3d");
      d.startDate = row.date("start_date");
      d.endDate = row.date("end_date");
      d.manDays = row.integerOrNull("man_days");
      d.nbEpisodes = row.integer("nb_episodes", 0);
      d.maxRetakes = row.integer("max_retakes", 0);
      d.clientsIsolated = row.bool("is_clients_isolated", false);
      d.botCollaboration = row.bool("is_bot_collaboration_enabled", false);
      for (PersonId p : each(c, id, "team", row.uuids("team"), persons, PersonId::new)) {
        d.team.put(p.value(), new TeamMember(p, null));
      }
      for (TaskTypeId t : each(c, id, "task_types", row.uuids("task_types"), taskTypes, TaskTypeId::new)) {
        d.taskTypes.put(t.value(), new TaskTypeLink(t, 1));
      }
      for (TaskStatusId s : each(c, id, "task_statuses", row.uuids("task_statuses"), taskStatuses.keySet(),
          TaskStatusId::new)) {
        d.taskStatuses.put(s.value(), new TaskStatusLink(s, 1, DEFAULT_BOARD_ROLES));
      }
      d.assetTypes.addAll(each(c, id, "asset_types", row.uuids("asset_types"), entityTypes, EntityTypeId::new));
      for (UUID a : each(c, id, "status_automations", row.uuids("status_automations"), automations.keySet(),
          x -> x)) {
        automationProjects.computeIfAbsent(a, k -> new ArrayList<>()).add(d.id);
      }
      d.createdAt = row.requiredInstant("created_at");
      d.updatedAt = row.requiredInstant("updated_at");
      d.data = row.dataWithUnknown(PROJECT_NOT_MODELLED, stats);
      d.line = row.line;
      d.column = row.column;
      projects.put(id, d);
      projectIndex(id);
      count(c);
    }

    private ProjectDraft linkProject(Row row, KitsuCollection c, UUID linkId) {
      UUID projectId = row.requiredUuid("project_id");
      ProjectDraft d = projects.get(projectId);
      if (d == null) {
        error(c, linkId, "project_id", projectId, true);
      }
      return d;
    }

    /** Link files have no id the engine keeps; errors name the link by its own id, or by its project's. */
    private static UUID linkId(Row row) {
      UUID id = row.peekUuid("id");
      return id != null ? id : row.requiredUuid("project_id");
    }

    private void personLink(Row row) {
      KitsuCollection c = KitsuCollection.PROJECT_PERSON_LINKS;
      UUID linkId = linkId(row);
      ProjectDraft d = linkProject(row, c, linkId);
      UUID person = row.requiredUuid("person_id");
      Role role = role(row, "role", null);
      row.finish(stats);
      if (!persons.contains(person)) {
        error(c, linkId, "person_id", person, true);
      } else if (d != null) {
        d.team.put(person, new TeamMember(new PersonId(person), role));
        count(c);
      }
    }

    private void taskTypeLink(Row row) {
      KitsuCollection c = KitsuCollection.PROJECT_TASK_TYPE_LINKS;
      UUID linkId = linkId(row);
      ProjectDraft d = linkProject(row, c, linkId);
      UUID type = row.requiredUuid("task_type_id");
      int priority = row.integer("priority", 1);
      row.finish(stats);
      if (!taskTypes.contains(type)) {
        error(c, linkId, "task_type_id", type, true);
      } else if (d != null) {
        d.taskTypes.put(type, new TaskTypeLink(new TaskTypeId(type), priority));
        count(c);
      }
    }

    private void taskStatusLink(Row row) {
      KitsuCollection c = KitsuCollection.PROJECT_TASK_STATUS_LINKS;
      UUID linkId = linkId(row);
      ProjectDraft d = linkProject(row, c, linkId);
      UUID status = row.requiredUuid("task_status_id");
      int priority = row.integer("priority", 1);
      List<Role> roles = DEFAULT_BOARD_ROLES;
      if (row.has("roles_for_board") && row.raw("roles_for_board") != null) {
        roles = new ArrayList<>();
        List<Object> raw = row.list("roles_for_board");
        for (int i = 0; i < raw.size(); i++) {
          Object v = raw.get(i);
          String field = "roles_for_board[" + i + "]";
          if (!(v instanceof String) && !(v instanceof UUID)) {
            throw row.error(field, Problem.WRONG_TYPE, "expected a role name, found " + Row.describe(v));
          }
          try {
            roles.add(Role.ofKitsuName(v.toString()));
          } catch (IllegalArgumentException e) {
            throw row.error(field, Problem.INVALID_VALUE, e.getMessage());
          }
        }
      }
      row.finish(stats);
      if (!taskStatuses.containsKey(status)) {
        error(c, linkId, "task_status_id", status, true);
      } else if (d != null) {
        d.taskStatuses.put(status, new TaskStatusLink(new TaskStatusId(status), priority, roles));
        count(c);
      }
    }

    private void buildProjects() {
      for (ProjectDraft d : projects.values()) {
        Project p;
        try {
          p = new Project(d.id, d.name, d.code, d.description, d.open, d.fps, d.ratio, d.resolution,
              d.productionType, d.productionStyle, d.startDate, d.endDate, d.manDays, d.nbEpisodes, d.maxRetakes,
              d.clientsIsolated, d.botCollaboration, new ArrayList<>(d.team.values()),
              new ArrayList<>(d.taskTypes.values()), new ArrayList<>(d.taskStatuses.values()), d.assetTypes, d.data,
              d.createdAt, d.updatedAt);
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new KitsuFormatException(KitsuCollection.PROJECTS.fileName(), d.line, d.column,
              Problem.INVALID_VALUE, null, "the record's values are invalid: " + e.getMessage(), e);
        }
        emit(p, d.id.value(), projects.keySet());
      }
    }

    private void entity(Row row) {
      UUID id = id(row, entities);
      KitsuCollection c = KitsuCollection.ENTITIES;
      ProjectId project = need(c, id, "project_id", row.requiredUuid("project_id"), projects.keySet(),
          ProjectId::new);
      EntityTypeId type = need(c, id, "entity_type_id", row.requiredUuid("entity_type_id"), entityTypes,
          EntityTypeId::new);
      TaskTypeId readyFor = maybe(c, id, "ready_for", row.uuid("ready_for"), taskTypes, TaskTypeId::new);
      PersonId createdBy = maybe(c, id, "created_by", row.uuid("created_by"), persons, PersonId::new);
      UUID parent = row.uuid("parent_id");
      UUID source = row.uuid("source_id");
      String name = row.requiredString("name");
      String code = row.string("code");
      String description = row.string("description");
      boolean canceled = row.bool("canceled", false);
      Integer frames = row.integerOrNull("nb_frames");
      int out = row.integer("nb_entities_out", 0);
      boolean standby = row.bool("is_casting_standby", false);
      boolean shared = row.bool("is_shared", false);
      String status = row.string("status", "running");
      Instant createdAt = row.requiredInstant("created_at");
      Instant updatedAt = row.requiredInstant("updated_at");
      Map<String, Object> data = row.dataWithUnknown(ENTITY_NOT_MODELLED, stats);
      Entity e = build(row, () -> new Entity(new EntityId(id), project, type, name, code, description, canceled,
          frames, out, standby, shared, status, parent == null ? null : new EntityId(parent),
          source == null ? null : new EntityId(source), readyFor, createdBy, data, createdAt, updatedAt));
      if (broken && skip) {
        dropped.add(id);
        return;
      }
      entities.add(id);
      count(c);
      if ((parent != null && !entities.contains(parent)) || (source != null && !entities.contains(source))) {
        // a link forward in the file, or to a missing entity: decided once the file is read
        pendingEntities.add(new PendingEntity(e, parent, source));
      } else {
        emit(e, id, entities);
      }
    }

    /** An entity's references into its own file, kept until the file is read (once refused). */
    private record EntityLinks(UUID id, UUID parent, UUID source) {}

    /** An entity whose parent or source was not read yet when it was read (while writing). */
    private record PendingEntity(Entity entity, UUID parent, UUID source) {}

    /**
     * Parents and sources point into the same file: the links not resolved when their entity was read are
     * checked once it is read, in file order; a missing one is reported (an optional reference: the
     * entity keeps nothing in its place when skipped), and the held entities are written.
     */
    private void checkEntityLinks() {
      KitsuCollection c = KitsuCollection.ENTITIES;
      for (PendingEntity pending : pendingEntities) {
        Entity e = pending.entity();
        UUID id = e.id().value();
        EntityId parent = maybe(c, id, "parent_id", pending.parent(), entities, EntityId::new);
        EntityId source = maybe(c, id, "source_id", pending.source(), entities, EntityId::new);
        if (!Objects.equals(parent, e.parentId()) || !Objects.equals(source, e.sourceId())) {
          e = new Entity(e.id(), e.projectId(), e.entityTypeId(), e.name(), e.code(), e.description(),
              e.canceled(), e.nbFrames(), e.nbEntitiesOut(), e.castingStandby(), e.shared(), e.status(),
              parent, source, e.readyFor(), e.createdBy(), e.data(), e.createdAt(), e.updatedAt());
        }
        emit(e, id, entities);
      }
      pendingEntities.clear();
      for (EntityLinks links : entityLinks) {
        maybe(c, links.id(), "parent_id", links.parent(), entities, EntityId::new);
        maybe(c, links.id(), "source_id", links.source(), entities, EntityId::new);
      }
      entityLinks.clear();
    }

    // ---- the large collections once the import is refused: ids and references only

    /** Checks list elements against the known ids, reporting the misses (once refused). */
    private void check(KitsuCollection c, UUID id, String field, List<UUID> targets, Set<UUID> known) {
      for (UUID t : targets) {
        if (!known.contains(t)) {
          error(c, id, field, t, false);
        }
      }
    }

    private void entityReferences(Row row) {
      UUID id = id(row, entities);
      KitsuCollection c = KitsuCollection.ENTITIES;
      need(c, id, "project_id", row.requiredUuid("project_id"), projects.keySet(), SAME);
      need(c, id, "entity_type_id", row.requiredUuid("entity_type_id"), entityTypes, SAME);
      maybe(c, id, "ready_for", row.uuid("ready_for"), taskTypes, SAME);
      maybe(c, id, "created_by", row.uuid("created_by"), persons, SAME);
      UUID parent = row.uuid("parent_id");
      UUID source = row.uuid("source_id");
      if (broken && skip) {
        dropped.add(id);
        return;
      }
      entities.add(id);
      if (parent != null || source != null) {
        entityLinks.add(new EntityLinks(id, parent, source));
      }
      count(c);
    }

    private void taskReferences(Row row) {
      UUID id = row.requiredUuid("id");
      if (taskProjects.contains(id) || dropped.contains(id)) {
        throw row.error("id", Problem.DUPLICATE_ID, "id " + id + " appears twice in the file");
      }
      KitsuCollection c = KitsuCollection.TASKS;
      UUID project = need(c, id, "project_id", row.requiredUuid("project_id"), projects.keySet(), SAME);
      need(c, id, "task_type_id", row.requiredUuid("task_type_id"), taskTypes, SAME);
      need(c, id, "task_status_id", row.requiredUuid("task_status_id"), taskStatuses.keySet(), SAME);
      need(c, id, "entity_id", row.requiredUuid("entity_id"), entities, SAME);
      maybe(c, id, "assigner_id", row.uuid("assigner_id"), persons, SAME);
      check(c, id, "assignees", row.uuids("assignees"), persons);
      if (broken && skip) {
        dropped.add(id);
        return;
      }
      taskProjects.put(id, projectIndex(project));
      count(c);
    }

    private void commentReferences(Row row) {
      UUID id = id(row, comments);
      KitsuCollection c = KitsuCollection.COMMENTS;
      String objectType = row.string("object_type", "Task");
      if (!objectType.equals("Task")) {
        throw row.error("object_type", Problem.INVALID_VALUE, "only comments on tasks are supported, found "
            + Row.quote(objectType));
      }
      need(c, id, "object_id", row.requiredUuid("object_id"), taskProjects, SAME);
      need(c, id, "task_status_id", row.requiredUuid("task_status_id"), taskStatuses.keySet(), SAME);
      need(c, id, "person_id", row.requiredUuid("person_id"), persons, SAME);
      maybe(c, id, "editor_id", row.uuid("editor_id"), persons, SAME);
      List<Map<String, Object>> rawReplies = row.objects("replies");
      for (int i = 0; i < rawReplies.size(); i++) {
        Row.Nested r = row.nested("replies[" + i + "]", rawReplies.get(i));
        UUID replyAuthor = r.requiredUuid("person_id");
        if (!persons.contains(replyAuthor)) {
          error(c, id, "replies[" + i + "].person_id", replyAuthor, false);
          continue;
        }
        check(c, id, "replies.mentions", r.uuids("mentions"), persons);
        check(c, id, "replies.department_mentions", r.uuids("department_mentions"), departments);
      }
      check(c, id, "mentions", row.uuids("mentions"), persons);
      check(c, id, "department_mentions", row.uuids("department_mentions"), departments);
      check(c, id, "acknowledgements", row.uuids("acknowledgements"), persons);
      keep(c, id, comments);
    }

    private void timeSpentReferences(Row row) {
      UUID id = id(row, timeSpents);
      KitsuCollection c = KitsuCollection.TIME_SPENTS;
      need(c, id, "task_id", row.requiredUuid("task_id"), taskProjects, SAME);
      need(c, id, "person_id", row.requiredUuid("person_id"), persons, SAME);
      keep(c, id, timeSpents);
    }

    private void dayOffReferences(Row row) {
      UUID id = id(row, daysOff);
      need(KitsuCollection.DAY_OFFS, id, "person_id", row.requiredUuid("person_id"), persons, SAME);
      keep(KitsuCollection.DAY_OFFS, id, daysOff);
    }

    private void notificationReferences(Row row) {
      UUID id = id(row, notifications);
      KitsuCollection c = KitsuCollection.NOTIFICATIONS;
      need(c, id, "person_id", row.requiredUuid("person_id"), persons, SAME);
      need(c, id, "author_id", row.requiredUuid("author_id"), persons, SAME);
      need(c, id, "task_id", row.requiredUuid("task_id"), taskProjects, SAME);
      maybe(c, id, "comment_id", row.uuid("comment_id"), comments, SAME);
      keep(c, id, notifications);
    }

    private void newsReferences(Row row) {
      UUID id = id(row, news);
      KitsuCollection c = KitsuCollection.NEWS;
      UUID task = need(c, id, "task_id", row.requiredUuid("task_id"), taskProjects, SAME);
      need(c, id, "comment_id", row.requiredUuid("comment_id"), comments, SAME);
      need(c, id, "author_id", row.requiredUuid("author_id"), persons, SAME);
      UUID projectId = row.uuid("project_id");
      if (projectId != null) {
        need(c, id, "project_id", projectId, projects.keySet(), SAME);
      } else if (taskProject(task) == null) {
        // no project_id and the task is missing (already reported): nothing to derive the project from
        broken = true;
      }
      keep(c, id, news);
    }

    private void subscriptionReferences(Row row) {
      UUID id = id(row, subscriptions);
      KitsuCollection c = KitsuCollection.SUBSCRIPTIONS;
      need(c, id, "person_id", row.requiredUuid("person_id"), persons, SAME);
      need(c, id, "task_id", row.uuid("task_id"), taskProjects, SAME);
      need(c, id, "entity_id", row.uuid("entity_id"), entities, SAME);
      need(c, id, "task_type_id", row.uuid("task_type_id"), taskTypes, SAME);
      keep(c, id, subscriptions);
    }

    // ---- the large collections while writing: whole records

    private void task(Row row) {
      UUID id = row.requiredUuid("id");
      if (taskProjects.contains(id) || dropped.contains(id)) {
        throw row.error("id", Problem.DUPLICATE_ID, "id " + id + " appears twice in the file");
      }
      KitsuCollection c = KitsuCollection.TASKS;
      UUID projectRead = row.requiredUuid("project_id");
      ProjectId project = need(c, id, "project_id", projectRead, projects.keySet(), ProjectId::new);
      TaskTypeId type = need(c, id, "task_type_id", row.requiredUuid("task_type_id"), taskTypes, TaskTypeId::new);
      TaskStatusId status = need(c, id, "task_status_id", row.requiredUuid("task_status_id"),
          taskStatuses.keySet(), TaskStatusId::new);
      EntityId entity = need(c, id, "entity_id", row.requiredUuid("entity_id"), entities, EntityId::new);
      PersonId assigner = maybe(c, id, "assigner_id", row.uuid("assigner_id"), persons, PersonId::new);
      List<PersonId> assignees = each(c, id, "assignees", row.uuids("assignees"), persons, PersonId::new);
      String name = row.string("name", "main");
      String description = row.string("description");
      int priority = row.integer("priority", 0);
      int difficulty = row.integer("difficulty", 3);
      Duration duration = row.minutes("duration", Duration.ZERO);
      Duration estimation = row.minutes("estimation", Duration.ZERO);
      int completion = row.integer("completion_rate", 0);
      int retakes = row.integer("retake_count", 0);
      int sortOrder = row.integer("sort_order", 0);
      java.time.LocalDate start = row.date("start_date");
      java.time.LocalDate due = row.date("due_date");
      Instant realStart = row.instant("real_start_date");
      Instant end = row.instant("end_date");
      Instant done = row.instant("done_date");
      Instant lastComment = row.instant("last_comment_date");
      int assetsReady = row.integer("nb_assets_ready", 0);
      int drawings = row.integer("nb_drawings", 0);
      Instant createdAt = row.requiredInstant("created_at");
      Instant updatedAt = row.requiredInstant("updated_at");
      Map<String, Object> data = row.dataWithUnknown(TASK_NOT_MODELLED, stats);
      Task t = build(row, () -> new Task(new TaskId(id), project, type, status, entity, name, description, priority,
          difficulty, duration, estimation, completion, retakes, sortOrder, start, due, realStart, end, done,
          lastComment, assetsReady, drawings, data, assigner, assignees, createdAt, updatedAt));
      if (broken && skip) {
        dropped.add(id);
        return;
      }
      taskProjects.put(id, projectIndex(projectRead));
      count(c);
      emit(t, id, taskProjects);
    }

    private void comment(Row row) {
      UUID id = id(row, comments);
      KitsuCollection c = KitsuCollection.COMMENTS;
      String objectType = row.string("object_type", "Task");
      if (!objectType.equals("Task")) {
        throw row.error("object_type", Problem.INVALID_VALUE, "only comments on tasks are supported, found "
            + Row.quote(objectType));
      }
      TaskId task = need(c, id, "object_id", row.requiredUuid("object_id"), taskProjects, TaskId::new);
      TaskStatusId status = need(c, id, "task_status_id", row.requiredUuid("task_status_id"),
          taskStatuses.keySet(), TaskStatusId::new);
      PersonId author = need(c, id, "person_id", row.requiredUuid("person_id"), persons, PersonId::new);
      PersonId editor = maybe(c, id, "editor_id", row.uuid("editor_id"), persons, PersonId::new);
      List<Reply> replies = new ArrayList<>();
      List<Map<String, Object>> rawReplies = row.objects("replies");
      for (int i = 0; i < rawReplies.size(); i++) {
        Row.Nested r = row.nested("replies[" + i + "]", rawReplies.get(i));
        UUID replyAuthor = r.requiredUuid("person_id");
        if (!persons.contains(replyAuthor)) {
          error(c, id, "replies[" + i + "].person_id", replyAuthor, false);
          continue;
        }
        String text = r.string("text");
        replies.add(build(row, () -> new Reply(r.requiredUuid("id"), r.requiredInstant("date"),
            new PersonId(replyAuthor), text == null ? "" : text,
            each(c, id, "replies.mentions", r.uuids("mentions"), persons, PersonId::new),
            each(c, id, "replies.department_mentions", r.uuids("department_mentions"), departments,
                DepartmentId::new))));
      }
      List<ChecklistItem> checklist = new ArrayList<>();
      List<Map<String, Object>> rawChecklist = row.objects("checklist");
      for (int i = 0; i < rawChecklist.size(); i++) {
        Row.Nested item = row.nested("checklist[" + i + "]", rawChecklist.get(i));
        String text = item.string("text");
        checklist.add(new ChecklistItem(text == null ? "" : text, item.bool("checked", false)));
      }
      List<String> links = new ArrayList<>();
      List<Object> rawLinks = row.list("links");
      for (int i = 0; i < rawLinks.size(); i++) {
        Object link = rawLinks.get(i);
        if (link instanceof UUID u) {
          links.add(u.toString()); // read as a UUID (lower case: the same text)
          continue;
        }
        if (!(link instanceof String s)) {
          throw row.error("links[" + i + "]", Problem.WRONG_TYPE, "expected a string, found "
              + Row.describe(link));
        }
        links.add(s);
      }
      List<Attachment> attachments = new ArrayList<>();
      List<Map<String, Object>> rawAttachments = row.objects("attachment_files");
      for (int i = 0; i < rawAttachments.size(); i++) {
        Row.Nested a = row.nested("attachment_files[" + i + "]", rawAttachments.get(i));
        attachments.add(build(row, () -> new Attachment(a.requiredUuid("id"), a.requiredString("name"),
            a.requiredString("extension"), a.requiredString("mimetype"), a.longInteger("size", 0),
            a.uuid("reply_id"))));
      }
      boolean hasPreview = row.bool("has_preview", false) || row.uuid("preview_file_id") != null
          || !row.list("previews").isEmpty();
      String text = row.string("text", "");
      Boolean pinned = row.boolOrNull("pinned");
      boolean forClient = row.bool("for_client", false);
      List<PersonId> mentions = each(c, id, "mentions", row.uuids("mentions"), persons, PersonId::new);
      List<DepartmentId> departmentMentions = each(c, id, "department_mentions", row.uuids("department_mentions"),
          departments, DepartmentId::new);
      List<PersonId> acknowledgements = each(c, id, "acknowledgements", row.uuids("acknowledgements"), persons,
          PersonId::new);
      Instant createdAt = row.requiredInstant("created_at");
      Instant updatedAt = row.requiredInstant("updated_at");
      Map<String, Object> data = row.dataWithUnknown(COMMENT_NOT_MODELLED, stats);
      Comment comment = build(row, () -> new Comment(new CommentId(id), task, status, author, editor, text, data,
          replies, checklist, pinned, forClient, links, mentions, departmentMentions, acknowledgements, attachments,
          hasPreview, createdAt, updatedAt));
      if (keep(c, id, comments)) {
        emit(comment, id, comments);
      }
    }

    private final Set<UUID> timeSpents = new UuidSet();

    private void timeSpent(Row row) {
      UUID id = id(row, timeSpents);
      KitsuCollection c = KitsuCollection.TIME_SPENTS;
      TaskId task = need(c, id, "task_id", row.requiredUuid("task_id"), taskProjects, TaskId::new);
      PersonId person = need(c, id, "person_id", row.requiredUuid("person_id"), persons, PersonId::new);
      Duration duration = row.minutes("duration", null);
      if (duration == null) {
        throw row.error("duration", Problem.MISSING_FIELD, "required field is missing or null");
      }
      TimeSpent t = build(row, () -> new TimeSpent(new TimeSpentId(id), task, person, row.requiredDate("date"),
          duration, row.requiredInstant("created_at"), row.requiredInstant("updated_at")));
      row.finish(stats);
      if (keep(c, id, timeSpents)) {
        emit(t, id, timeSpents);
      }
    }

    private final Set<UUID> daysOff = new UuidSet();

    private void dayOff(Row row) {
      UUID id = id(row, daysOff);
      KitsuCollection c = KitsuCollection.DAY_OFFS;
      PersonId person = need(c, id, "person_id", row.requiredUuid("person_id"), persons, PersonId::new);
      java.time.LocalDate date = row.requiredDate("date");
      java.time.LocalDate end = row.date("end_date");
      DayOff d = build(row, () -> new DayOff(new DayOffId(id), person, date, end == null ? date : end,
          row.string("description")));
      row.finish(stats);
      if (keep(c, id, daysOff)) {
        emit(d, id, daysOff);
      }
    }

    private final Set<UUID> notifications = new UuidSet();

    private void notification(Row row) {
      UUID id = id(row, notifications);
      KitsuCollection c = KitsuCollection.NOTIFICATIONS;
      PersonId person = need(c, id, "person_id", row.requiredUuid("person_id"), persons, PersonId::new);
      PersonId author = need(c, id, "author_id", row.requiredUuid("author_id"), persons, PersonId::new);
      TaskId task = need(c, id, "task_id", row.requiredUuid("task_id"), taskProjects, TaskId::new);
      CommentId comment = maybe(c, id, "comment_id", row.uuid("comment_id"), comments, CommentId::new);
      String typeName = row.string("type", "comment");
      NotificationType type;
      try {
        type = NotificationType.ofKitsuName(typeName);
      } catch (IllegalArgumentException e) {
        throw row.error("type", Problem.INVALID_VALUE, e.getMessage());
      }
      Notification n = build(row, () -> new Notification(new NotificationId(id), person, author, type, task, comment,
          row.uuid("reply_id"), row.bool("read", false), row.bool("change", false), row.requiredInstant("created_at"),
          row.requiredInstant("updated_at")));
      row.finish(stats);
      if (keep(c, id, notifications)) {
        emit(n, id, notifications);
      }
    }

    private final Set<UUID> news = new UuidSet();

    private void news(Row row) {
      UUID id = id(row, news);
      KitsuCollection c = KitsuCollection.NEWS;
      TaskId task = need(c, id, "task_id", row.requiredUuid("task_id"), taskProjects, TaskId::new);
      CommentId comment = need(c, id, "comment_id", row.requiredUuid("comment_id"), comments, CommentId::new);
      PersonId author = need(c, id, "author_id", row.requiredUuid("author_id"), persons, PersonId::new);
      UUID projectId = row.uuid("project_id");
      ProjectId project = projectId != null
          ? need(c, id, "project_id", projectId, projects.keySet(), ProjectId::new)
          : taskProject(task.value());
      if (project == null) {
        // no project_id and the task is missing (already reported): nothing to derive the project from
        row.finish(stats);
        broken = true;
        keep(c, id, news);
        return;
      }
      News n = build(row, () -> new News(new NewsId(id), project, task, comment, author, row.bool("change", false),
          row.requiredInstant("created_at"), row.requiredInstant("updated_at")));
      row.finish(stats);
      if (keep(c, id, news)) {
        emit(n, id, news);
      }
    }

    private final Set<UUID> subscriptions = new UuidSet();

    private void subscription(Row row) {
      UUID id = id(row, subscriptions);
      KitsuCollection c = KitsuCollection.SUBSCRIPTIONS;
      PersonId person = need(c, id, "person_id", row.requiredUuid("person_id"), persons, PersonId::new);
      TaskId task = need(c, id, "task_id", row.uuid("task_id"), taskProjects, TaskId::new);
      EntityId sequence = need(c, id, "entity_id", row.uuid("entity_id"), entities, EntityId::new);
      TaskTypeId type = need(c, id, "task_type_id", row.uuid("task_type_id"), taskTypes, TaskTypeId::new);
      Subscription s = build(row, () -> new Subscription(new SubscriptionId(id), person, task, sequence, type,
          row.requiredInstant("created_at"), row.requiredInstant("updated_at")));
      row.finish(stats);
      if (keep(c, id, subscriptions)) {
        emit(s, id, subscriptions);
      }
    }

    /** The index of a project in {@link #projectIndex}, added if new (a task may name an unknown one). */
    private int projectIndex(UUID project) {
      Integer index = projectIndexOf.get(project);
      if (index == null) {
        index = projectIndex.size();
        projectIndex.add(new ProjectId(project));
        projectIndexOf.put(project, index);
      }
      return index;
    }

    /** The project of an accepted task, or null. */
    private ProjectId taskProject(UUID task) {
      int index = taskProjects.get(task, -1);
      return index < 0 ? null : projectIndex.get(index);
    }
  }

  /** A project being read: its links complete it after the link files. */
  private static final class ProjectDraft {
    ProjectId id;
    String name;
    String code;
    String description;
    boolean open;
    String fps;
    String ratio;
    String resolution;
    String productionType;
    String productionStyle;
    java.time.LocalDate startDate;
    java.time.LocalDate endDate;
    Integer manDays;
    int nbEpisodes;
    int maxRetakes;
    boolean clientsIsolated;
    boolean botCollaboration;
    final Map<UUID, TeamMember> team = new LinkedHashMap<>();
    final Map<UUID, TaskTypeLink> taskTypes = new LinkedHashMap<>();
    final Map<UUID, TaskStatusLink> taskStatuses = new LinkedHashMap<>();
    final List<EntityTypeId> assetTypes = new ArrayList<>();
    Map<String, Object> data;
    Instant createdAt;
    Instant updatedAt;
    long line;
    long column;
  }
}
