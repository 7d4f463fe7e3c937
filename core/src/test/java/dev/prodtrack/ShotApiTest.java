package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShotApiTest {
  private static final Instant T0 = Instant.parse("2024-03-18T09:00:00Z");
  private static final EntityId NO_SUCH_ENTITY = new EntityId(UUID.fromString("00000000-0000-4000-8000-000000000021"));

  private final List<Event> events = new ArrayList<>();
  private ProdTrack engine;
  private Person admin;
  private Session asAdmin;
  private ShotApi shots;
  private Project project;
  private Project otherProject;

  @BeforeEach
  void openEngine() {
    engine = ProdTrack.builder().clock(InstantSource.fixed(T0)).idSource(IdSource.seeded(42)).open();
    admin = engine.createFirstAdmin("Ada", "Admin", "ada@studio.test");
    asAdmin = engine.as(admin.id());
    shots = asAdmin.shot();
    project = asAdmin.project().newProject("Big Buck");
    otherProject = asAdmin.project().newProject("Sintel");
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

  private Person member(String firstName, Role globalRole, Role projectRole) {
    Person p = person(firstName, globalRole);
    asAdmin.project().addPersonToTeam(project.id(), p.id(), projectRole);
    return p;
  }

  /** Runs a call that must be refused, and checks it left the state unchanged and published nothing. */
  private <T extends Throwable> T refused(Class<T> type, ThrowingCallable call) {
    return Refusal.check(engine, events, type, call);
  }

  private RuleViolationException refusedBy(RuleViolationException.Rule rule, ThrowingCallable call) {
    RuleViolationException e = refused(RuleViolationException.class, call);
    assertThat(e.rule()).isEqualTo(rule);
    return e;
  }

  private Entity shot(Entity sequence, String name) {
    return shots.newShot(project.id(), sequence.id(), name, null, null);
  }

  // ---- creation ----

  @Test
  void newShot_inATvHierarchy_storesParentsAndPublishesEvents() {
    Entity episode = shots.newEpisode(project.id(), "E01");
    Entity sequence = shots.newSequence(project.id(), episode.id(), "SQ01");
    Entity shot = shots.newShot(project.id(), sequence.id(), "SH010", 48, Map.of("frame_in", 1001));

    assertThat(episode.parentId()).isNull();
    assertThat(sequence.parentId()).isEqualTo(episode.id());
    assertThat(shot.parentId()).isEqualTo(sequence.id());
    assertThat(shot.projectId()).isEqualTo(project.id());
    assertThat(shot.nbFrames()).isEqualTo(48);
    assertThat(shot.data()).containsEntry("frame_in", 1001);
    assertThat(shot.createdBy()).isEqualTo(admin.id());
    assertThat(shot.status()).isEqualTo("running");
    assertThat(shot.createdAt()).isEqualTo(T0);
    assertThat(shots.getEpisode(episode.id())).isEqualTo(episode);
    assertThat(shots.getSequence(sequence.id())).isEqualTo(sequence);
    assertThat(shots.getShot(shot.id())).isEqualTo(shot);
    assertThat(events).extracting(Event::name)
        .containsExactly(EventNames.EPISODE_NEW, EventNames.SEQUENCE_NEW, EventNames.SHOT_NEW);
    assertThat(events.get(0).id("episode_id")).isEqualTo(episode.id().value());
    assertThat(events.get(1).id("sequence_id")).isEqualTo(sequence.id().value());
    assertThat(events.get(2).id("shot_id")).isEqualTo(shot.id().value());
    assertThat(events).allSatisfy(e -> assertThat(e.projectId()).isEqualTo(project.id().value()));
  }

  @Test
  void newSequence_withoutEpisode_isATopLevelSequence() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");

    assertThat(sequence.parentId()).isNull();
    assertThat(shots.allSequencesForProject(project.id())).containsExactly(sequence);
  }

  @Test
  void newSceneAndNewEdit_followTheirParents() {
    Entity episode = shots.newEpisode(project.id(), "E01");
    Entity sequence = shots.newSequence(project.id(), episode.id(), "SQ01");

    Entity scene = shots.newScene(project.id(), sequence.id(), "SC01");
    Entity edit = shots.newEdit(project.id(), episode.id(), "Cut 1");
    Entity topEdit = shots.newEdit(project.id(), null, "Trailer");

    assertThat(scene.parentId()).isEqualTo(sequence.id());
    assertThat(edit.parentId()).isEqualTo(episode.id());
    assertThat(topEdit.parentId()).isNull();
    assertThat(shots.getScene(scene.id())).isEqualTo(scene);
    assertThat(shots.getEdit(edit.id())).isEqualTo(edit);
    assertThat(events).extracting(Event::name).endsWith(EventNames.SCENE_NEW, EventNames.EDIT_NEW,
        EventNames.EDIT_NEW);
    assertThat(events.get(2).id("scene_id")).isEqualTo(scene.id().value());
    assertThat(events.get(3).id("edit_id")).isEqualTo(edit.id().value());
  }

  @Test
  void newEntities_shareOneEntityTypePerKind() {
    Entity sq1 = shots.newSequence(project.id(), null, "SQ01");
    Entity sq2 = shots.newSequence(otherProject.id(), null, "SQ01");

    assertThat(sq1.entityTypeId()).isEqualTo(sq2.entityTypeId());
    assertThat(asAdmin.asset().allAssetTypes()).extracting(EntityType::name).isEmpty();
  }

  // ---- parenting ----

  @Test
  void newShot_parentIsAnEpisode_isRefused() {
    Entity episode = shots.newEpisode(project.id(), "E01");

    RuleViolationException e = refusedBy(RuleViolationException.Rule.BAD_PARENT,
        () -> shots.newShot(project.id(), episode.id(), "SH010", null, null));

    assertThat(e.ids()).contains(episode.id());
  }

  @Test
  void newShot_sequenceOfAnotherProject_isRefused() {
    Entity foreign = shots.newSequence(otherProject.id(), null, "SQ01");

    RuleViolationException e = refusedBy(RuleViolationException.Rule.BAD_PARENT,
        () -> shots.newShot(project.id(), foreign.id(), "SH010", null, null));

    assertThat(e.ids()).containsExactly(foreign.id(), otherProject.id());
  }

  @Test
  void newShot_missingSequence_isRefused() {
    refusedBy(RuleViolationException.Rule.BAD_PARENT,
        () -> shots.newShot(project.id(), NO_SUCH_ENTITY, "SH010", null, null));
  }

  @Test
  void newSequence_parentIsASequence_isRefused() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");

    refusedBy(RuleViolationException.Rule.BAD_PARENT, () -> shots.newSequence(project.id(), sequence.id(), "SQ02"));
  }

  @Test
  void newSequence_episodeOfAnotherProject_isRefused() {
    Entity foreign = shots.newEpisode(otherProject.id(), "E01");

    refusedBy(RuleViolationException.Rule.BAD_PARENT, () -> shots.newSequence(project.id(), foreign.id(), "SQ01"));
  }

  @Test
  void newScene_parentIsAShot_isRefusedAndCreatesNoSceneType() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    Entity shot = shot(sequence, "SH010");

    refusedBy(RuleViolationException.Rule.BAD_PARENT, () -> shots.newScene(project.id(), shot.id(), "SC01"));
  }

  @Test
  void newEdit_parentIsASequence_isRefused() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");

    refusedBy(RuleViolationException.Rule.BAD_PARENT, () -> shots.newEdit(project.id(), sequence.id(), "Cut 1"));
  }

  @Test
  void newShot_parentIsAnAsset_isRefused() {
    EntityType character = asAdmin.asset().newAssetType("Character");
    Entity bunny = asAdmin.asset().newAsset(project.id(), character.id(), "Bunny", null, null);

    refusedBy(RuleViolationException.Rule.BAD_PARENT,
        () -> shots.newShot(project.id(), bunny.id(), "SH010", null, null));
  }

  // ---- uniqueness ----

  @Test
  void newShot_duplicateNameInSequence_isRefused() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    Entity first = shot(sequence, "SH010");

    RuleViolationException e =
        refusedBy(RuleViolationException.Rule.DUPLICATE_NAME, () -> shot(sequence, "SH010"));

    assertThat(e.ids()).contains(first.id());
  }

  @Test
  void newShot_sameNameInAnotherSequence_isAccepted() {
    Entity sq1 = shots.newSequence(project.id(), null, "SQ01");
    Entity sq2 = shots.newSequence(project.id(), null, "SQ02");

    Entity a = shot(sq1, "SH010");
    Entity b = shot(sq2, "SH010");

    assertThat(a.id()).isNotEqualTo(b.id());
  }

  @Test
  void newSequence_sameNameInAnotherEpisode_isAcceptedButNotInTheSame() {
    Entity e1 = shots.newEpisode(project.id(), "E01");
    Entity e2 = shots.newEpisode(project.id(), "E02");
    shots.newSequence(project.id(), e1.id(), "SQ01");
    shots.newSequence(project.id(), e2.id(), "SQ01");
    shots.newSequence(project.id(), null, "SQ01");

    refusedBy(RuleViolationException.Rule.DUPLICATE_NAME, () -> shots.newSequence(project.id(), e1.id(), "SQ01"));
    refusedBy(RuleViolationException.Rule.DUPLICATE_NAME, () -> shots.newSequence(project.id(), null, "SQ01"));
  }

  @Test
  void newEpisode_duplicateName_isRefusedButAllowedInAnotherProject() {
    shots.newEpisode(project.id(), "E01");
    shots.newEpisode(otherProject.id(), "E01");

    refusedBy(RuleViolationException.Rule.DUPLICATE_NAME, () -> shots.newEpisode(project.id(), "E01"));
  }

  @Test
  void newScene_sameNameAsAShot_isAccepted() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    shot(sequence, "X010");

    Entity scene = shots.newScene(project.id(), sequence.id(), "X010");

    assertThat(shots.allScenesForSequence(sequence.id())).containsExactly(scene);
  }

  // ---- permissions and caller mistakes ----

  @Test
  void newShot_byArtistInTeam_isRefused() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    Person artist = member("Art", Role.USER, null);

    PermissionDeniedException e = refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).shot().newShot(project.id(), sequence.id(), "SH010", null, null));

    assertThat(e.action()).isEqualTo("new_shot");
  }

  @Test
  void newEpisode_byGlobalManagerOutsideTeam_isRefused() {
    Person manager = person("Max", Role.MANAGER);

    refused(PermissionDeniedException.class, () -> engine.as(manager.id()).shot().newEpisode(project.id(), "E01"));
  }

  @Test
  void newEpisode_bySupervisorWithManagerProjectRole_isAccepted() {
    Person lead = member("Sue", Role.SUPERVISOR, Role.MANAGER);

    Entity episode = engine.as(lead.id()).shot().newEpisode(project.id(), "E01");

    assertThat(episode.createdBy()).isEqualTo(lead.id());
  }

  @Test
  void newEpisode_unknownProject_isRefused() {
    ProjectId ghost = new ProjectId(UUID.fromString("00000000-0000-4000-8000-000000000022"));

    UnknownIdException e = refused(UnknownIdException.class, () -> shots.newEpisode(ghost, "E01"));

    assertThat(e.id()).isEqualTo(ghost);
  }

  @Test
  void newShot_negativeFramesOrBlankName_isRejected() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");

    refused(IllegalArgumentException.class, () -> shots.newShot(project.id(), sequence.id(), "SH010", -1, null));
    refused(IllegalArgumentException.class, () -> shots.newShot(project.id(), sequence.id(), "", null, null));
    refused(NullPointerException.class, () -> shots.newShot(project.id(), null, "SH010", null, null));
  }

  // ---- updateShot ----

  @Test
  void updateShot_changesFramesDescriptionAndDataOnly() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    Entity shot = shots.newShot(project.id(), sequence.id(), "SH010", 24, Map.of("frame_in", 1001));
    events.clear();

    Entity updated = shots.updateShot(shot.withNbFrames(96).withDescription("wide").withData(Map.of("fps", 24))
        .withName("renamed").withParentId(null).withStatus("complete"));

    assertThat(updated.nbFrames()).isEqualTo(96);
    assertThat(updated.description()).isEqualTo("wide");
    assertThat(updated.data()).containsExactly(Map.entry("fps", 24));
    assertThat(updated.name()).isEqualTo("SH010");
    assertThat(updated.parentId()).isEqualTo(sequence.id());
    assertThat(updated.status()).isEqualTo("running");
    assertThat(shots.getShot(shot.id())).isEqualTo(updated);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.SHOT_UPDATE);
      assertThat(e.id("shot_id")).isEqualTo(shot.id().value());
    });
  }

  @Test
  void updateShot_ofASequence_isRefused() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");

    UnknownIdException e = refused(UnknownIdException.class, () -> shots.updateShot(sequence.withNbFrames(3)));

    assertThat(e.kind()).isEqualTo("shot");
  }

  @Test
  void updateShot_byArtistInTeam_isRefused() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    Entity shot = shot(sequence, "SH010");
    Person artist = member("Art", Role.USER, null);

    refused(PermissionDeniedException.class, () -> engine.as(artist.id()).shot().updateShot(shot.withNbFrames(10)));
  }

  // ---- reads ----

  @Test
  void getShot_ofASequence_throwsUnknownShot() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");

    UnknownIdException e = refused(UnknownIdException.class, () -> shots.getShot(sequence.id()));

    assertThat(e.kind()).isEqualTo("shot");
    assertThat(e.id()).isEqualTo(sequence.id());
    refused(UnknownIdException.class, () -> shots.getEpisode(sequence.id()));
    refused(UnknownIdException.class, () -> shots.getSequence(NO_SUCH_ENTITY));
  }

  @Test
  void listings_areSortedByNameAndScopedToTheirParent() {
    Entity e2 = shots.newEpisode(project.id(), "E02");
    Entity e1 = shots.newEpisode(project.id(), "E01");
    Entity sq2 = shots.newSequence(project.id(), e1.id(), "SQ02");
    Entity sq1 = shots.newSequence(project.id(), e1.id(), "SQ01");
    Entity sq3 = shots.newSequence(project.id(), e2.id(), "SQ03");
    Entity sh30 = shot(sq1, "SH030");
    Entity sh10 = shot(sq1, "SH010");
    Entity sh20 = shot(sq2, "SH020");
    Entity scene = shots.newScene(project.id(), sq1.id(), "SC01");
    Entity edit = shots.newEdit(project.id(), e1.id(), "Cut");
    shots.newSequence(otherProject.id(), null, "SQ00");

    assertThat(shots.allEpisodesForProject(project.id())).containsExactly(e1, e2);
    assertThat(shots.allSequencesForProject(project.id())).containsExactly(sq1, sq2, sq3);
    assertThat(shots.allSequencesForEpisode(e1.id())).containsExactly(sq1, sq2);
    assertThat(shots.allShotsForSequence(sq1.id())).containsExactly(sh10, sh30);
    assertThat(shots.allShotsForProject(project.id())).containsExactly(sh10, sh20, sh30);
    assertThat(shots.allScenesForSequence(sq1.id())).containsExactly(scene);
    assertThat(shots.allEditsForProject(project.id())).containsExactly(edit);
    assertThat(shots.allShotsForProject(otherProject.id())).isEmpty();
  }

  @Test
  void getShotByName_looksInOneSequence() {
    Entity sq1 = shots.newSequence(project.id(), null, "SQ01");
    Entity sq2 = shots.newSequence(project.id(), null, "SQ02");
    Entity sh = shot(sq1, "SH010");
    shots.newScene(project.id(), sq2.id(), "SH010");

    assertThat(shots.getShotByName(sq1.id(), "SH010")).contains(sh);
    assertThat(shots.getShotByName(sq2.id(), "SH010")).isEmpty();
    refused(UnknownIdException.class, () -> shots.getShotByName(sh.id(), "SH010"));
  }

  @Test
  void listings_beforeAnyEntity_areEmpty() {
    assertThat(shots.allShotsForProject(project.id())).isEmpty();
    assertThat(shots.allEpisodesForProject(project.id())).isEmpty();
    assertThat(shots.allEditsForProject(project.id())).isEmpty();
  }

  @Test
  void reads_byNonMember_areRefusedAndByMember_allowed() {
    Entity sequence = shots.newSequence(project.id(), null, "SQ01");
    Entity shot = shot(sequence, "SH010");
    Person outsider = person("Otto", Role.USER);
    Person artist = member("Art", Role.USER, null);
    ShotApi outside = engine.as(outsider.id()).shot();

    refused(PermissionDeniedException.class, () -> outside.getShot(shot.id()));
    refused(PermissionDeniedException.class, () -> outside.allShotsForProject(project.id()));
    refused(PermissionDeniedException.class, () -> outside.allShotsForSequence(sequence.id()));
    refused(PermissionDeniedException.class, () -> outside.getShotByName(sequence.id(), "SH010"));
    assertThat(engine.as(artist.id()).shot().allShotsForSequence(sequence.id())).containsExactly(shot);
  }
}
