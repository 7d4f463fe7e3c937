package dev.prodtrack.kitsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.kitsu.KitsuFormatException.Problem;
import dev.prodtrack.storage.memory.MemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or broken dump files: each gets a typed {@link KitsuFormatException} naming the file, the line
 * and column and the problem, and nothing is written to the store.
 */
class KitsuImportHostileInputTest {
  private static final String TASK = "{\"id\": \"cc0000aa-0000-4000-8000-000000000000\", "
      + "\"project_id\": \"aa000001-0000-4000-8000-000000000000\", "
      + "\"task_type_id\": \"c0000001-0000-4000-8000-000000000000\", "
      + "\"task_status_id\": \"f0000001-0000-4000-8000-000000000000\", "
      + "\"entity_id\": \"ee000002-0000-4000-8000-000000000000\", "
      + "\"created_at\": \"2024-02-01T09:00:00\", \"updated_at\": \"2024-02-01T09:00:00\"";

  @TempDir
  Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("deep nesting", "tasks.json",
            "[\n" + TASK + ", \"data\": {\"a\": " + "[".repeat(1000) + "]".repeat(1000) + "}}\n]",
            Problem.NESTING_TOO_DEEP, null, 2),
        Arguments.of("huge string", "tasks.json",
            "[\n" + TASK + ", \"description\": \"" + "x".repeat(KitsuReader.MAX_STRING_LENGTH + 1) + "\"}\n]",
            Problem.STRING_TOO_LONG, null, 2),
        Arguments.of("10^6-digit number", "tasks.json",
            "[\n" + TASK + ", \"duration\": 1" + "0".repeat(1_000_000) + "}\n]", Problem.NUMBER_TOO_LONG, null, 2),
        // found by KitsuImportFuzzProperties: a NumberFormatException escaped the reader
        Arguments.of("number with an exponent beyond BigDecimal's", "tasks.json",
            "[\n" + TASK + ", \"data\": {\"a\": 1E2147483648}}\n]", Problem.INVALID_VALUE, null, 2),
        Arguments.of("huge property name", "tasks.json",
            "[\n" + TASK + ", \"" + "n".repeat(KitsuReader.MAX_NAME_LENGTH + 1) + "\": 1}\n]", Problem.NAME_TOO_LONG,
            null, 2),
        Arguments.of("duplicate id", "tasks.json", "[\n" + TASK + "},\n" + TASK + "}\n]", Problem.DUPLICATE_ID, "id", 3),
        Arguments.of("duplicate field", "tasks.json", "[\n" + TASK + ", \"priority\": 1, \"priority\": 2}\n]",
            Problem.DUPLICATE_FIELD, "priority", 2),
        Arguments.of("duplicate field in data", "tasks.json",
            "[\n" + TASK + ", \"data\": {\"a\": 1,\n \"a\": 2}}\n]", Problem.DUPLICATE_FIELD, "a", 3),
        Arguments.of("wrong type", "tasks.json", "[\n" + TASK + ",\n \"priority\": \"high\"}\n]", Problem.WRONG_TYPE,
            "priority", 3),
        Arguments.of("wrong list element type", "tasks.json", "[\n" + TASK + ", \"assignees\": [42]}\n]",
            Problem.WRONG_TYPE, "assignees[0]", 2),
        Arguments.of("not an array", "tasks.json", "{\"id\": 1}", Problem.WRONG_TYPE, null, 1),
        Arguments.of("array of numbers", "tasks.json", "[1, 2]", Problem.WRONG_TYPE, "[0]", 1),
        Arguments.of("truncated", "tasks.json", "[\n" + TASK, Problem.MALFORMED_JSON, null, 2),
        Arguments.of("not JSON", "tasks.json", "[\n{id: 1}]", Problem.MALFORMED_JSON, null, 2),
        Arguments.of("empty file", "tasks.json", "", Problem.WRONG_TYPE, null, 1),
        Arguments.of("missing required field", "tasks.json",
            "[\n" + TASK.replace("\"entity_id\": \"ee000002-0000-4000-8000-000000000000\", ", "") + "}\n]",
            Problem.MISSING_FIELD, "entity_id", 2),
        Arguments.of("not a UUID", "tasks.json", "[\n" + TASK.replace("cc0000aa-0000", "cc0000aa0000") + "}\n]",
            Problem.INVALID_VALUE, "id", 2),
        Arguments.of("not a date-time", "tasks.json", "[\n" + TASK + ", \"end_date\": \"2024-13-01T00:00:00\"}\n]",
            Problem.INVALID_VALUE, "end_date", 2),
        Arguments.of("a date beyond Kitsu's years", "tasks.json", "[\n" + TASK + ", \"due_date\": \"+6000000-01-01\"}\n]",
            Problem.INVALID_VALUE, "due_date", 2),
        Arguments.of("a date before Kitsu's years", "tasks.json", "[\n" + TASK + ", \"start_date\": \"0000-12-31\"}\n]",
            Problem.INVALID_VALUE, "start_date", 2),
        Arguments.of("integer out of range", "tasks.json", "[\n" + TASK + ", \"priority\": 99999999999}\n]",
            Problem.INVALID_VALUE, "priority", 2),
        Arguments.of("value the record refuses", "tasks.json", "[\n" + TASK + ", \"difficulty\": 9}\n]",
            Problem.INVALID_VALUE, null, 2),
        Arguments.of("unknown role", "persons.json", "[\n{\"id\": \"a00000aa-0000-4000-8000-000000000000\", "
            + "\"first_name\": \"X\", \"role\": \"overlord\", \"created_at\": \"2024-01-01T00:00:00\", "
            + "\"updated_at\": \"2024-01-01T00:00:00\"}\n]", Problem.INVALID_VALUE, "role", 2),
        Arguments.of("comment on a non-task", "comments.json", "[\n{\"id\": \"c0cc00aa-0000-4000-8000-000000000000\", "
            + "\"object_type\": \"Playlist\"}\n]", Problem.INVALID_VALUE, "object_type", 2));
  }

  @Test
  void importDirectory_missingReferenceThenMalformedField_refusedForTheReferenceThenFormatErrorWhenSkipped()
      throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("both"));
    // a dangling assignee in tasks.json, then a bad date in comments.json (read later: once refused, the
    // import reads only ids and references, so the date is not looked at; skipping the reference, it is)
    KitsuImportTest.replace(dir.resolve("tasks.json"), "\"assignees\": [\"a0000004-0000-4000-8000-000000000000\"]",
        "\"assignees\": [\"a00000ff-0000-4000-8000-000000000000\"]", 1);
    KitsuImportTest.replace(dir.resolve("comments.json"), "\"created_at\": \"2024-", "\"created_at\": \"2024-13-", 1);
    MemoryStore refused = MemoryStore.create();
    MemoryStore skipped = MemoryStore.create();

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, refused, ImportOptions.defaults().withBatchSize(5)))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.errors()).singleElement()
            .satisfies(error -> assertThat(error.field()).isEqualTo("assignees")));
    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, skipped, ImportOptions.defaults()
        .withSkipReferentialErrors(true).withBatchSize(5)))
        .isInstanceOfSatisfying(KitsuFormatException.class, e -> {
          assertThat(e.file()).isEqualTo("comments.json");
          assertThat(e.field()).isEqualTo("created_at");
        });
    assertThat(Dumps.recordsIn(refused)).isZero();
    assertThat(Dumps.recordsIn(skipped)).isZero();
  }

  @Test
  void importDirectory_malformedFieldThenMissingReference_formatErrorFirstAndNothingWritten() throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("format-first"));
    // a bad date in tasks.json, then a comment by an unknown person in comments.json (read later)
    KitsuImportTest.replace(dir.resolve("tasks.json"), "\"created_at\": \"2024-", "\"created_at\": \"2024-13-", 1);
    KitsuImportTest.replace(dir.resolve("comments.json"), "\"person_id\": \"a00000", "\"person_id\": \"a000f0", 1);
    MemoryStore store = MemoryStore.create();

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults().withBatchSize(5)))
        .isInstanceOfSatisfying(KitsuFormatException.class, e -> {
          assertThat(e.file()).isEqualTo("tasks.json");
          assertThat(e.field()).isEqualTo("created_at");
        });
    assertThat(Dumps.recordsIn(store)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void importDirectory_hostileFile_typedErrorAtItsPositionAndNothingWritten(String name, String file, String content,
      Problem problem, String field, int line) throws IOException {
    Path dir = Dumps.copy(Dumps.sample(), tmp.resolve("dump"));
    Files.writeString(dir.resolve(file), content);
    if (file.equals("tasks.json")) {
      // The first pass reads a task's id and references only, so most of these errors are found by the second
      // pass, which runs only when no reference is missing: without the files that refer to the sample's
      // tasks, the one task left is all the dump needs (the department, task type... batches are written
      // before the error and must be removed again).
      for (String dependent : List.of("comments.json", "time_spents.json", "notifications.json", "news.json",
          "subscriptions.json")) {
        Files.delete(dir.resolve(dependent));
      }
    }
    MemoryStore store = MemoryStore.create();

    assertThatThrownBy(() -> KitsuImport.importDirectory(dir, store, ImportOptions.defaults()))
        .isInstanceOfSatisfying(KitsuFormatException.class, e -> {
          assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
          assertThat(e.column()).as(e.getMessage()).isPositive();
          assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
          assertThat(e.getMessage()).startsWith(file + ":" + line + ":").hasSizeLessThan(1000);
        });
    assertThat(Dumps.recordsIn(store)).isZero();
  }
}
