package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.EngineRecords;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TeamMember;
import dev.prodtrack.storage.memory.MemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KitsuImportTest {
  static final UUID TASK_1 = UUID.fromString("cc000001-0000-4000-8000-000000000000");
  static final UUID ENTITY_4 = UUID.fromString("ee000004-0000-4000-8000-000000000000");
  static final UUID PERSON_4 = UUID.fromString("a0000004-0000-4000-8000-000000000000");

  @TempDir
  Path tmp;

  @Test
  void importDirectory_sample_opensWithEveryRecordAndTheInvariantsHold() throws IOException {
    MemoryStore store = MemoryStore.create();
    ImportReport report = KitsuImport.importDirectory(Dumps.sample(), store, ImportOptions.defaults());

    assertThat(report.imported(KitsuCollection.TASKS)).isEqualTo(5);
    assertThat(report.imported(KitsuCollection.COMMENTS)).isEqualTo(8);
    assertThat(report.imported(KitsuCollection.PERSONS)).isEqualTo(4);
    assertThat(report.imported(KitsuCollection.PROJECT_TASK_STATUS_LINKS)).isEqualTo(5);
    assertThat(report.skipped()).isEmpty();
    // 2 departments, 4 persons, 3 task types, 5 statuses, 3 entity types, 1 automation, 1 project,
    // 4 entities, 5 tasks, 8 comments, 4 time spents, 1 day off, 2 notifications, 8 news, 2 subscriptions
    assertThat(report.recordsWritten()).isEqualTo(53);
    assertThat(Dumps.recordsIn(store)).isEqualTo(53);

    try (ProdTrack engine = ProdTrack.builder().store(store.reopen()).open()) {
      engine.checkInvariants();
      List<Object> records = EngineRecords.records(engine);
      Project project = only(records, Project.class);
      assertThat(project.open()).isTrue();
      assertThat(project.maxRetakes()).isEqualTo(3);
      assertThat(project.team()).extracting(TeamMember::role).containsExactly(null, null, Role.SUPERVISOR);
      assertThat(project.taskStatusLinks().get(3).rolesForBoard())
          .containsExactly(Role.ADMIN, Role.SUPERVISOR, Role.MANAGER);
      Task t1 = records.stream().filter(r -> r instanceof Task t && t.id().value().equals(TASK_1))
          .map(Task.class::cast).findFirst().orElseThrow();
      assertThat(t1.estimation()).isEqualTo(Duration.ofMinutes(960));
      assertThat(t1.duration()).isEqualTo(Duration.ofMinutes(720));
      assertThat(t1.startDate()).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(t1.realStartDate()).isEqualTo(Instant.parse("2024-03-01T10:00:05Z"));
      assertThat(t1.data()).containsEntry("shot_notes", "hero pose");
      List<Comment> comments = records.stream().filter(Comment.class::isInstance).map(Comment.class::cast).toList();
      assertThat(comments).extracting(Comment::text).first().isEqualTo("Starting layout");
      assertThat(comments.get(comments.size() - 1).hasPreview()).isTrue();
      assertThat(comments.get(0).hasPreview()).isFalse();
    }
  }

  @Test
  void importDirectory_unknownFields_keptInDataWhereKitsuHasDataElseIgnoredAndCounted() throws IOException {
    MemoryStore store = MemoryStore.create();
    ImportReport report = KitsuImport.importDirectory(Dumps.sample(), store, ImportOptions.defaults());

    assertThat(report.keptInData()).containsExactly(Map.entry("persons.json: favourite_color", 1L));
    assertThat(report.ignoredFields())
        .containsEntry("departments.json: created_at", 2L)
        .containsEntry("departments.json: type", 2L)
        .containsEntry("persons.json: full_name", 4L)
        .containsEntry("tasks.json: shotgun_id", 5L)
        .containsEntry("tasks.json: last_preview_file_id", 5L)
        .containsEntry("project_task_type_links.json: id", 3L)
        .doesNotContainKey("persons.json: favourite_color");
    try (ProdTrack engine = ProdTrack.builder().store(store.reopen()).open()) {
      Person mo = EngineRecords.records(engine).stream()
          .filter(r -> r instanceof Person p && p.id().value().equals(PERSON_4)).map(Person.class::cast)
          .findFirst().orElseThrow();
      assertThat(mo.data()).containsExactly(Map.entry("favourite_color", "teal"));
    }
  }

  @Test
  void importDirectory_missingFiles_areEmptyCollections() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("dump"));
    for (String f : List.of("comments.json", "news.json", "notifications.json", "subscriptions.json",
        "time_spents.json", "day_offs.json")) {
      Files.delete(dir.resolve(f));
    }
    MemoryStore store = MemoryStore.create();
    ImportReport report = KitsuImport.importDirectory(dir, store, ImportOptions.defaults());

    assertThat(report.imported(KitsuCollection.COMMENTS)).isZero();
    assertThat(report.imported(KitsuCollection.TASKS)).isEqualTo(5);
    assertThat(Dumps.recordsIn(store)).isEqualTo(28);
  }

  @Test
  void importDirectory_referentialErrors_refusedAsAWholeWithTheOffendingIds() throws IOException {
    Path dir = brokenDump();
    MemoryStore store = MemoryStore.create();

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults()))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
          assertThat(e.errorCount()).isEqualTo(3);
          assertThat(e.errors()).containsExactly(
              new ReferentialError(KitsuCollection.TASKS, TASK_1, "entity_id", MISSING_ENTITY, true),
              new ReferentialError(KitsuCollection.TASKS, UUID.fromString("cc000004-0000-4000-8000-000000000000"),
                  "assignees", MISSING_PERSON, false),
              new ReferentialError(KitsuCollection.COMMENTS,
                  UUID.fromString("c0cc0001-0000-4000-8000-000000000000"), "object_id", MISSING_TASK, true));
        });
    assertThat(Dumps.recordsIn(store)).isZero();
  }

  @Test
  void importDirectory_referentialErrorsSkipped_leavesOutTheRecordsAndWhatDependsOnThem() throws IOException {
    Path dir = brokenDump();
    MemoryStore store = MemoryStore.create();

    ImportReport report = KitsuImport.importDirectory(dir, store, ImportOptions.defaults()
        .withSkipReferentialErrors(true));

    // task 1 is dropped (1 error), so are its 5 comments (5), 2 time spents (2), 2 notifications (task and
    // comment: 4), 5 news (task and comment: 10) and 1 subscription (1); plus task 4's assignee (1), comment 1
    // (1) and its news (1)
    assertThat(report.imported(KitsuCollection.TASKS)).isEqualTo(4);
    assertThat(report.imported(KitsuCollection.COMMENTS)).isEqualTo(2);
    assertThat(report.skippedCount()).isEqualTo(report.skipped().size()).isEqualTo(26);
    assertThat(report.skipped()).contains(
        new ReferentialError(KitsuCollection.COMMENTS, UUID.fromString("c0cc0003-0000-4000-8000-000000000000"),
            "object_id", TASK_1, true));
    try (ProdTrack engine = ProdTrack.builder().store(store.reopen()).open()) {
      List<Object> records = EngineRecords.records(engine);
      Task t4 = records.stream().filter(r -> r instanceof Task t && t.id().value().toString().startsWith("cc000004"))
          .map(Task.class::cast).findFirst().orElseThrow();
      assertThat(t4.assignees()).extracting(p -> p.value()).containsExactly(PERSON_4);
      assertThat(records).noneMatch(r -> r instanceof Task t && t.id().value().equals(TASK_1));
    }
  }

  static final UUID MISSING_ENTITY = UUID.fromString("ee0000ff-0000-4000-8000-000000000000");
  static final UUID MISSING_PERSON = UUID.fromString("a00000ff-0000-4000-8000-000000000000");
  static final UUID MISSING_TASK = UUID.fromString("cc0000ff-0000-4000-8000-000000000000");

  /** The sample with task 1 on a missing entity, a missing assignee on task 4, comment 1 on a missing task. */
  private Path brokenDump() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("broken"));
    replace(dir.resolve("tasks.json"), "\"entity_id\": \"ee000002-0000-4000-8000-000000000000\", \"assigner_id\": "
        + "\"a0000002-0000-4000-8000-000000000000\", \"assignees\": [\"a0000003",
        "\"entity_id\": \"" + MISSING_ENTITY + "\", \"assigner_id\": "
        + "\"a0000002-0000-4000-8000-000000000000\", \"assignees\": [\"a0000003", 1);
    replace(dir.resolve("tasks.json"), "\"assignees\": [\"a0000004-0000-4000-8000-000000000000\"]",
        "\"assignees\": [\"" + MISSING_PERSON + "\", \"a0000004-0000-4000-8000-000000000000\"]", 1);
    replace(dir.resolve("comments.json"), "\"object_id\": \"cc000002-0000-4000-8000-000000000000\"",
        "\"object_id\": \"" + MISSING_TASK + "\"", 1);
    return dir;
  }

  /** Replaces the first occurrence, checking it exists. */
  static void replace(Path file, String from, String to, int expectedAtLeast) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as("fixture text in " + file).contains(from);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)));
  }

  @Test
  void importDirectory_newsWithoutProjectId_takesItsTasksProject() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("news"));
    Path news = dir.resolve("news.json");
    Files.writeString(news, Files.readString(news).replace("\"project_id\": \"aa000001-0000-4000-8000-000000000000\", ", ""));
    assertThat(Files.readString(news)).doesNotContain("project_id");

    try (ProdTrack engine = Dumps.open(dir, ImportOptions.defaults())) {
      assertThat(EngineRecords.records(engine).stream().filter(dev.prodtrack.model.News.class::isInstance)
          .map(dev.prodtrack.model.News.class::cast))
          .hasSize(8).allSatisfy(n -> assertThat(n.projectId().value())
              .isEqualTo(UUID.fromString("aa000001-0000-4000-8000-000000000000")));
      engine.checkInvariants();
    }
  }

  @Test
  void importDirectory_newsOnAMissingTaskWithoutProjectId_isAReferentialError() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("news"));
    Path news = dir.resolve("news.json");
    Files.writeString(news, Files.readString(news).replace("\"project_id\": \"aa000001-0000-4000-8000-000000000000\", ", "")
        .replaceFirst("\"task_id\": \"cc000002", "\"task_id\": \"cc0000ff"));
    MemoryStore store = MemoryStore.create();

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults()))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.errors()).containsExactly(
            new ReferentialError(KitsuCollection.NEWS, UUID.fromString("fe000001-0000-4000-8000-000000000000"),
                "task_id", MISSING_TASK, true)));
    assertThat(Dumps.recordsIn(store)).isZero();
  }

  @Test
  void importDirectory_missingParentSkipped_keepsTheEntityWithoutParent() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("parent"));
    replace(dir.resolve("entities.json"), "\"parent_id\": \"ee000001-0000-4000-8000-000000000000\"",
        "\"parent_id\": \"" + MISSING_ENTITY + "\"", 1);
    UUID sh010 = UUID.fromString("ee000002-0000-4000-8000-000000000000");

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, MemoryStore.create(), ImportOptions.defaults()))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.errors()).containsExactly(
            new ReferentialError(KitsuCollection.ENTITIES, sh010, "parent_id", MISSING_ENTITY, false)));
    try (ProdTrack engine = Dumps.open(dir, ImportOptions.defaults().withSkipReferentialErrors(true))) {
      dev.prodtrack.model.Entity shot = EngineRecords.records(engine).stream()
          .filter(r -> r instanceof dev.prodtrack.model.Entity e && e.id().value().equals(sh010))
          .map(dev.prodtrack.model.Entity.class::cast).findFirst().orElseThrow();
      assertThat(shot.parentId()).isNull();
      assertThat(shot.name()).isEqualTo("SH010");
    }
  }

  @Test
  void importOptions_batchSizeBelowOne_refused() {
    assertThatThrownBy(() -> ImportOptions.defaults().withBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
  }

  @Test
  void importDirectory_storeNotEmpty_refusedAndLeftAsItWas() throws IOException {
    MemoryStore store = MemoryStore.create();
    KitsuImport.importDirectory(Dumps.sample(), store, ImportOptions.defaults());
    MemoryStore again = store.reopen();

    assertThatThrownBy(() -> KitsuImport.importDirectory(Dumps.sample(), again, ImportOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("53 records");
    assertThat(Dumps.recordsIn(store)).isEqualTo(53);
  }

  @Test
  void importDirectory_smallBatches_commitsOneChangeSetPerBatchAndReportsProgress() throws IOException {
    MemoryStore store = MemoryStore.create();
    List<long[]> written = new ArrayList<>();
    List<KitsuCollection> read = new ArrayList<>();
    ImportReport report = KitsuImport.importDirectory(Dumps.sample(), store,
        ImportOptions.defaults().withBatchSize(10), new ImportProgress() {
          @Override
          public void read(KitsuCollection collection, long records) {
            read.add(collection);
          }

          @Override
          public void written(long done, long total) {
            written.add(new long[] {done, total});
          }
        });

    assertThat(report.changeSets()).isEqualTo(6);
    assertThat(written).extracting(w -> w[0]).containsExactly(10L, 20L, 30L, 40L, 50L, 53L);
    // the total is what was accepted so far (known in full once the last file is read)
    assertThat(written).allSatisfy(w -> assertThat(w[1]).isBetween(w[0], 53L));
    assertThat(written.get(written.size() - 1)[1]).isEqualTo(53);
    assertThat(read).containsExactly(KitsuCollection.values());
  }

  private static <T> T only(List<Object> records, Class<T> type) {
    List<T> found = records.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
