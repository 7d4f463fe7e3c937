package dev.prodtrack;

import dev.prodtrack.event.Event;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityKind;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.EntityTypeId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.model.TeamMember;
import dev.prodtrack.storage.memory.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A small production built record by record for rule tests: one project, an admin, a manager, two
 * artists, a supervisor, a client, a vendor, Kitsu's standard statuses, a shot and an asset each with
 * tasks. Built without the public entity APIs (written directly through a transaction) so that rule
 * tests depend only on the task API.
 */
final class Fixture {
  static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

  final TestClock clock = new TestClock(START);
  final MemoryStore store = MemoryStore.create();
  final List<Event> events = new ArrayList<>();
  final ProdTrack engine;
  final Person admin;
  final Person manager;
  final Person artist;
  final Person artist2;
  final Person supervisor;
  final Person client;
  final Person vendor;
  final Person outsider;
  final TaskStatus todo;
  final TaskStatus wip;
  final TaskStatus wfa;
  final TaskStatus retake;
  final TaskStatus done;
  final TaskStatus closedToArtists;
  final TaskStatus neutral;
  final TaskType modeling;
  final TaskType animation;
  final TaskType compositing;
  final ProjectId project;
  final EntityId sequence;
  final EntityId shot;
  final EntityId asset;
  final Task animTask;
  final Task compTask;
  final Task modelTask;

  Fixture() {
    engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(7)).open();
    admin = engine.createFirstAdmin("Ada", "Admin", "ada@studio.test");
    PersonApi people = engine.as(admin.id()).person();
    manager = people.newPerson("Max", "Manager", "max@studio.test", Role.MANAGER);
    artist = people.newPerson("Ari", "Artist", "ari@studio.test", Role.USER);
    artist2 = people.newPerson("Bo", "Painter", "bo@studio.test", Role.USER);
    supervisor = people.newPerson("Sue", "Super", "sue@studio.test", Role.SUPERVISOR);
    client = people.newPerson("Cid", "Client", "cid@studio.test", Role.CLIENT);
    vendor = people.newPerson("Vic", "Vendor", "vic@studio.test", Role.VENDOR);
    outsider = people.newPerson("Oz", "Outsider", "oz@studio.test", Role.USER);
    TaskApi tasks = engine.as(admin.id()).task();
    todo = tasks.newTaskStatus("Todo", "todo", "#f5f5f5", EnumSet.of(StatusFlag.DEFAULT));
    wip = tasks.newTaskStatus("Work In Progress", "wip", "#3273dc", EnumSet.of(StatusFlag.WIP));
    wfa = tasks.newTaskStatus("Waiting For Approval", "wfa", "#ab26ff", EnumSet.of(StatusFlag.FEEDBACK_REQUEST));
    retake = tasks.newTaskStatus("Retake", "retake", "#ff3860", EnumSet.of(StatusFlag.RETAKE));
    done = tasks.newTaskStatus("Done", "done", "#22d160", EnumSet.of(StatusFlag.DONE, StatusFlag.CLOSED_TO_ARTISTS));
    closedToArtists = tasks.newTaskStatus("Approved By Lead", "lead", "#000000",
        EnumSet.of(StatusFlag.CLOSED_TO_ARTISTS, StatusFlag.CLOSED_TO_CLIENTS));
    neutral = tasks.newTaskStatus("Neutral", "neutral", "#CCCCCC", EnumSet.of(StatusFlag.FOR_CONCEPT));
    modeling = tasks.newTaskType("Modeling");
    animation = tasks.newTaskType("Animation", "Shot", null);
    compositing = tasks.newTaskType("Compositing", "Shot", null);

    // The production itself, written directly: the entity APIs have their own tests.
    Object[] ids = engine.write(admin.id(), tx -> {
      Project p = new Project(new ProjectId(tx.newId()), "Big Buck", null, null, true, "25", "16:9", "1920x1080",
          "short", "2d3d", null, null, null, 0, 0, false, false,
          List.of(new TeamMember(manager.id(), null), new TeamMember(artist.id(), null),
              new TeamMember(artist2.id(), null), new TeamMember(supervisor.id(), null),
              new TeamMember(client.id(), null), new TeamMember(vendor.id(), null)),
          List.of(), List.of(), List.of(), Map.of(), tx.now, tx.now);
      tx.put(p.id(), p);
      EntityType seqType = Kinds.typeOf(tx, EntityKind.SEQUENCE);
      EntityType shotType = Kinds.typeOf(tx, EntityKind.SHOT);
      EntityType props = new EntityType(new EntityTypeId(tx.newId()), "Props", null, null, false, List.of());
      tx.put(props.id(), props);
      Entity seq = entity(tx, p.id(), seqType.id(), "SQ01", null);
      Entity sh = entity(tx, p.id(), shotType.id(), "SH010", seq.id()).withNbFrames(48);
      tx.put(sh.id(), sh);
      Entity as = entity(tx, p.id(), props.id(), "Sword", null);
      return new Object[] {p.id(), seq.id(), sh.id(), as.id()};
    });
    project = (ProjectId) ids[0];
    sequence = (EntityId) ids[1];
    shot = (EntityId) ids[2];
    asset = (EntityId) ids[3];
    TaskApi managerTasks = engine.as(manager.id()).task();
    animTask = managerTasks.newTask(shot, animation.id(), "main", null, List.of(artist.id()));
    compTask = managerTasks.newTask(shot, compositing.id());
    modelTask = managerTasks.newTask(asset, modeling.id(), "main", null, List.of(artist2.id()));
    engine.subscribe(events::add);
  }

  private static Entity entity(Tx tx, ProjectId project, EntityTypeId type, String name, EntityId parent) {
    Entity e = new Entity(new EntityId(tx.newId()), project, type, name, null, null, false, null, 0, false, false,
        "running", parent, null, null, null, Map.of(), tx.now, tx.now);
    tx.put(e.id(), e);
    return e;
  }

  TaskApi tasks(Person p) {
    return engine.as(p.id()).task();
  }

  Task task(Task t) {
    return engine.as(admin.id()).task().getTask(t.id());
  }

  void tick() {
    clock.advance(Duration.ofMinutes(1));
  }

  List<String> eventNames() {
    return events.stream().map(Event::name).toList();
  }

  /** Adds a person to the project's team with a project role. */
  void join(Person p, Role role) {
    engine.write(admin.id(), tx -> {
      Project pr = tx.project(project);
      List<TeamMember> team = new ArrayList<>(pr.team());
      team.removeIf(m -> m.personId().equals(p.id()));
      team.add(new TeamMember(p.id(), role));
      tx.put(pr.id(), pr.withTeam(team));
      return null;
    });
  }

  void setProject(java.util.function.UnaryOperator<Project> change) {
    engine.write(admin.id(), tx -> {
      Project pr = tx.project(project);
      tx.put(pr.id(), change.apply(pr));
      return null;
    });
  }

  PersonId id(Person p) {
    return p.id();
  }
}
