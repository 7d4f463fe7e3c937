package dev.prodtrack.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.IdSource;
import dev.prodtrack.PermissionDeniedException;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KitsuDefaultsTest {
  private final ProdTrack engine = ProdTrack.builder().clock(ProductionGenerator.DEFAULT_CLOCK)
      .idSource(IdSource.seeded(1)).open();
  private final Person admin = engine.createFirstAdmin("Ada", "Admin", "ada@studio.test");
  private final Session session = engine.as(admin.id());

  @AfterEach
  void invariants() {
    engine.checkInvariants();
    engine.close();
  }

  /** name, short name, default, done, retake, wip, feedback request, for concept. */
  private static void assertFlags(TaskStatus s, String name, boolean isDefault, boolean done, boolean retake,
      boolean wip, boolean feedback, boolean concept) {
    assertThat(s.name()).isEqualTo(name);
    assertThat(s.isDefault()).as("%s is_default", name).isEqualTo(isDefault);
    assertThat(s.isDone()).as("%s is_done", name).isEqualTo(done);
    assertThat(s.isRetake()).as("%s is_retake", name).isEqualTo(retake);
    assertThat(s.isWip()).as("%s is_wip", name).isEqualTo(wip);
    assertThat(s.isFeedbackRequest()).as("%s is_feedback_request", name).isEqualTo(feedback);
    assertThat(s.forConcept()).as("%s for_concept", name).isEqualTo(concept);
    assertThat(s.isArtistAllowed()).as("%s is_artist_allowed", name).isTrue();
    assertThat(s.isClientAllowed()).as("%s is_client_allowed", name).isTrue();
    assertThat(s.archived()).as("%s archived", name).isFalse();
  }

  @Test
  void create_statusFlags() {
    Defaults d = KitsuDefaults.create(session);

    assertThat(d.statuses()).containsOnlyKeys("todo", "wip", "wfa", "retake", "done", "ready", "neutral",
        "approved", "rejected");
    assertFlags(d.todo(), "Todo", true, false, false, false, false, false);
    assertFlags(d.wip(), "Work In Progress", false, false, false, true, false, false);
    assertFlags(d.wfa(), "Waiting For Approval", false, false, false, false, true, false);
    assertFlags(d.retake(), "Retake", false, false, true, false, false, false);
    assertFlags(d.done(), "Done", false, true, false, false, false, false);
    assertFlags(d.ready(), "Ready To Start", false, false, false, false, false, false);
    assertFlags(d.neutral(), "Neutral", false, false, false, false, false, true);
    assertFlags(d.approved(), "Approved", false, true, false, false, false, true);
    assertFlags(d.rejected(), "Rejected", false, false, true, false, false, true);
    d.statuses().forEach((shortName, s) -> assertThat(s.shortName()).isEqualTo(shortName));
  }

  @Test
  void create_statusesAreTheStoredOnes() {
    Defaults d = KitsuDefaults.create(session);

    for (TaskStatus s : d.statuses().values()) {
      assertThat(session.task().getTaskStatus(s.id())).isEqualTo(s);
    }
    assertThat(session.task().getDefaultTaskStatus()).contains(d.todo());
  }

  @Test
  void create_defaultStatusesOfNewTasks() {
    Defaults d = KitsuDefaults.create(session);
    Project project = session.project().newProject("Defaults");
    Entity shot = session.shot().newShot(project.id(),
        session.shot().newSequence(project.id(), null, "SQ010").id(), "SH0010", 48, null);
    Entity concept = session.asset().newConcept(project.id(), "Look", null);

    Task shotTask = session.task().newTask(shot.id(), d.taskType("Animation").id());
    Task conceptTask = session.task().newTask(concept.id(), d.taskType(KitsuDefaults.CONCEPT_TASK_TYPE).id());

    assertThat(shotTask.taskStatusId()).isEqualTo(d.todo().id());
    assertThat(conceptTask.taskStatusId()).isEqualTo(d.neutral().id());
  }

  @Test
  void create_taskTypesDepartmentsAndAssetTypes() {
    Defaults d = KitsuDefaults.create(session);

    assertThat(d.taskTypesFor("Asset")).extracting(TaskType::name).containsExactlyElementsOf(
        KitsuDefaults.ASSET_TASK_TYPES);
    assertThat(d.taskTypesFor("Shot")).extracting(TaskType::name).containsExactlyElementsOf(
        KitsuDefaults.SHOT_TASK_TYPES);
    assertThat(d.taskTypesFor("Concept")).extracting(TaskType::name).containsExactly("Concept");
    assertThat(d.departments()).containsOnlyKeys(KitsuDefaults.DEPARTMENTS);
    assertThat(d.assetTypes()).containsOnlyKeys(KitsuDefaults.ASSET_TYPES);
    for (TaskType t : d.taskTypes().values()) {
      assertThat(t.departmentId()).as("department of %s", t.name()).isNotNull();
      assertThat(session.task().getTaskType(t.id())).isEqualTo(t);
    }
    assertThat(d.taskType("Animation").departmentId()).isEqualTo(d.department("Animation").id());
    assertThat(d.taskType("Shading").departmentId()).isEqualTo(d.department("Modeling").id());
    assertThat(d.taskType("Lighting").departmentId()).isEqualTo(d.department("Compositing").id());
    assertThat(session.asset().allAssetTypes()).containsExactlyInAnyOrderElementsOf(d.assetTypes().values());
  }

  @Test
  void create_twice_reusesEverythingAndChangesNothing() {
    Defaults first = KitsuDefaults.create(session);
    String digest = engine.stateDigest();

    Defaults second = KitsuDefaults.create(session);

    assertThat(second).isEqualTo(first);
    assertThat(engine.stateDigest()).isEqualTo(digest);
  }

  @Test
  void create_reusesAStatusTheEngineCreatedOnDemand() {
    Project project = session.project().newProject("Early");
    Entity shot = session.shot().newShot(project.id(),
        session.shot().newSequence(project.id(), null, "SQ010").id(), "SH0010", 48, null);
    TaskType layout = session.task().newTaskType("Layout", "Shot", null);
    Task early = session.task().newTask(shot.id(), layout.id());

    Defaults d = KitsuDefaults.create(session);

    assertThat(d.todo().id()).isEqualTo(early.taskStatusId());
    assertThat(d.taskType("Layout")).isEqualTo(layout);
  }

  @Test
  void create_byNonAdmin_isRefused() {
    Person manager = session.person().newPerson("Max", "Manager", "max@studio.test", Role.MANAGER);

    assertThatThrownBy(() -> KitsuDefaults.create(engine.as(manager.id())))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void lookup_unknownName_listsTheKnownOnes() {
    Defaults d = KitsuDefaults.create(session);

    assertThatThrownBy(() -> d.status("pndng")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pndng'").hasMessageContaining("todo, wip, wfa");
    assertThatThrownBy(() -> d.taskType("Grading")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Grading'");
  }

  @Test
  void defaults_areImmutable() {
    Defaults d = KitsuDefaults.create(session);

    assertThatThrownBy(() -> d.statuses().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> d.taskTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(d.statuses().keySet())).startsWith("todo", "wip", "wfa", "retake", "done");
  }
}
