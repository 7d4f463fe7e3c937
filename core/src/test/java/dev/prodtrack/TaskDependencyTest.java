package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.model.TaskDependency;
import dev.prodtrack.model.TaskDependency.Type;
import dev.prodtrack.model.TaskDependencyId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.schedule.CpmTask;
import dev.prodtrack.schedule.CriticalPath;
import dev.prodtrack.schedule.DependencyCycleException;
import dev.prodtrack.storage.memory.MemoryStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stored explicit task links (schedule-analytics.md §5.1, item 3): storage, refusals, critical path. */
class TaskDependencyTest {
  private final Fixture f = new Fixture();
  private final LocalDate mon = LocalDate.of(2025, 3, 3);
  private final ScheduleApi manager = f.engine.as(f.manager.id()).schedule();

  @AfterEach
  void checkInvariants() {
    f.engine.checkInvariants();
  }

  private void pipeline() {
    var projects = f.engine.as(f.manager.id()).project();
    projects.addTaskTypeToProject(f.project, f.modeling.id(), 1);
    projects.addTaskTypeToProject(f.project, f.animation.id(), 2);
    projects.addTaskTypeToProject(f.project, f.compositing.id(), 3);
  }

  @Test
  void addTaskDependency_storesListsAndPublishes() {
    TaskDependency d = manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.SS, 2);
    assertThat(d.projectId()).isEqualTo(f.project);
    assertThat(d.type()).isEqualTo(Type.SS);
    assertThat(d.lag()).isEqualTo(2);
    assertThat(f.eventNames()).endsWith("task-dependency:new");
    assertThat(manager.allTaskDependenciesForTask(f.modelTask.id())).containsExactly(d);
    assertThat(manager.allTaskDependenciesForTask(f.animTask.id())).containsExactly(d);
    assertThat(manager.allTaskDependenciesForTask(f.compTask.id())).isEmpty();
    assertThat(manager.allTaskDependenciesForProject(f.project)).containsExactly(d);

