package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.event.Event;
import dev.prodtrack.event.EventNames;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TaskTypeId;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetApiTest {
  private static final Instant T0 = Instant.parse("2024-03-18T09:00:00Z");

  private final List<Event> events = new ArrayList<>();
  private ProdTrack engine;
  private Person admin;
  private Session asAdmin;
  private Project project;
  private EntityType character;
  private EntityType prop;

  @BeforeEach
  void openEngine() {
    engine = ProdTrack.builder().clock(InstantSource.fixed(T0)).idSource(IdSource.seeded(42)).open();
    admin = engine.createFirstAdmin("Ada", "Admin", "ada@studio.test");
    asAdmin = engine.as(admin.id());
    project = asAdmin.project().newProject("Big Buck");
    character = asAdmin.asset().newAssetType("Character");
    prop = asAdmin.asset().newAssetType("Prop");
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

  private Entity asset(EntityType type, String name) {
    return asAdmin.asset().newAsset(project.id(), type.id(), name, null, null);
  }

  // ---- asset types ----

  @Test
  void newAssetType_isListedAndFoundByName() {
    EntityType environment = asAdmin.asset().newAssetType("Environment");

    assertThat(environment.taskTypes()).isEmpty();
    assertThat(environment.kind()).isEqualTo(dev.prodtrack.model.EntityKind.ASSET);
    assertThat(asAdmin.asset().getAssetType(environment.id())).isEqualTo(environment);
    assertThat(asAdmin.asset().getAssetTypeByName("Environment")).contains(environment);
    assertThat(asAdmin.asset().allAssetTypes()).extracting(EntityType::name)
        .containsExactly("Character", "Environment", "Prop");
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.ASSET_TYPE_NEW);
      assertThat(e.projectId()).isNull();
      assertThat(e.id("asset_type_id")).isEqualTo(environment.id().value());
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Shot", "Sequence", "Episode", "Scene", "Edit", "Concept"})
  void newAssetType_reservedName_isRejected(String name) {
    refused(IllegalArgumentException.class, () -> asAdmin.asset().newAssetType(name));
  }

  @Test
  void newAssetType_duplicateName_isRefused() {
    RuleViolationException e = refused(RuleViolationException.class, () -> asAdmin.asset().newAssetType("Prop"));

    assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.DUPLICATE_NAME);
    assertThat(e.ids()).containsExactly(prop.id());
  }

  @Test
  void newAssetType_byGlobalManager_isRefused() {
    Person manager = person("Max", Role.MANAGER);

    refused(PermissionDeniedException.class, () -> engine.as(manager.id()).asset().newAssetType("Vehicle"));
  }

  @Test
  void allAssetTypes_leavesOutTemporalTypes() {
    asAdmin.shot().newEpisode(project.id(), "E01");
    asAdmin.asset().newConcept(project.id(), "Mood board", null);

    assertThat(asAdmin.asset().allAssetTypes()).extracting(EntityType::name).containsExactly("Character", "Prop");
    assertThat(asAdmin.asset().getAssetTypeByName("Episode")).isEmpty();
    assertThat(asAdmin.asset().getAssetTypeByName("Concept")).isEmpty();
  }

  @Test
  void setAssetTypeWorkflow_storesTheTaskTypes() {
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    TaskType rigging = asAdmin.task().newTaskType("Rigging");
    events.clear();

    EntityType updated = asAdmin.asset().setAssetTypeWorkflow(character.id(), List.of(rigging.id(), modeling.id()));

    assertThat(updated.taskTypes()).containsExactly(rigging.id(), modeling.id());
    assertThat(asAdmin.asset().getAssetType(character.id())).isEqualTo(updated);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.ASSET_TYPE_UPDATE);
      assertThat(e.id("asset_type_id")).isEqualTo(character.id().value());
    });
  }

  @Test
  void setAssetTypeWorkflow_unknownTaskType_isRefused() {
    TaskType modeling = asAdmin.task().newTaskType("Modeling");
    TaskTypeId ghost = new TaskTypeId(UUID.fromString("00000000-0000-4000-8000-000000000011"));

    UnknownIdException e = refused(UnknownIdException.class,
        () -> asAdmin.asset().setAssetTypeWorkflow(character.id(), List.of(modeling.id(), ghost)));

    assertThat(e.id()).isEqualTo(ghost);
  }

  @Test
  void setAssetTypeWorkflow_repeatedTaskType_isRejected() {
    TaskType modeling = asAdmin.task().newTaskType("Modeling");

    refused(IllegalArgumentException.class,
        () -> asAdmin.asset().setAssetTypeWorkflow(character.id(), List.of(modeling.id(), modeling.id())));
  }

  @Test
  void setAssetTypeWorkflow_onTemporalType_isRefused() {
    Entity episode = asAdmin.shot().newEpisode(project.id(), "E01");

    UnknownIdException e = refused(UnknownIdException.class,
        () -> asAdmin.asset().setAssetTypeWorkflow(episode.entityTypeId(), List.of()));

    assertThat(e.kind()).isEqualTo("asset type");
  }

  @Test
  void setAssetTypeWorkflow_byGlobalManager_isRefused() {
    Person manager = person("Max", Role.MANAGER);

    refused(PermissionDeniedException.class,
        () -> engine.as(manager.id()).asset().setAssetTypeWorkflow(character.id(), List.of()));
  }

  // ---- assets ----

  @Test
  void newAsset_storesKitsuDefaultsAndPublishesAssetNew() {
    Entity bunny = asAdmin.asset().newAsset(project.id(), character.id(), "Bunny", "the hero",
        Map.of("size", "XL"));

    assertThat(bunny.projectId()).isEqualTo(project.id());
    assertThat(bunny.entityTypeId()).isEqualTo(character.id());
    assertThat(bunny.name()).isEqualTo("Bunny");
    assertThat(bunny.description()).isEqualTo("the hero");
    assertThat(bunny.data()).containsExactly(Map.entry("size", "XL"));
    assertThat(bunny.parentId()).isNull();
    assertThat(bunny.status()).isEqualTo("running");
    assertThat(bunny.canceled()).isFalse();
    assertThat(bunny.createdBy()).isEqualTo(admin.id());
    assertThat(bunny.createdAt()).isEqualTo(T0);
    assertThat(asAdmin.asset().getAsset(bunny.id())).isEqualTo(bunny);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.ASSET_NEW);
      assertThat(e.projectId()).isEqualTo(project.id().value());
      assertThat(e.id("asset_id")).isEqualTo(bunny.id().value());
    });
  }

  @Test
  void newAsset_duplicateNameAndType_isRefused() {
    Entity bunny = asset(character, "Bunny");

    RuleViolationException e = refused(RuleViolationException.class, () -> asset(character, "Bunny"));

    assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.DUPLICATE_NAME);
    assertThat(e.ids()).contains(bunny.id());
  }

  @Test
  void newAsset_sameNameOtherTypeOrProject_isAccepted() {
    asset(character, "Bunny");
    Project other = asAdmin.project().newProject("Sintel");

    Entity bunnyProp = asset(prop, "Bunny");
    Entity otherBunny = asAdmin.asset().newAsset(other.id(), character.id(), "Bunny", null, null);

    assertThat(bunnyProp.entityTypeId()).isEqualTo(prop.id());
    assertThat(otherBunny.projectId()).isEqualTo(other.id());
  }

  @Test
  void newAsset_temporalEntityType_isRefused() {
    Entity concept = asAdmin.asset().newConcept(project.id(), "Mood board", null);

    UnknownIdException e = refused(UnknownIdException.class,
        () -> asAdmin.asset().newAsset(project.id(), concept.entityTypeId(), "Bunny", null, null));

    assertThat(e.kind()).isEqualTo("asset type");
    assertThat(e.id()).isEqualTo(concept.entityTypeId());
  }

  @Test
  void newAsset_unknownAssetType_isRefused() {
    EntityTypeId ghost = new EntityTypeId(UUID.fromString("00000000-0000-4000-8000-000000000012"));

    refused(UnknownIdException.class, () -> asAdmin.asset().newAsset(project.id(), ghost, "Bunny", null, null));
  }

  @Test
  void newAsset_unknownProject_isRefused() {
    ProjectId ghost = new ProjectId(UUID.fromString("00000000-0000-4000-8000-000000000013"));

    UnknownIdException e = refused(UnknownIdException.class,
        () -> asAdmin.asset().newAsset(ghost, character.id(), "Bunny", null, null));

    assertThat(e.kind()).isEqualTo("project");
  }

  @Test
  void newAsset_byArtistInTeam_isRefused() {
    Person artist = member("Art", Role.USER, null);

    PermissionDeniedException e = refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).asset().newAsset(project.id(), character.id(), "Bunny", null, null));

    assertThat(e.action()).isEqualTo("new_asset");
    assertThat(e.target()).isEqualTo(project.id());
  }

  @Test
  void newAsset_byGlobalManagerOutsideTeam_isRefused() {
    Person manager = person("Max", Role.MANAGER);

    refused(PermissionDeniedException.class,
        () -> engine.as(manager.id()).asset().newAsset(project.id(), character.id(), "Bunny", null, null));
  }

  @Test
  void newAsset_byArtistWithManagerProjectRole_isAccepted() {
    Person lead = member("Lea", Role.USER, Role.MANAGER);

    Entity bunny = engine.as(lead.id()).asset().newAsset(project.id(), character.id(), "Bunny", null, null);

    assertThat(bunny.createdBy()).isEqualTo(lead.id());
  }

  @Test
  void newAsset_blankName_isRejected() {
    refused(IllegalArgumentException.class, () -> asset(character, " "));
  }

  @Test
  void allAssetsForProject_listsAssetsOnlyByName() {
    Entity chair = asset(prop, "Chair");
    Entity bunny = asset(character, "Bunny");
    Entity apple = asset(prop, "Apple");
    asAdmin.asset().newConcept(project.id(), "Bunny sketch", null);
    asAdmin.shot().newEpisode(project.id(), "Another");
    Project other = asAdmin.project().newProject("Sintel");
    asAdmin.asset().newAsset(other.id(), prop.id(), "Anvil", null, null);

    assertThat(asAdmin.asset().allAssetsForProject(project.id())).containsExactly(apple, bunny, chair);
    assertThat(asAdmin.asset().allAssetsForProjectAndType(project.id(), prop.id())).containsExactly(apple, chair);
    assertThat(asAdmin.asset().allAssetTypesForProject(project.id())).containsExactly(character, prop);
  }

  @Test
  void getAsset_ofAConcept_throwsUnknownId() {
    Entity concept = asAdmin.asset().newConcept(project.id(), "Mood board", null);

    UnknownIdException e = refused(UnknownIdException.class, () -> asAdmin.asset().getAsset(concept.id()));

    assertThat(e.kind()).isEqualTo("asset");
    assertThat(e.id()).isEqualTo(concept.id());
  }

  @Test
  void getAsset_unknownId_throws() {
    EntityId ghost = new EntityId(UUID.fromString("00000000-0000-4000-8000-000000000014"));

    refused(UnknownIdException.class, () -> asAdmin.asset().getAsset(ghost));
  }

  @Test
  void getAssetByName_findsAnAssetOfTheProject() {
    Entity bunny = asset(character, "Bunny");
    asAdmin.asset().newConcept(project.id(), "Chair", null);

    assertThat(asAdmin.asset().getAssetByName(project.id(), "Bunny")).contains(bunny);
    assertThat(asAdmin.asset().getAssetByName(project.id(), "Chair")).isEmpty();
    assertThat(asAdmin.asset().getAssetByName(project.id(), "bunny")).isEmpty();
  }

  @Test
  void assetReads_byNonMember_areRefused() {
    Entity bunny = asset(character, "Bunny");
    Person outsider = person("Otto", Role.USER);
    AssetApi api = engine.as(outsider.id()).asset();

    refused(PermissionDeniedException.class, () -> api.allAssetsForProject(project.id()));
    refused(PermissionDeniedException.class, () -> api.getAsset(bunny.id()));
    refused(PermissionDeniedException.class, () -> api.getAssetByName(project.id(), "Bunny"));
    assertThat(api.allAssetTypes()).hasSize(2);
  }

  @Test
  void assetReads_byMember_areAllowed() {
    Entity bunny = asset(character, "Bunny");
    Person artist = member("Art", Role.USER, null);

    assertThat(engine.as(artist.id()).asset().allAssetsForProject(project.id())).containsExactly(bunny);
  }

  // ---- concepts ----

  @Test
  void newConcept_isListedAndPublishesConceptNew() {
    Entity concept = asAdmin.asset().newConcept(project.id(), "Mood board", "colours");

    assertThat(concept.description()).isEqualTo("colours");
    assertThat(concept.createdBy()).isEqualTo(admin.id());
    assertThat(asAdmin.asset().allConceptsForProject(project.id())).containsExactly(concept);
    assertThat(asAdmin.asset().getConcept(concept.id())).isEqualTo(concept);
    assertThat(asAdmin.asset().allAssetsForProject(project.id())).isEmpty();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo(EventNames.CONCEPT_NEW);
      assertThat(e.id("concept_id")).isEqualTo(concept.id().value());
    });
  }

  @Test
  void newConcept_duplicateName_isRefused() {
    asAdmin.asset().newConcept(project.id(), "Mood board", null);

    RuleViolationException e = refused(RuleViolationException.class,
        () -> asAdmin.asset().newConcept(project.id(), "Mood board", null));

    assertThat(e.rule()).isEqualTo(RuleViolationException.Rule.DUPLICATE_NAME);
  }

  @Test
  void newConcept_byArtistInTeam_isRefused() {
    Person artist = member("Art", Role.USER, null);

    refused(PermissionDeniedException.class,
        () -> engine.as(artist.id()).asset().newConcept(project.id(), "Mood board", null));
  }
}
