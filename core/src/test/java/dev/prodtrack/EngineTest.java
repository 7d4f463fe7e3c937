package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.memory.MemoryStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's write path: commit to the store, reopen, events, failures. */
class EngineTest {

  private static void playADay(Fixture f) {
    f.tick();
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "blocking @Bo Painter");
    f.tasks(f.artist).setTimeSpent(f.animTask.id(), f.artist.id(), LocalDate.of(2025, 3, 3), Duration.ofHours(5));
    f.tick();
    f.tasks(f.manager).addComment(f.animTask.id(), f.wfa.id(), "", CommentOptions.NONE.withCreatedAt(Fixture.START));
    f.tasks(f.manager).assignTask(f.compTask.id(), f.artist2.id());
    f.tasks(f.manager).removeTask(f.modelTask.id(), false);
  }

  @Test
  void reopen_fromTheSameMemoryStore_givesAnIdenticalState() {
    Fixture f = new Fixture();
    playADay(f);
    String digest = f.engine.stateDigest();
    f.engine.close();
    MemoryStore reopened = f.store.reopen();
    ProdTrack again = ProdTrack.builder().store(reopened).clock(f.clock).open();
    assertThat(again.stateDigest()).isEqualTo(digest);
    assertThat(again.recoveryReport().recordsLoaded()).isGreaterThan(20);
    again.checkInvariants();
    // Equal-dated comments keep their posting order across a reopen.
    Task t = again.as(f.manager.id()).task().getTask(f.animTask.id());
    assertThat(t.taskStatusId()).isEqualTo(f.wip.id());
  }

  @Test
  void stateDigest_changesWithAnyRecord() {
    Fixture f = new Fixture();
    String before = f.engine.stateDigest();
    f.tasks(f.manager).updateTask(f.animTask.withPriority(1));
    assertThat(f.engine.stateDigest()).isNotEqualTo(before);
  }

  @Test
  void failingStore_leavesMemoryUnchanged_andTheEngineUsableAfterReopen() {
    Fixture f = new Fixture();
    String digest = f.engine.stateDigest();
    f.events.clear();
    f.store.failNextCommit(StorageException.Reason.TOO_LARGE);
    assertThatThrownBy(() -> f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "lost"))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.TOO_LARGE));
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
    assertThat(f.events).isEmpty();
    f.tasks(f.artist).addComment(f.animTask.id(), f.wip.id(), "kept");
    assertThat(f.task(f.animTask).taskStatusId()).isEqualTo(f.wip.id());

    String after = f.engine.stateDigest();
    f.store.failNextCommit(StorageException.Reason.IO);
    assertThatThrownBy(() -> f.tasks(f.artist).addComment(f.animTask.id(), f.wfa.id(), ""))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> f.tasks(f.artist).addComment(f.animTask.id(), f.wfa.id(), ""))
        .as("a failed store stays failed").isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.FAILED));
    assertThat(f.engine.stateDigest()).isEqualTo(after);
    f.engine.checkInvariants();
  }

  @Test
  void events_arePublishedInCommitOrder_andAThrowingListenerAffectsNothingElse() {
    List<Throwable> errors = new ArrayList<>();
    ProdTrack engine = ProdTrack.builder().clock(new TestClock(Fixture.START)).idSource(IdSource.seeded(1))
        .listenerErrorHandler((e, t) -> errors.add(t)).open();
    List<String> seen = new ArrayList<>();
    engine.subscribe(e -> {
      throw new IllegalStateException("listener bug on " + e.name());
    });
    engine.subscribe(e -> seen.add(e.name()));
    var admin = engine.createFirstAdmin("Ada", "Admin", null);
    engine.as(admin.id()).person().newPerson("Bo", "Painter", null, Role.USER);
    engine.as(admin.id()).task().newTaskType("Modeling");
    assertThat(seen).containsExactly(EventNames.PERSON_NEW, EventNames.PERSON_NEW, EventNames.TASK_TYPE_NEW);
    assertThat(errors).hasSize(3).allMatch(t -> t instanceof IllegalStateException);
    assertThat(engine.as(admin.id()).task().getTaskTypeByName("Modeling")).isPresent();
  }

  @Test
  void events_carryIncreasingStoreSequences() {
    Fixture f = new Fixture();
    f.events.clear();
    playADay(f);
    long previous = 0;
    for (Event e : f.events) {
      assertThat(e.sequence()).isGreaterThanOrEqualTo(previous);
      previous = e.sequence();
    }
    assertThat(f.events.get(f.events.size() - 1).sequence()).isGreaterThan(f.events.get(0).sequence());
  }

  @Test
  void createFirstAdmin_onlyInAnEmptyStudio() {
    Fixture f = new Fixture();
    String digest = f.engine.stateDigest();
    assertThatThrownBy(() -> f.engine.createFirstAdmin("Eve", "Intruder", null))
        .isInstanceOfSatisfying(RuleViolationException.class,
            e -> assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.STUDIO_NOT_EMPTY));
    assertThat(f.engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void as_unknownOrInactivePerson_isRefused() {
    Fixture f = new Fixture();
    assertThatThrownBy(() -> f.engine.as(new dev.prodtrack.model.PersonId(java.util.UUID.randomUUID())))
        .isInstanceOf(UnknownIdException.class);
    f.engine.as(f.admin.id()).person().updatePerson(f.outsider.withActive(false));
    assertThatThrownBy(() -> f.engine.as(f.outsider.id())).isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void idSourceSeeded_isDeterministic() {
    Fixture a = new Fixture();
    Fixture b = new Fixture();
    playADay(a);
    playADay(b);
    assertThat(a.engine.stateDigest()).isEqualTo(b.engine.stateDigest());
  }
}
