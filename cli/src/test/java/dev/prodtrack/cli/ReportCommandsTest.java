package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.StatusFlag;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.testkit.GeneratorClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code late}, {@code risk}, {@code workload} and {@code quotas} through {@link Main} on a small hand-built
 * store whose figures are worked out by hand (8-hour days; 2025-07-07 is a Monday):
 * <ul>
 *   <li>A: SQ01 SH010 Animation, Ada, 2025-07-07..08, 24 h estimated, not started: 12 h a day against 8,
 *       overbooked both days; at risk with a shortfall of 8 h;
 *   <li>B: SQ01 SH020 Animation, Bob, 2025-07-07..11, 20 h: 4 h a day;
 *   <li>C: SQ02 SH030 Layout, Bob, due 2025-07-01, undated start: late;
 *   <li>D: SQ01 SH010 Layout, Ada, due 2025-07-02: late;
 *   <li>E: SQ01 SH040 (48 frames) Animation, Ada and Bob; time spent Ada 6 h on 07-01, Bob 2 h on 07-02;
 *       sent for review on 2025-07-03.
 * </ul>
 */
class ReportCommandsTest {

  @TempDir
  static Path shared;

  static Path store;
  static String digest;

  @BeforeAll
  static void build() {
    store = shared.resolve("store");
    GeneratorClock clock = new GeneratorClock(Instant.parse("2025-06-20T09:00:00Z"));
    try (ProdTrack engine = ProdTrack.builder().store(FileStore.open(store)).clock(clock)
        .idSource(IdSource.seeded(3)).open()) {
      Person admin = engine.createFirstAdmin("Mia", "Admin", "mia@studio.test");
      Session s = engine.as(admin.id());
      Person ada = s.person().newPerson("Ada", "Lovelace", "ada@studio.test", Role.USER);
      Person bob = s.person().newPerson("Bob", "Kahn", "bob@studio.test", Role.USER);
      s.task().newTaskStatus("Todo", "todo", "#f5f5f5", EnumSet.of(StatusFlag.DEFAULT));
      s.task().newTaskStatus("Work In Progress", "wip", "#3273dc", EnumSet.of(StatusFlag.WIP));
      TaskStatus wfa = s.task().newTaskStatus("Waiting For Approval", "wfa", "#ab26ff",
          EnumSet.of(StatusFlag.FEEDBACK_REQUEST));
      s.task().newTaskStatus("Done", "done", "#22d160", EnumSet.of(StatusFlag.DONE));
      TaskType animation = s.task().newTaskType("Animation", "Shot", null);
      TaskType layout = s.task().newTaskType("Layout", "Shot", null);
      Project film = s.project().newProject("Nightjar");
      s.project().newProject("Other Film");
      s.project().addPersonToTeam(film.id(), ada.id());
      s.project().addPersonToTeam(film.id(), bob.id());
      Entity sq01 = s.shot().newSequence(film.id(), null, "SQ01");
      Entity sq02 = s.shot().newSequence(film.id(), null, "SQ02");
      Entity sh010 = s.shot().newShot(film.id(), sq01.id(), "SH010", 24, Map.of());
      Entity sh020 = s.shot().newShot(film.id(), sq01.id(), "SH020", 24, Map.of());
      Entity sh030 = s.shot().newShot(film.id(), sq02.id(), "SH030", 24, Map.of());
      Entity sh040 = s.shot().newShot(film.id(), sq01.id(), "SH040", 48, Map.of());
      dated(s, s.task().newTask(sh010.id(), animation.id(), "main", null, List.of(ada.id())),
          LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 8), 24);
      dated(s, s.task().newTask(sh020.id(), animation.id(), "main", null, List.of(bob.id())),
          LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 11), 20);
      dated(s, s.task().newTask(sh030.id(), layout.id(), "main", null, List.of(bob.id())),
          null, LocalDate.of(2025, 7, 1), 0);
      dated(s, s.task().newTask(sh010.id(), layout.id(), "main", null, List.of(ada.id())),
          null, LocalDate.of(2025, 7, 2), 0);
      Task e = s.task().newTask(sh040.id(), animation.id(), "main", null, List.of(ada.id(), bob.id()));
      s.task().setTimeSpent(e.id(), ada.id(), LocalDate.of(2025, 7, 1), Duration.ofHours(6));
      s.task().setTimeSpent(e.id(), bob.id(), LocalDate.of(2025, 7, 2), Duration.ofHours(2));
      clock.set(Instant.parse("2025-07-03T10:00:00Z"));
      s.task().addComment(e.id(), wfa.id(), "Ready for review.");
      digest = engine.stateDigest();
    }
  }

  private static void dated(Session s, Task t, LocalDate start, LocalDate due, int hours) {
    s.task().updateTask(s.task().getTask(t.id()).withStartDate(start).withDueDate(due)
        .withEstimation(Duration.ofHours(hours)));
  }

  private static CliRun run(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = args[0];
    all[1] = "--store";
    all[2] = store.toString();
    all[3] = "--project=Nightjar";
    System.arraycopy(args, 1, all, 4, args.length - 1);
    CliRun r = CliRun.run(all);
    try (ProdTrack engine = TestStores.open(store)) {
      assertThat(engine.stateDigest()).as("reports only read the store").isEqualTo(digest);
    }
    return r;
  }

  @Test
  void late_countsAndListsTheMostLate() {
    CliRun r = run("late", "--as-of", "2025-07-07");
    assertThat(r.code()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("task_id").contains("days_late");
    assertThat(lines.get(2)).contains("SQ02 SH030 / Layout").contains("todo").contains("2025-07-01")
        .containsPattern(" 6  Bob Kahn$");
    assertThat(lines.get(3)).contains("SQ01 SH010 / Layout").containsPattern(" 5  Ada Lovelace$");
    assertThat(lines.get(4)).isEqualTo("2 tasks of Nightjar late on 2025-07-07.");

    CliRun limited = run("late", "--as-of", "2025-07-07", "--limit", "1", "--format", "csv");
    assertThat(limited.out()).startsWith("task_id,task,status,due_date,days_late,assignees\r\n")
        .contains(",SQ02 SH030 / Layout,todo,2025-07-01,6,Bob Kahn\r\n").doesNotContain("SH010");
    assertThat(limited.err()).isEqualTo("2 tasks of Nightjar late on 2025-07-07 (1 most late shown)."
        + System.lineSeparator());
  }

  @Test
  void late_withScopeFilters_countsOnlyTheScope() {
    CliRun seq = run("late", "--as-of", "2025-07-07", "--sequence", "sq02", "--format", "json");
    assertThat(seq.code()).as(seq.toString()).isZero();
    assertThat(seq.out()).contains("\"task\":\"SQ02 SH030 / Layout\"").doesNotContain("SH010");
    assertThat(seq.err()).startsWith("1 tasks of Nightjar late");
    CliRun person = run("late", "--as-of", "2025-07-07", "--person", "Ada Lovelace");
    assertThat(person.out()).contains("SQ01 SH010 / Layout").doesNotContain("SH030")
        .contains("1 tasks of Nightjar late on 2025-07-07.");
    CliRun early = run("late", "--as-of", "2025-07-01");
    assertThat(early.out()).contains("0 tasks of Nightjar late on 2025-07-01.");
  }

  @Test
  void risk_listsTheTaskThatCannotFit_withItsShortfallAndReasons() {
    CliRun r = run("risk", "--as-of", "2025-07-07", "--format", "csv");
    assertThat(r.code()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).containsExactly("task_id,task,due_date,remaining_h,tightest_assignee,shortfall_h,reasons",
        lines.get(1));
    assertThat(lines.get(1)).endsWith(",SQ01 SH010 / Animation,2025-07-08,24,Ada Lovelace,8,overloaded_assignee");
    assertThat(r.err()).isEqualTo("1 tasks of Nightjar at risk on 2025-07-07." + System.lineSeparator());

    // A day later the planned start has passed: not started too, and only one day left (shortfall 16 h).
    CliRun later = run("risk", "--as-of", "2025-07-08", "--format", "csv");
    assertThat(later.out()).contains(",SQ01 SH010 / Animation,2025-07-08,24,Ada Lovelace,16,overloaded_assignee "
        + "not_started\r\n");

    CliRun bob = run("risk", "--as-of", "2025-07-07", "--person", "bob@studio.test");
    assertThat(bob.out()).contains("0 tasks of Nightjar at risk on 2025-07-07.");
  }

  @Test
  void workload_perPersonPerWorkingDay_marksOverbookedDays() {
    CliRun r = run("workload", "--from", "2025-07-04", "--to", "2025-07-08", "--format", "csv");
    assertThat(r.code()).as(r.toString()).isZero();
    // Friday, then Monday and Tuesday: the weekend is left out.
    assertThat(r.out()).isEqualTo("person,date,demand_h,capacity_h,overload_h,overbooked\r\n"
        + "Ada Lovelace,2025-07-04,0,8,0,false\r\n"
        + "Ada Lovelace,2025-07-07,12,8,4,true\r\n"
        + "Ada Lovelace,2025-07-08,12,8,4,true\r\n"
        + "Bob Kahn,2025-07-04,0,8,0,false\r\n"
        + "Bob Kahn,2025-07-07,4,8,0,false\r\n"
        + "Bob Kahn,2025-07-08,4,8,0,false\r\n");
    assertThat(r.err()).startsWith("Nightjar, 2025-07-04 to 2025-07-08: 2 people, 2 overbooked person-days, "
        + "1 people overbooked; demand 32.0 h against capacity 48.0 h.");

    CliRun over = run("workload", "--as-of", "2025-07-07", "--overbooked-only");
    assertThat(over.code()).isZero();
    assertThat(over.out().lines().filter(l -> l.contains("true")).count()).isEqualTo(2);
    assertThat(over.out()).doesNotContain("Bob Kahn").contains("2025-07-07 to 2025-07-20");
  }

  @Test
  void holiday_workload_theHolidayIsLeftOutAndItsDemandGoesToTheOtherWorkingDays() {
    CliRun r = run("workload", "--from", "2025-07-04", "--to", "2025-07-08", "--holiday", "2025-07-07", "--format",
        "csv");
    assertThat(r.code()).as(r.toString()).isZero();
    // Ada's 24 h from Monday to Tuesday all fall on Tuesday; Bob's 20 h from Monday to Friday on four days.
    assertThat(r.out()).isEqualTo("person,date,demand_h,capacity_h,overload_h,overbooked\r\n"
        + "Ada Lovelace,2025-07-04,0,8,0,false\r\n"
        + "Ada Lovelace,2025-07-08,24,8,16,true\r\n"
        + "Bob Kahn,2025-07-04,0,8,0,false\r\n"
        + "Bob Kahn,2025-07-08,5,8,0,false\r\n");
    CliRun twice = run("workload", "--from", "2025-07-04", "--to", "2025-07-08", "--holiday", "2025-07-07",
        "--holiday", "2025-07-04", "--format", "csv");
    assertThat(twice.out()).doesNotContain("2025-07-04").doesNotContain("2025-07-07").contains("2025-07-08");
  }

  @Test
  void holiday_risk_fewerWorkingDaysPutMoreTasksAtRisk() {
    CliRun r = run("risk", "--as-of", "2025-07-07", "--holiday", "2025-07-09", "--holiday", "2025-07-10",
        "--holiday", "2025-07-11", "--format", "csv");
    assertThat(r.code()).as(r.toString()).isZero();
    // Bob's 20 h due on Friday now have Monday and Tuesday only: 16 h, 4 h short.
    assertThat(r.out()).contains(",SQ01 SH010 / Animation,2025-07-08,24,Ada Lovelace,8,overloaded_assignee\r\n")
        .contains(",SQ01 SH020 / Animation,2025-07-11,20,Bob Kahn,4,");
    assertThat(r.err()).isEqualTo("2 tasks of Nightjar at risk on 2025-07-07." + System.lineSeparator());
  }

  @Test
  void holiday_lateAndQuotas_acceptedAndUnchangedByHolidays() {
    // lateness counts calendar days and the quotas follow the time spents: holidays change neither
    CliRun late = run("late", "--as-of", "2025-07-07", "--sequence", "sq02", "--holiday", "2025-07-01",
        "--format", "csv");
    assertThat(late.code()).as(late.toString()).isZero();
    assertThat(late.out()).isEqualTo(run("late", "--as-of", "2025-07-07", "--sequence", "sq02", "--format", "csv")
        .out()).contains(",SQ02 SH030 / Layout,todo,2025-07-01,6,Bob Kahn\r\n");
    CliRun quotas = run("quotas", "--holiday", "2025-07-01", "--format", "csv");
    assertThat(quotas.code()).as(quotas.toString()).isZero();
    assertThat(quotas.out()).isEqualTo(run("quotas", "--format", "csv").out());
  }

  @Test
  void workload_rangeErrors_exit2() {
    CliRun back = run("workload", "--from", "2025-07-08", "--to", "2025-07-07");
    assertThat(back.code()).isEqualTo(2);
    assertThat(back.err()).isEqualTo("prodtrack workload: --to 2025-07-07 is before --from 2025-07-08"
        + System.lineSeparator());
    CliRun huge = run("workload", "--from", "2025-01-01", "--to", "2026-06-01");
    assertThat(huge.code()).isEqualTo(2);
    assertThat(huge.err()).contains("at most 366 days");
  }

  @Test
  void quotas_weightedAlongTheTimeSpents_rawOnTheDeliveryDay() {
    CliRun weighted = run("quotas", "--format", "csv");
    assertThat(weighted.code()).as(weighted.toString()).isZero();
    assertThat(weighted.out()).isEqualTo("day,person,frames,seconds,drawings,shots\r\n"
        + "2025-07-01,Ada Lovelace,36,1.44,0,0.75\r\n"
        + "2025-07-01,total,36,1.44,0,0.75\r\n"
        + "2025-07-02,Bob Kahn,12,0.48,0,0.25\r\n"
        + "2025-07-02,total,12,0.48,0,0.25\r\n");

    CliRun raw = run("quotas", "--mode", "raw", "--per", "week");
    assertThat(raw.code()).as(raw.toString()).isZero();
    assertThat(raw.out().lines().toList()).containsExactly(
        "week     person        frames  seconds  drawings  shots",
        "-------  ------------  ------  -------  --------  -----",
        "2025-27  Ada Lovelace      48     1.92         0      1",
        "2025-27  Bob Kahn          48     1.92         0      1",
        "2025-27  total             48     1.92         0      1",
        "Nightjar, raw quotas on feedback: 48 frames (1.9 s), 0 drawings, 1.00 shots in 1 week(s).");

    CliRun approval = run("quotas", "--delivery", "approval");
    assertThat(approval.out()).contains("0 frames").contains("in 0 day(s)");
    CliRun window = run("quotas", "--from", "2025-07-02", "--to", "2025-07-02", "--format", "json");
    assertThat(window.out()).doesNotContain("Ada").contains("\"person\":\"Bob Kahn\",\"frames\":12");
  }

  @Test
  void unknownProjectOrBadValues_exit2() {
    CliRun project = CliRun.run("late", "--store", store.toString());
    assertThat(project.code()).isEqualTo(2);
    assertThat(project.err()).contains("the store has 2 projects, pass --project: ").contains("Nightjar (")
        .contains("Other Film (");
    CliRun per = run("quotas", "--per", "year");
    assertThat(per.code()).isEqualTo(2);
    assertThat(per.err()).contains("--per");
    CliRun limit = run("late", "--limit", "-1");
    assertThat(limit.code()).isEqualTo(2);
    assertThat(limit.err()).contains("--limit must be 0 or more, was -1");
  }

  @Test
  void help_hasDescriptionDefaultsExamplesAndExitCodes() {
    for (String command : List.of("late", "risk", "workload", "quotas")) {
      CliRun r = CliRun.run(command, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).as(command).contains("Usage: prodtrack " + command).contains("--store=PATH")
          .contains("--project=NAME|UUID").contains("--format=FORMAT").contains("--sequence")
          .contains("Examples:").contains("Exit codes:");
    }
    assertThat(CliRun.run("late", "--help").out()).contains("default: 20");
  }
}