    manager.removeTaskDependency(d.id());
    assertThat(f.eventNames()).endsWith("task-dependency:delete");
    assertThat(manager.allTaskDependenciesForProject(f.project)).isEmpty();
    assertThat(manager.allTaskDependenciesForTask(f.animTask.id())).isEmpty();
  }

  @Test
  void addTaskDependency_supervisorMayArtistMayNot() {
    ScheduleApi supervisor = f.engine.as(f.supervisor.id()).schedule();
    TaskDependency d = supervisor.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FS, 0);
    ScheduleApi artist = f.engine.as(f.artist.id()).schedule();
    PermissionDeniedException e = Refusal.check(f.engine, f.events, PermissionDeniedException.class,
        () -> artist.addTaskDependency(f.animTask.id(), f.compTask.id(), Type.FS, 0));
    assertThat(e.actor()).isEqualTo(f.artist.id());
    Refusal.check(f.engine, f.events, PermissionDeniedException.class, () -> artist.removeTaskDependency(d.id()));
    assertThat(artist.allTaskDependenciesForTask(f.animTask.id())).containsExactly(d);
  }

  @Test
  void addTaskDependency_unknownIds_refusedUnchanged() {
    TaskId ghost = new TaskId(new UUID(9, 9));
    UnknownIdException e = Refusal.check(f.engine, f.events, UnknownIdException.class,
        () -> manager.addTaskDependency(ghost, f.animTask.id(), Type.FS, 0));
    assertThat(e.id()).isEqualTo(ghost);
    e = Refusal.check(f.engine, f.events, UnknownIdException.class,
        () -> manager.addTaskDependency(f.animTask.id(), ghost, Type.FS, 0));
    assertThat(e.id()).isEqualTo(ghost);
    TaskDependencyId missing = new TaskDependencyId(new UUID(8, 8));
    e = Refusal.check(f.engine, f.events, UnknownIdException.class, () -> manager.removeTaskDependency(missing));
    assertThat(e.id()).isEqualTo(missing);
  }

  @Test
  void addTaskDependency_selfLinkAndDuplicate_refusedUnchanged() {
    DependencyCycleException self = Refusal.check(f.engine, f.events, DependencyCycleException.class,
        () -> manager.addTaskDependency(f.animTask.id(), f.animTask.id(), Type.FS, 0));
    assertThat(self.cycle()).containsExactly(f.animTask.id());
    manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FS, 0);
    RuleViolationException dup = Refusal.check(f.engine, f.events, RuleViolationException.class,
        () -> manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.SS, 1));
    assertThat(dup.rule()).isEqualTo(RuleViolationException.Rule.DUPLICATE_DEPENDENCY);
    dup = Refusal.check(f.engine, f.events, RuleViolationException.class,
        () -> manager.addTaskDependency(f.animTask.id(), f.modelTask.id(), Type.FS, 0));
    assertThat(dup.ids()).contains(f.modelTask.id(), f.animTask.id());
  }

  @Test
  void addTaskDependency_closingACycleOfStoredLinks_refusedWithItsTasks() {
    manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FS, 0);
    manager.addTaskDependency(f.animTask.id(), f.compTask.id(), Type.FF, 0);
    DependencyCycleException e = Refusal.check(f.engine, f.events, DependencyCycleException.class,
        () -> manager.addTaskDependency(f.compTask.id(), f.modelTask.id(), Type.SS, 0));
    assertThat(e.cycle()).containsExactly(f.compTask.id(), f.modelTask.id(), f.animTask.id());
  }

  @Test
  void addTaskDependency_closingACycleThroughThePipeline_refused() {
    pipeline();
    // anim → comp is implicit on the shot; model → anim stored; comp → model would close the loop.
    manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FS, 0);
    DependencyCycleException e = Refusal.check(f.engine, f.events, DependencyCycleException.class,
        () -> manager.addTaskDependency(f.compTask.id(), f.modelTask.id(), Type.FS, 0));
    assertThat(e.cycle()).containsExactly(f.compTask.id(), f.modelTask.id(), f.animTask.id());
    // Reversing the pipeline pair replaces the implicit link instead of closing a cycle.
    TaskDependency reverse = manager.addTaskDependency(f.compTask.id(), f.animTask.id(), Type.FS, 0);
    assertThat(reverse.successorId()).isEqualTo(f.animTask.id());
  }

  @Test
  void addTaskDependency_acrossProjects_refusedUnchanged() {
    Session admin = f.engine.as(f.admin.id());
    var other = admin.project().newProject("Other");
    var seq = admin.shot().newSequence(other.id(), null, "SQ09");
    var shot = admin.shot().newShot(other.id(), seq.id(), "SH090", 24, null);
    TaskId foreign = admin.task().newTask(shot.id(), f.animation.id()).id();
    RuleViolationException e = Refusal.check(f.engine, f.events, RuleViolationException.class,
        () -> manager.addTaskDependency(f.animTask.id(), foreign, Type.FS, 0));
    assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.WRONG_PROJECT);
  }

  @Test
  void removeTask_removesItsDependencies() {
    TaskDependency d = manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FS, 0);
    manager.addTaskDependency(f.compTask.id(), f.modelTask.id(), Type.FS, 0);
    f.tasks(f.manager).removeTask(f.modelTask.id(), true);
    assertThat(manager.allTaskDependenciesForProject(f.project)).isEmpty();
    assertThat(f.eventNames()).containsSubsequence("task-dependency:delete", "task-dependency:delete", "task:delete");
    assertThat(manager.allTaskDependenciesForTask(f.animTask.id())).doesNotContain(d);
  }

  @Test
  void criticalPath_usesStoredLinks() {
    pipeline();
    f.tasks(f.manager).updateTask(f.animTask.withStartDate(mon).withDueDate(mon.plusDays(2)));
    f.tasks(f.manager).updateTask(f.compTask.withEstimation(Duration.ofHours(8)));
    var cal = manager.calendar(List.of());
    CriticalPath before = manager.criticalPath(f.project, mon, null, 0, cal);
    assertThat(cp(before, f.modelTask.id()).totalFloat()).isEqualTo(3);

    manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FS, 1);
    CriticalPath after = manager.criticalPath(f.project, mon, null, 0, cal);
    // model Mon; lag 1 → anim Wed..Fri; comp (implicit FS) next Mon.
    assertThat(cp(after, f.animTask.id()).earlyStart()).isEqualTo(mon.plusDays(2));
    assertThat(cp(after, f.compTask.id()).earlyStart()).isEqualTo(mon.plusDays(7));
    assertThat(after.critical()).containsExactly(f.modelTask.id(), f.animTask.id(), f.compTask.id());
    // An explicit link passed by the caller replaces the stored one of the same pair.
    CriticalPath override = manager.criticalPath(f.project, mon, null, 0,
        List.of(dev.prodtrack.schedule.TaskLink.fs(f.modelTask.id(), f.animTask.id())), cal);
    assertThat(cp(override, f.animTask.id()).earlyStart()).isEqualTo(mon.plusDays(1));
  }

  @Test
  void dependencies_surviveCloseAndReopen() {
    pipeline();
    TaskDependency d = manager.addTaskDependency(f.modelTask.id(), f.animTask.id(), Type.FF, -1);
    // Deleted links must stay deleted after the reopen: one removed directly, one with its task.
    TaskDependency removed = manager.addTaskDependency(f.modelTask.id(), f.compTask.id(), Type.SS, 0);
    manager.removeTaskDependency(removed.id());
    Session admin = f.engine.as(f.admin.id());
    var shot2 = admin.shot().newShot(f.project, f.sequence, "SH020", 10, null);
    TaskId extra = admin.task().newTask(shot2.id(), f.animation.id()).id();
    manager.addTaskDependency(f.animTask.id(), extra, Type.FS, 2);
    f.tasks(f.manager).removeTask(extra, true);
    var cal = manager.calendar(List.of());
    CriticalPath before = manager.criticalPath(f.project, mon, null, 0, cal);
    String digest = f.engine.stateDigest();
    f.engine.close();
    MemoryStore reopened = f.store.reopen();
    ProdTrack again = ProdTrack.builder().store(reopened).clock(f.clock).open();
    again.checkInvariants();
    assertThat(again.stateDigest()).isEqualTo(digest);
    ScheduleApi schedule = again.as(f.manager.id()).schedule();
    assertThat(schedule.allTaskDependenciesForTask(f.animTask.id())).containsExactly(d);
    assertThat(schedule.allTaskDependenciesForProject(f.project)).containsExactly(d);
    assertThat(schedule.criticalPath(f.project, mon, null, 0, cal)).isEqualTo(before);
    DependencyCycleException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> schedule.addTaskDependency(f.compTask.id(), f.modelTask.id(), Type.FS, 0),
        DependencyCycleException.class);
    assertThat(e.cycle()).contains(f.modelTask.id(), f.animTask.id(), f.compTask.id());
  }

  private static CpmTask cp(CriticalPath cp, TaskId id) {
    return cp.tasks().stream().filter(t -> t.task().equals(id)).findFirst().orElseThrow();
  }
}
