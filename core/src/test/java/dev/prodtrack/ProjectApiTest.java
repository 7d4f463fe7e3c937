package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TaskTypeLink;
import dev.prodtrack.model.TeamMember;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectApiTest {
  private static final Instant T0 = Instant.parse("2024-03-18T09:00:00Z");
  private static final ProjectId NO_SUCH_PROJECT =
      new ProjectId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

  /** A fixed clock that a test moves by hand. */
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final List<Event> events = new ArrayList<>();
  private ProdTrack engine;
  private Person admin;
  private Session asAdmin;

  @BeforeEach
  void openEngine() {
    engine = ProdTrack.builder().clock(now::get).idSource(IdSource.seeded(42)).open();
    admin = engine.createFirstAdmin("Ada", "Admin", "ada@studio.test");
    asAdmin = engine.as(admin.id());
    engine.subscribe(events::add);
  }

  @AfterEach
  void checkInvariants() {
    engine.checkInvariants();
    engine.close();
  }

  private Person person(String firstName, Role role) {
    return asAdmin.person().newPerson(firstName, "Test", firstName.toLowerCase() + "@studio.test", role);
  }

  /** Runs a call that must be refused, and checks it left the state unchanged and published nothing. */
  private <T extends Throwable> T refused(Class<T> type, ThrowingCallable call) {
    return Refusal.check(engine, events, type, call);
  }

  private List<Event> eventsNamed(String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }

  // ---- newProject ----

  @Test
  void newProject_appliesKitsuDefaults() {
    Project p = asAdmin.project().newProject("Big Buck");

    assertThat(p.name()).isEqualTo("Big Buck");
    assertThat(p.open()).isTrue();
    assertThat(p.fps()).isEqualTo("25");
    assertThat(p.ratio()).isEqualTo("16:9");
    assertThat(p.resolution()).isEqualTo("1920x1080");
    assertThat(p.productionType()).isEqualTo("short");
    assertThat(p.productionStyle()).isEqualTo("2d3d");
    assertThat(p.maxRetakes()).isZero();
    assertThat(p.nbEpisodes()).isZero();
    assertThat(p.startDate()).isNull();
    assertThat(p.endDate()).isNull();
    assertThat(p.manDays()).isNull();
    assertThat(p.clientsIsolated()).isFalse();
    assertThat(p.botCollaborationEnabled()).isFalse();
    assertThat(p.team()).isEmpty();
    assertThat(p.taskTypeLinks()).isEmpty();
    assertThat(p.taskStatusLinks()).isEmpty();
    assertThat(p.assetTypes()).isEmpty();
    assertThat(p.data()).isEmpty();
    assertThat(p.createdAt()).isEqualTo(T0);
    assertThat(p.updatedAt()).isEqualTo(T0);
    assertThat(asAdmin.project().getProject(p.id())).isEqualTo(p);
  }

  @Test
  void newProject_publishesProjectNew() {
    Project p = asAdmin.project().newProject("Big Buck");

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.PROJECT_NEW);
      assertThat(e.projectId()).isEqualTo(p.id().value());
      assertThat(e.id("project_id")).isEqualTo(p.id().value());
    });
  }

  @Test
  void newProject_byGlobalManager_addsCreatorToTeam() {
    Person manager = person("Max", Role.MANAGER);

    Project p = engine.as(manager.id()).project().newProject("Big Buck");

    assertThat(p.team()).containsExactly(new TeamMember(manager.id(), null));
    assertThat(Access.isManagerOf(manager, p)).isTrue();
  }

  @Test
  void newProject_byArtist_isRefused() {
    Person artist = person("Art", Role.USER);

    PermissionDeniedException e =
        refused(PermissionDeniedException.class, () -> engine.as(artist.id()).project().newProject("Big Buck"));

    assertThat(e.actor()).isEqualTo(artist.id());
    assertThat(e.action()).isEqualTo("new_project");
  }

  @Test
  void newProject_duplicateName_isRefused() {
    Project first = asAdmin.project().newProject("Big Buck");

    RuleViolationException e =
        refused(RuleViolationException.class, () -> asAdmin.project().newProject("Big Buck"));

    assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.DUPLICATE_NAME);
    assertThat(e.ids()).containsExactly(first.id());
  }

  @Test
  void newProject_blankName_isRejected() {
    refused(IllegalArgumentException.class, () -> asAdmin.project().newProject("  "));
    refused(NullPointerException.class, () -> asAdmin.project().newProject(null));
  }

  // ---- updateProject ----

  @Test
  void updateProject_changesSettingsAndKeepsTeamLinksAndOpenFlag() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 2);
    Project stored = asAdmin.project().getProject(p.id());
    now.set(T0.plus(Duration.ofHours(1)));
    events.clear();

    Project updated = asAdmin.project().updateProject(stored.withMaxRetakes(3).withFps("24")
        .withStartDate(LocalDate.of(2024, 4, 1)).withEndDate(LocalDate.of(2024, 12, 20)).withManDays(120)
        .withData(Map.of("client", "ACME")).withTeam(List.of()).withTaskTypeLinks(List.of()).withOpen(false)
        .withCreatedAt(Instant.EPOCH));

    assertThat(updated.maxRetakes()).isEqualTo(3);
    assertThat(updated.fps()).isEqualTo("24");
    assertThat(updated.startDate()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(updated.endDate()).isEqualTo(LocalDate.of(2024, 12, 20));
    assertThat(updated.manDays()).isEqualTo(120);
    assertThat(updated.data()).containsEntry("client", "ACME");
    assertThat(updated.team()).isEqualTo(stored.team());
    assertThat(updated.taskTypeLinks()).isEqualTo(stored.taskTypeLinks());
    assertThat(updated.open()).isTrue();
    assertThat(updated.createdAt()).isEqualTo(T0);
    assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(asAdmin.project().getProject(p.id())).isEqualTo(updated);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.PROJECT_UPDATE);
      assertThat(e.id("project_id")).isEqualTo(p.id().value());
    });
  }

  @Test
  void updateProject_rename_movesTheNameIndex() {
    Project p = asAdmin.project().newProject("Big Buck");

    asAdmin.project().updateProject(p.withName("Bigger Buck"));

    assertThat(asAdmin.project().getProjectByName("Big Buck")).isEmpty();
    assertThat(asAdmin.project().getProjectByName("Bigger Buck")).map(Project::id).contains(p.id());
    // The old name is free again.
    asAdmin.project().newProject("Big Buck");
  }

  @Test
  void updateProject_keepingItsOwnName_isAccepted() {
    Project p = asAdmin.project().newProject("Big Buck");

    assertThat(asAdmin.project().updateProject(p.withCode("BB")).code()).isEqualTo("BB");
  }

  @Test
  void updateProject_nameOfAnotherProject_isRefused() {
    Project taken = asAdmin.project().newProject("Big Buck");
    Project p = asAdmin.project().newProject("Sintel");

    RuleViolationException e =
        refused(RuleViolationException.class, () -> asAdmin.project().updateProject(p.withName("Big Buck")));

    assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.DUPLICATE_NAME);
    assertThat(e.ids()).containsExactly(taken.id());
  }

  @Test
  void updateProject_byArtistInTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());

    refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).project().updateProject(p.withMaxRetakes(2)));
  }

  @Test
  void updateProject_byGlobalManagerOutsideTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person manager = person("Max", Role.MANAGER);

    refused(PermissionDeniedException.class,
        () -> engine.as(manager.id()).project().updateProject(p.withMaxRetakes(2)));
  }

  // ---- open flag ----

  @Test
  void closeProject_thenReopen_flipsTheOpenFlag() {
    Project p = asAdmin.project().newProject("Big Buck");

    assertThat(asAdmin.project().closeProject(p.id()).open()).isFalse();
    assertThat(asAdmin.project().allOpenProjects()).isEmpty();
    assertThat(asAdmin.project().allProjects()).extracting(Project::id).containsExactly(p.id());

    assertThat(asAdmin.project().reopenProject(p.id()).open()).isTrue();
    assertThat(asAdmin.project().allOpenProjects()).extracting(Project::id).containsExactly(p.id());
  }

  @Test
  void closeProject_twice_publishesOnce() {
    Project p = asAdmin.project().newProject("Big Buck");
    events.clear();

    asAdmin.project().closeProject(p.id());
    String digest = engine.stateDigest();
    asAdmin.project().closeProject(p.id());

    assertThat(engine.stateDigest()).isEqualTo(digest);
    assertThat(eventsNamed(EventNames.PROJECT_UPDATE)).hasSize(1);
  }

  @Test
  void closeProject_unknownProject_isRefused() {
    UnknownIdException e = refused(UnknownIdException.class, () -> asAdmin.project().closeProject(NO_SUCH_PROJECT));

    assertThat(e.id()).isEqualTo(NO_SUCH_PROJECT);
    assertThat(e.kind()).isEqualTo("project");
  }

  @Test
  void closeProject_byArtistInTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());

    refused(PermissionDeniedException.class, () -> engine.as(artist.id()).project().closeProject(p.id()));
  }

  // ---- team ----

  @Test
  void addPersonToTeam_isIdempotentAndUpdatesTheRole() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    events.clear();

    asAdmin.project().addPersonToTeam(p.id(), artist.id());
    String digest = engine.stateDigest();
    asAdmin.project().addPersonToTeam(p.id(), artist.id(), null);
    assertThat(engine.stateDigest()).isEqualTo(digest);
    assertThat(events).hasSize(1);

    Project updated = asAdmin.project().addPersonToTeam(p.id(), artist.id(), Role.SUPERVISOR);

    assertThat(updated.team()).containsExactly(new TeamMember(artist.id(), Role.SUPERVISOR));
    assertThat(asAdmin.project().team(p.id())).containsExactly(new TeamMember(artist.id(), Role.SUPERVISOR));
    assertThat(eventsNamed(EventNames.PROJECT_UPDATE)).hasSize(2)
        .allSatisfy(e -> assertThat(e.id("project_id")).isEqualTo(p.id().value()));
  }

  @Test
  void addPersonToTeam_projectRoleOverridesTheGlobalRole() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person promoted = person("Pam", Role.USER);
    Person demoted = person("Dan", Role.MANAGER);
    asAdmin.project().addPersonToTeam(p.id(), promoted.id(), Role.MANAGER);
    Project stored = asAdmin.project().addPersonToTeam(p.id(), demoted.id(), Role.USER);

    assertThat(Access.effectiveRole(promoted, stored)).isEqualTo(Role.MANAGER);
    assertThat(Access.effectiveRole(demoted, stored)).isEqualTo(Role.USER);
    assertThat(engine.as(promoted.id()).project().updateProject(stored.withMaxRetakes(4)).maxRetakes()).isEqualTo(4);
    refused(PermissionDeniedException.class,
        () -> engine.as(demoted.id()).project().updateProject(stored.withMaxRetakes(5)));
  }

  @Test
  void addPersonToTeam_adminProjectRole_isIgnored() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    Project stored = asAdmin.project().addPersonToTeam(p.id(), artist.id(), Role.ADMIN);

    assertThat(Access.effectiveRole(artist, stored)).isEqualTo(Role.USER);
    refused(PermissionDeniedException.class, () -> engine.as(artist.id()).project().closeProject(p.id()));
  }

  @Test
  void addPersonToTeam_unknownPerson_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    PersonId ghost = new PersonId(UUID.fromString("00000000-0000-4000-8000-000000000002"));

    UnknownIdException e =
        refused(UnknownIdException.class, () -> asAdmin.project().addPersonToTeam(p.id(), ghost, null));

    assertThat(e.id()).isEqualTo(ghost);
    assertThat(asAdmin.project().team(p.id())).isEmpty();
  }

  @Test
  void addPersonToTeam_byArtistInTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    Person friend = person("Fred", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());

    refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).project().addPersonToTeam(p.id(), friend.id(), Role.MANAGER));
  }

  @Test
  void removePersonFromTeam_removesTheMemberAndIsIdempotent() {
    Project p = asAdmin.project().newProject("Big Buck");
    Person artist = person("Art", Role.USER);
    Person other = person("Olga", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());
    asAdmin.project().addPersonToTeam(p.id(), other.id(), Role.SUPERVISOR);

    asAdmin.project().removePersonFromTeam(p.id(), artist.id());
    String digest = engine.stateDigest();
    int published = events.size();
    asAdmin.project().removePersonFromTeam(p.id(), artist.id());

    assertThat(engine.stateDigest()).isEqualTo(digest);
    assertThat(events).hasSize(published);
    assertThat(asAdmin.project().team(p.id())).containsExactly(new TeamMember(other.id(), Role.SUPERVISOR));
    refused(PermissionDeniedException.class, () -> engine.as(artist.id()).project().getProject(p.id()));
  }

  // ---- task-type links ----

  @Test
  void addTaskTypeToProject_createsTheLinkWithDefaultPriority() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");

    List<TaskTypeLink> links = asAdmin.project().addTaskTypeToProject(p.id(), modeling.id());

    assertThat(links).containsExactly(new TaskTypeLink(modeling.id(), 1));
    assertThat(asAdmin.project().getProject(p.id()).taskTypePriority(modeling.id())).hasValue(1);
  }

  @Test
  void addTaskTypeToProject_existingLink_updatesThePriority() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id());

    List<TaskTypeLink> links = asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 3);

    assertThat(links).containsExactly(new TaskTypeLink(modeling.id(), 3));
    assertThat(asAdmin.project().getProject(p.id()).taskTypeLinks()).hasSize(1);
  }

  @Test
  void addTaskTypeToProject_samePriority_changesNothing() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 2);
    String digest = engine.stateDigest();
    int published = events.size();

    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 2);

    assertThat(engine.stateDigest()).isEqualTo(digest);
    assertThat(events).hasSize(published);
  }

  @Test
  void addTaskTypeToProject_unknownTaskType_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskTypeId ghost = new TaskTypeId(UUID.fromString("00000000-0000-4000-8000-000000000003"));

    UnknownIdException e =
        refused(UnknownIdException.class, () -> asAdmin.project().addTaskTypeToProject(p.id(), ghost, 1));

    assertThat(e.id()).isEqualTo(ghost);
  }

  @Test
  void addTaskTypeToProject_byArtistInTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());

    refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).project().addTaskTypeToProject(p.id(), modeling.id(), 1));
  }

  @Test
  void taskTypeLinks_areOrderedByPriorityThenName() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType rigging = asAdmin.task().newTaskType("Rigging");
    TaskType concept = asAdmin.task().newTaskType("Concept Art");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    asAdmin.project().addTaskTypeToProject(p.id(), rigging.id(), 2);
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 1);
    asAdmin.project().addTaskTypeToProject(p.id(), concept.id(), 1);

    assertThat(asAdmin.project().taskTypeLinks(p.id())).containsExactly(
        new TaskTypeLink(concept.id(), 1), new TaskTypeLink(modeling.id(), 1), new TaskTypeLink(rigging.id(), 2));
  }

  @Test
  void reorderTaskTypeLinks_setsOneBasedPositionsOfLinkedTypesOnly() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    TaskType rigging = asAdmin.task().newTaskType("Rigging");
    TaskType shading = asAdmin.task().newTaskType("Shading");
    TaskType unlinked = asAdmin.task().newTaskType("Layout");
    TaskTypeId ghost = new TaskTypeId(UUID.fromString("00000000-0000-4000-8000-000000000004"));
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 1);
    asAdmin.project().addTaskTypeToProject(p.id(), rigging.id(), 2);
    asAdmin.project().addTaskTypeToProject(p.id(), shading.id(), 7);
    events.clear();

    // Positions count every element, linked or not; Modeling is not named and keeps its priority.
    List<TaskTypeLink> links = asAdmin.project()
        .reorderTaskTypeLinks(p.id(), List.of(shading.id(), unlinked.id(), ghost, rigging.id()));

    assertThat(links).containsExactly(new TaskTypeLink(modeling.id(), 1), new TaskTypeLink(shading.id(), 1),
        new TaskTypeLink(rigging.id(), 4));
    assertThat(asAdmin.project().taskTypeLinks(p.id())).isEqualTo(links);
    assertThat(asAdmin.project().getProject(p.id()).taskTypePriority(unlinked.id())).isEmpty();
    assertThat(eventsNamed(EventNames.PROJECT_UPDATE)).hasSize(1);
  }

  @Test
  void reorderTaskTypeLinks_repeatedTaskType_takesItsLastPosition() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    TaskType rigging = asAdmin.task().newTaskType("Rigging");
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id());
    asAdmin.project().addTaskTypeToProject(p.id(), rigging.id());

    List<TaskTypeLink> links =
        asAdmin.project().reorderTaskTypeLinks(p.id(), List.of(modeling.id(), rigging.id(), modeling.id()));

    assertThat(links).containsExactly(new TaskTypeLink(rigging.id(), 2), new TaskTypeLink(modeling.id(), 3));
  }

  @Test
  void reorderTaskTypeLinks_byArtistInTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 5);
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());

    refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).project().reorderTaskTypeLinks(p.id(), List.of(modeling.id())));
  }

  @Test
  void removeTaskTypeFromProject_removesTheLink() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    TaskType rigging = asAdmin.task().newTaskType("Rigging");
    asAdmin.project().addTaskTypeToProject(p.id(), modeling.id(), 1);
    asAdmin.project().addTaskTypeToProject(p.id(), rigging.id(), 2);

    List<TaskTypeLink> links = asAdmin.project().removeTaskTypeFromProject(p.id(), modeling.id());

    assertThat(links).containsExactly(new TaskTypeLink(rigging.id(), 2));
    String digest = engine.stateDigest();
    asAdmin.project().removeTaskTypeFromProject(p.id(), modeling.id());
    assertThat(engine.stateDigest()).isEqualTo(digest);
  }

  // ---- task statuses and asset types ----

  @Test
  void addTaskStatusToProject_linksOnceWithDefaultBoardRoles() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskStatus wip = asAdmin.task().newTaskStatus("Work In Progress", "wip", "#3273dc", Set.of(StatusFlag.WIP));
    TaskStatus done = asAdmin.task().newTaskStatus("Done", "done", "#22d160", Set.of(StatusFlag.DONE));

    asAdmin.project().addTaskStatusToProject(p.id(), wip.id());
    asAdmin.project().addTaskStatusToProject(p.id(), done.id());
    String digest = engine.stateDigest();
    Project stored = asAdmin.project().addTaskStatusToProject(p.id(), wip.id());

    assertThat(engine.stateDigest()).isEqualTo(digest);
    assertThat(stored.taskStatusLinks()).hasSize(2);
    assertThat(stored.taskStatusLinks().get(0).rolesForBoard())
        .containsExactly(Role.USER, Role.ADMIN, Role.SUPERVISOR, Role.MANAGER, Role.VENDOR);
    assertThat(asAdmin.project().allTaskStatusesForProject(p.id())).extracting(TaskStatus::id)
        .containsExactly(done.id(), wip.id());
  }

  @Test
  void addTaskStatusToProject_byArtistInTeam_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    TaskStatus wip = asAdmin.task().newTaskStatus("Work In Progress", "wip", "#3273dc", Set.of(StatusFlag.WIP));
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(p.id(), artist.id());

    refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).project().addTaskStatusToProject(p.id(), wip.id()));
  }

  @Test
  void addAssetTypeToProject_linksAnAssetTypeOnce() {
    Project p = asAdmin.project().newProject("Big Buck");
    EntityType character = asAdmin.asset().newAssetType("Character");

    asAdmin.project().addAssetTypeToProject(p.id(), character.id());
    String digest = engine.stateDigest();
    Project stored = asAdmin.project().addAssetTypeToProject(p.id(), character.id());

    assertThat(engine.stateDigest()).isEqualTo(digest);
    assertThat(stored.assetTypes()).containsExactly(character.id());
  }

  @Test
  void addAssetTypeToProject_temporalType_isRefused() {
    Project p = asAdmin.project().newProject("Big Buck");
    Entity episode = asAdmin.shot().newEpisode(p.id(), "E01");

    UnknownIdException e = refused(UnknownIdException.class,
        () -> asAdmin.project().addAssetTypeToProject(p.id(), episode.entityTypeId()));

    assertThat(e.kind()).isEqualTo("asset type");
  }

  // ---- reads and visibility ----

  @Test
  void allProjects_forNonMember_isEmpty() {
    Project bigBuck = asAdmin.project().newProject("Big Buck");
    asAdmin.project().newProject("Sintel");
    Person outsider = person("Otto", Role.USER);
    Session asOutsider = engine.as(outsider.id());

    assertThat(asOutsider.project().allProjects()).isEmpty();
    assertThat(asOutsider.project().allOpenProjects()).isEmpty();
    assertThat(asOutsider.project().getProjectByName("Big Buck")).isEmpty();
    refused(PermissionDeniedException.class, () -> asOutsider.project().getProject(bigBuck.id()));
    refused(PermissionDeniedException.class, () -> asOutsider.project().team(bigBuck.id()));
    refused(PermissionDeniedException.class, () -> asOutsider.project().taskTypeLinks(bigBuck.id()));
  }

  @Test
  void allProjects_forMember_listsTheirProjectsOnly() {
    Project bigBuck = asAdmin.project().newProject("Big Buck");
    Project sintel = asAdmin.project().newProject("Sintel");
    asAdmin.project().newProject("Agent 327");
    Person artist = person("Art", Role.USER);
    asAdmin.project().addPersonToTeam(sintel.id(), artist.id());
    asAdmin.project().addPersonToTeam(bigBuck.id(), artist.id());
    asAdmin.project().closeProject(bigBuck.id());
    Session asArtist = engine.as(artist.id());

    assertThat(asArtist.project().allProjects()).extracting(Project::name).containsExactly("Big Buck", "Sintel");
    assertThat(asArtist.project().allOpenProjects()).extracting(Project::name).containsExactly("Sintel");
    assertThat(asArtist.project().getProjectByName("Sintel")).map(Project::id).contains(sintel.id());
  }

  @Test
  void allProjects_forAdmin_listsEveryProjectByName() {
    asAdmin.project().newProject("Sintel");
    asAdmin.project().newProject("Agent 327");
    asAdmin.project().newProject("Big Buck");

    assertThat(asAdmin.project().allProjects()).extracting(Project::name)
        .containsExactly("Agent 327", "Big Buck", "Sintel");
  }

  @Test
  void getProject_unknownId_throws() {
    assertThatThrownBy(() -> asAdmin.project().getProject(NO_SUCH_PROJECT)).isInstanceOf(UnknownIdException.class);
    assertThat(asAdmin.project().getProjectByName("nothing")).isEmpty();
  }
}
