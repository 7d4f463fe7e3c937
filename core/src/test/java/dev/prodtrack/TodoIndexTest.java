package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The todo list served from the per-person index of open tasks ({@link TodoIndex}) equals a naive scan of
 * every task (assigned, status not done, open project, caller in the team, by due date then id) on a
 * seeded generated production, after each of a few hundred random mutations that move tasks in and out of
 * the index: status changes by comment, due-date changes, reassignments, a status whose done flag flips.
 * The index's own consistency with the records is checked by {@code checkInvariants} at the end.
 */
class TodoIndexTest {
  private static final long SEED = 20261129L;
  private static final Comparator<Task> BY_DUE = Comparator
      .comparing(Task::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
      .thenComparing(t -> t.id().value());

  @Test
  void todoList_equalsANaiveScan_afterRandomMutations() {
    var g = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    Production p = g.production();
    ProdTrack engine = g.engine();
    TaskApi admin = engine.as(p.admin()).task();
    List<TaskId> tasks = p.tasks();
    List<PersonId> people = p.persons();
    List<TaskStatus> statuses = List.of(p.defaults().todo(), p.defaults().wip(), p.defaults().wfa(),
        p.defaults().retake(), p.defaults().done());
    Random random = new Random(SEED);
    List<String> actions = new ArrayList<>();
    compareAll(engine, people, "generated; seed " + SEED);
    assertThat(people.stream().mapToInt(person -> engine.as(person).user().allTasksToDo().size()).sum())
        .as("the generated production gives its people open tasks").isPositive();
    for (int step = 0; step < 300; step++) {
      Task t = admin.getTask(tasks.get(random.nextInt(tasks.size())));
      switch (random.nextInt(4)) {
        case 0 -> {
          TaskStatus status = statuses.get(random.nextInt(statuses.size()));
          actions.add("status " + t.id() + " " + status.shortName());
          admin.updateTask(t.withTaskStatusId(status.id()));
        }
        case 1 -> {
          LocalDate due = random.nextInt(5) == 0 ? null : p.asOf().plusDays(random.nextInt(60) - 30);
          actions.add("due " + t.id() + " " + due);
          admin.updateTask(t.withDueDate(due));
        }
        case 2 -> {
          PersonId artist = p.artists().get(random.nextInt(p.artists().size()));
          if (t.assignees().contains(artist)) {
            actions.add("unassign " + t.id() + " " + artist);
            admin.unassignTask(t.id(), artist);
          } else {
            actions.add("assign " + t.id() + " " + artist);
            admin.assignTask(t.id(), artist);
          }
        }
        default -> {
          TaskStatus status = random.nextBoolean() ? p.defaults().wip() : p.defaults().wfa();
          actions.add("comment " + t.id() + " " + status.shortName());
          try {
            admin.addComment(t.id(), status.id(), "");
          } catch (ProdTrackException refused) {
            actions.add("(refused: " + refused.getClass().getSimpleName() + ")");
          }
        }
      }
      if (step == 150) {
        // A new done status drops the index; the next query rebuilds it.
        TaskStatus closed = admin.newTaskStatus("Closed", "closed", "#000000", java.util.Set.of(StatusFlag.DONE));
        statuses = new ArrayList<>(statuses);
        statuses.add(closed);
        actions.add("new done status");
      }
      compareAll(engine, people, "seed " + SEED + ", after " + actions);
    }
    engine.checkInvariants();
  }

  private static void compareAll(ProdTrack engine, List<PersonId> people, String where) {
    TaskApi admin = engine.as(people.get(0)).task();
    for (PersonId person : people) {
      List<Task> expected = new ArrayList<>();
      Person who = engine.as(person).person().getPerson(person);
      for (Project project : engine.as(people.get(0)).project().allProjects()) {
        if (!project.open() || project.member(person).isEmpty()) {
          continue;
        }
        for (Task t : admin.allTasksForProject(project.id())) {
          if (t.assignees().contains(who.id()) && !admin.getTaskStatus(t.taskStatusId()).isDone()) {
            expected.add(t);
          }
        }
      }
      expected.sort(BY_DUE);
      assertThat(engine.as(person).user().allTasksToDo()).as("todo list of %s; %s", person, where)
          .isEqualTo(expected);
    }
  }
}
