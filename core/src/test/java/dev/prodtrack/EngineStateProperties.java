package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.prodtrack.event.Event;
import dev.prodtrack.model.Comment;
import dev.prodtrack.model.CommentId;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskTypeId;
import dev.prodtrack.model.TeamMember;
import dev.prodtrack.model.TimeSpent;
import dev.prodtrack.storage.memory.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A stateful, model-based test of the engine's task rules over the {@link Fixture} production.
 *
 * <p>Each example is a list of random actions — comments (random status, author, back-dated or
 * future-dated, with or without a mention), set / add / remove time spent, assign, unassign, update
 * (priority and due date), remove task (with or without force) and new task on the shot — each
 * played by a random person. Every action is replayed against the engine and against a small reference
 * model written from kitsu-semantics §2 for this fixture (no departments, no team roles, no retake
 * cap). After every action:
 * <ul>
 *   <li>the engine's invariants hold;</li>
 *   <li>the action's outcome (success, or the type of refusal) is the one the model predicts, and any
 *       exception other than a {@link ProdTrackException} or an {@link IllegalArgumentException} fails;</li>
 *   <li>a refusal left the state digest unchanged and published no event; a success published events
 *       iff it changed the state, all with one store sequence, greater than the previous action's;</li>
 *   <li>per task: the comment ids in listing order, the time spent per (person, day), the duration
 *       (their sum), the assignees, the status (the newest comment's), the last comment date, the
 *       priority and due date; removed tasks are gone; the team and everyone's todo list agree with the
 *       model.</li>
 * </ul>
 * At the end of each example the store is reopened and must give the same digest.
 *
 * <p>Actions are generated as tuples of small ints and decoded into {@link Action} records, so that
 * QuickTheories shrinks them; a failure prints the seed and the shrunk, decoded action list. Rerun with
 * {@code -Dprodtrack.seed=<seed>}.
 */
class EngineStateProperties {
  private static final long SEED = Long.getLong("prodtrack.seed", 20261205L);
  private static final int EXAMPLES = 200;
  private static final int MAX_ACTIONS = 40;
  private static final int TASK_SLOTS = 6;
  private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

  /**
   * The fixture's people, by name in the action lists. {@code ASSIGNEE} (time-spent and unassign
   * actions) is the task's first assignee when the action runs, or the outsider when it has none.
   */
  enum Who { ADMIN, MANAGER, ARTIST, ARTIST2, SUPERVISOR, CLIENT, VENDOR, OUTSIDER, ASSIGNEE }

  /** The fixture's statuses. */
  enum St { TODO, WIP, WFA, RETAKE, DONE, LEAD, NEUTRAL }

  /** What a comment's text mentions (full name followed by a space, as Kitsu parses it). */
  enum Mention {
    NONE(""), BO("@Bo Painter please look"), OZ("@Oz Outsider please look"), VIC("@Vic Vendor please look");

    final String text;

    Mention(String text) {
      this.text = text;
    }
  }

  private static final Who[] WHO = {Who.ADMIN, Who.MANAGER, Who.ARTIST, Who.ARTIST2, Who.SUPERVISOR, Who.CLIENT,
      Who.VENDOR, Who.OUTSIDER};
  private static final St[] ST = St.values();
  private static final String[] NAMES = {"main", "alt", "extra"};

  /** The generated tuple: an action kind and three parameters, decoded by {@link #decode}. */
  record Raw(int kind, int a, int b, int c) {}

  /** One decoded action. Task slots index the tasks in creation order (modulo their number). */
  sealed interface Action permits PostComment, LogTime, RemoveTime, RemoveLoggedTime, Assign, Unassign, Update, RemoveTask, NewTask {}

  record PostComment(Who author, int task, St status, int offsetMinutes, Mention mention) implements Action {}

  record LogTime(boolean add, Who actor, int task, Who person, int day, int minutes) implements Action {}

  record RemoveTime(Who actor, int task, Who person, int day) implements Action {}

  /**
   * Removes the {@code row}-th existing time spent (modulo their number; tasks in slot order, people,
   * days), by {@code actor} ({@code ASSIGNEE}: the row's person). With no row at all: the artist's on
   * the first task, day 0.
   */
  record RemoveLoggedTime(Who actor, int row) implements Action {}

  record Assign(Who actor, int task, Who person) implements Action {}

  record Unassign(Who actor, int task, Who person) implements Action {}

  record Update(Who actor, int task, int priority, Integer dueInDays) implements Action {}

  record RemoveTask(Who actor, int task, boolean force) implements Action {}

  record NewTask(Who actor, boolean compositing, String name) implements Action {}

  static Action decode(Raw r) {
    int a = r.a();
    int b = r.b();
    int c = r.c();
    return switch (r.kind()) {
      case 0, 1, 2, 3, 4 -> new PostComment(WHO[a % 8], b % TASK_SLOTS, ST[(a / 8) % ST.length],
          ((b / TASK_SLOTS) % 16 - 12) * 10, c % 8 < 5 ? Mention.NONE : Mention.values()[c % 8 - 4]);
      case 5, 6, 7, 8 -> {
        Who person = (a / 4) % 2 == 0 ? Who.ASSIGNEE : WHO[(a / 8) % 8];
        Who actor = switch (a % 4) {
          case 0 -> person;
          case 1 -> Who.ADMIN;
          case 2 -> Who.MANAGER;
          default -> WHO[(a / 64) % 8];
        };
        yield new LogTime(r.kind() >= 7, actor, b % TASK_SLOTS, person, (b / TASK_SLOTS) % 3, (c % 7 - 1) * 45);
      }
      case 9 -> {
        if (c % 4 != 0) {
          yield new RemoveLoggedTime(a % 4 == 0 ? Who.ASSIGNEE : a % 4 == 1 ? Who.MANAGER : WHO[(a / 4) % 8], b);
        }
        Who person = (a / 4) % 2 == 0 ? Who.ASSIGNEE : WHO[(a / 8) % 8];
        Who actor = a % 4 == 0 ? person : a % 4 == 1 ? Who.MANAGER : WHO[(a / 64) % 8];
        yield new RemoveTime(actor, b % TASK_SLOTS, person, (b / TASK_SLOTS) % 3);
      }
      case 10, 11 -> new Assign(a % 3 == 0 ? Who.MANAGER : WHO[(a / 3) % 8], b % TASK_SLOTS, WHO[c % 8]);
      case 12 -> new Unassign(WHO[a % 8], b % TASK_SLOTS, c % 3 == 0 ? WHO[(c / 3) % 8] : Who.ASSIGNEE);
      case 13 -> new Update(a % 3 == 0 ? Who.SUPERVISOR : WHO[(a / 3) % 8], b % TASK_SLOTS, c % 4,
          (c / 4) % 4 == 0 ? null : (c / 4) % 4);
      case 14 -> new RemoveTask(a % 2 == 0 ? Who.MANAGER : WHO[(a / 2) % 8], b % TASK_SLOTS, c % 2 == 1);
      default -> new NewTask(a % 2 == 0 ? Who.MANAGER : WHO[(a / 2) % 8], b % 2 == 1, NAMES[c % 3]);
    };
  }

  static List<Action> decodeAll(List<Raw> raws) {
    return raws.stream().map(EngineStateProperties::decode).toList();
  }

  private static Gen<List<Raw>> actions() {
    Gen<Integer> p = integers().between(0, 4095);
    Gen<Raw> raw = integers().between(0, 15).zip(p, p, p, Raw::new);
    return lists().of(raw).ofSizeBetween(1, MAX_ACTIONS);
  }

  @Test
  void randomActionSequences_keepTheEngineConsistentWithTheModel() {
    Map<String, Integer> tally = new java.util.TreeMap<>();
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(actions())
        .describedAs(raws -> "seed " + SEED + ", actions " + decodeAll(raws))
        .checkAssert(raws -> new Run(decodeAll(raws), tally).play());
    // Not vacuous: every kind of action both succeeded and was refused in some example.
    for (Class<?> kind : Action.class.getPermittedSubclasses()) {
      assertThat(tally).as("outcomes by action kind, seed %d", SEED)
          .containsKey(kind.getSimpleName() + " -> success")
          .containsKey(kind.getSimpleName() + " -> refused");
    }
  }

  // ------------------------------------------------------------------------------------------ model

  /** The model of one comment. */
  record CommentModel(CommentId id, Instant date, long order, TaskStatus status, Set<PersonId> mentions) {}

  /** The model of one task. */
  static final class TaskModel {
    final TaskTypeId type;
    final String name;
    final List<CommentModel> comments = new ArrayList<>();
    final List<PersonId> assignees = new ArrayList<>();
    final Map<PersonId, Map<LocalDate, Duration>> time = new HashMap<>();
    int priority;
    LocalDate due;
    /** An assignation notification refers to the task (Kitsu's FK): deleting it then needs force. */
    boolean notified;

    TaskModel(TaskTypeId type, String name, List<PersonId> assignees) {
      this.type = type;
      this.name = name;
      this.assignees.addAll(assignees);
    }

    /** Comments by (created_at, posting order): the order every Kitsu rule uses. */
    List<CommentModel> chronology() {
      List<CommentModel> sorted = new ArrayList<>(comments);
      sorted.sort(Comparator.comparing(CommentModel::date).thenComparingLong(CommentModel::order));
      return sorted;
    }

    Duration duration() {
      return time.values().stream().flatMap(m -> m.values().stream()).reduce(Duration.ZERO, Duration::plus);
    }

    Duration time(PersonId person, LocalDate day) {
      return time.getOrDefault(person, Map.of()).get(day);
    }
  }

  /** An expected outcome: success (type null) or a refusal of a type, with its rule for rule violations. */
  record Outcome(Class<? extends RuntimeException> type, RuleViolationException.Rule rule) {
    static final Outcome OK = new Outcome(null, null);

    static Outcome refused(Class<? extends RuntimeException> type) {
      return new Outcome(type, null);
    }

    static Outcome violates(RuleViolationException.Rule rule) {
      return new Outcome(RuleViolationException.class, rule);
    }

    boolean matches(RuntimeException e) {
      if (type == null) {
        return e == null;
      }
      return type.isInstance(e) && (rule == null || ((RuleViolationException) e).rule() == rule);
    }

    @Override
    public String toString() {
      return type == null ? "success" : type.getSimpleName() + (rule == null ? "" : "(" + rule + ")");
    }
  }

  /** One example: the fixture, the model beside it, and the loop that compares them. */
  static final class Run {
    final List<Action> actions;
    final Map<String, Integer> tally;
    final Fixture f = new Fixture();
    final Map<Who, Person> people = new HashMap<>();
    final Map<St, TaskStatus> statuses = new HashMap<>();
    final List<TaskId> slots = new ArrayList<>();
    final Map<TaskId, TaskModel> live = new HashMap<>();
    final Set<PersonId> team = new HashSet<>();
    long commentOrder;
    long lastSequence;
    int step;

    Run(List<Action> actions, Map<String, Integer> tally) {
      this.actions = actions;
      this.tally = tally;
      Person[] ps = {f.admin, f.manager, f.artist, f.artist2, f.supervisor, f.client, f.vendor, f.outsider};
      for (Who w : WHO) {
        people.put(w, ps[w.ordinal()]);
      }
      TaskStatus[] ss = {f.todo, f.wip, f.wfa, f.retake, f.done, f.closedToArtists, f.neutral};
      for (St s : ST) {
        statuses.put(s, ss[s.ordinal()]);
      }
      addTask(f.animTask);
      addTask(f.compTask);
      addTask(f.modelTask);
      for (Person p : List.of(f.manager, f.artist, f.artist2, f.supervisor, f.client, f.vendor)) {
        team.add(p.id());
      }
    }

    private void addTask(Task t) {
      slots.add(t.id());
      live.put(t.id(), new TaskModel(t.taskTypeId(), t.name(), t.assignees()));
    }

    private String where() {
      Action generated = actions.get(step);
      Action resolved = resolve(generated);
      return "seed " + SEED + ", step " + step + " (" + generated + (resolved.equals(generated) ? "" : " = " + resolved)
          + ") of " + actions;
    }

    void play() {
      for (step = 0; step < actions.size(); step++) {
        f.tick();
        Action generated = actions.get(step);
        Action action = resolve(generated);
        Outcome expected = expect(action);
        String before = f.engine.stateDigest();
        int eventsBefore = f.events.size();
        Object result = null;
        RuntimeException thrown = null;
        try {
          result = run(action);
        } catch (ProdTrackException | IllegalArgumentException e) {
          thrown = e;
        } catch (RuntimeException e) {
          throw new AssertionError("unexpected exception type; " + where(), e);
        }
        List<Event> published = List.copyOf(f.events.subList(eventsBefore, f.events.size()));
        String after = f.engine.stateDigest();
        try {
          f.engine.checkInvariants();
        } catch (IllegalStateException e) {
          throw new AssertionError("invariant broken; " + where(), e);
        }
        tally.merge(generated.getClass().getSimpleName() + (thrown == null ? " -> success" : " -> refused"), 1,
            Integer::sum);
        tally.merge(generated.getClass().getSimpleName() + " -> " + (thrown == null ? "success" : expected), 1,
            Integer::sum);
        if (!expected.matches(thrown)) {
          throw new AssertionError("expected " + expected + " but got "
              + (thrown == null ? "success" : thrown.toString()) + "; " + where(), thrown);
        }
        if (thrown != null) {
          assertThat(after).as("a refused action changes nothing; %s", where()).isEqualTo(before);
          assertThat(published).as("a refused action publishes nothing; %s", where()).isEmpty();
        } else {
          assertThat(published.isEmpty()).as("events published iff the state changed; %s; events %s", where(),
              published).isEqualTo(after.equals(before));
          for (Event e : published) {
            assertThat(e.sequence()).as("one commit per action, sequences increasing; %s", where())
                .isEqualTo(published.get(0).sequence()).isGreaterThan(lastSequence);
          }
          if (!published.isEmpty()) {
            lastSequence = published.get(0).sequence();
          }
          applySuccess(action, result);
        }
        compare();
      }
      reopen();
    }

    /** Replaces {@code ASSIGNEE} by the task's first assignee (the outsider when it has none). */
    private Action resolve(Action action) {
      if (action instanceof LogTime l) {
        return new LogTime(l.add(), resolve(l.actor(), l.task()), l.task(), resolve(l.person(), l.task()), l.day(),
            l.minutes());
      } else if (action instanceof RemoveTime r) {
        return new RemoveTime(resolve(r.actor(), r.task()), r.task(), resolve(r.person(), r.task()), r.day());
      } else if (action instanceof Unassign u) {
        return new Unassign(u.actor(), u.task(), resolve(u.person(), u.task()));
      } else if (action instanceof RemoveLoggedTime r) {
        List<RemoveTime> rows = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
          TaskModel t = live.get(slots.get(i));
          for (Who w : WHO) {
            if (t != null && t.time.containsKey(id(w))) {
              for (LocalDate d : new java.util.TreeSet<>(t.time.get(id(w)).keySet())) {
                rows.add(new RemoveTime(r.actor() == Who.ASSIGNEE ? w : r.actor(), i, w,
                    (int) (d.toEpochDay() - MONDAY.toEpochDay())));
              }
            }
          }
        }
        if (rows.isEmpty()) {
          return new RemoveTime(r.actor() == Who.ASSIGNEE ? Who.ARTIST : r.actor(), 0, Who.ARTIST, 0);
        }
        return rows.get(r.row() % rows.size());
      }
      return action;
    }

    private Who resolve(Who w, int task) {
      if (w != Who.ASSIGNEE) {
        return w;
      }
      TaskModel t = live.get(slot(task));
      if (t == null || t.assignees.isEmpty()) {
        return Who.OUTSIDER;
      }
      for (Who candidate : WHO) {
        if (id(candidate).equals(t.assignees.get(0))) {
          return candidate;
        }
      }
      throw new IllegalStateException("assignee " + t.assignees.get(0) + " is not a fixture person");
    }

    // -------------------------------------------------------------------------------- the engine side

    private TaskApi api(Who w) {
      return f.engine.as(people.get(w).id()).task();
    }

    private PersonId id(Who w) {
      return people.get(w).id();
    }

    private TaskId slot(int i) {
      return slots.get(i % slots.size());
    }

    private Object run(Action action) {
      if (action instanceof PostComment c) {
        return api(c.author()).addComment(slot(c.task()), statuses.get(c.status()).id(), c.mention().text,
            CommentOptions.NONE.withCreatedAt(f.clock.instant().plus(Duration.ofMinutes(c.offsetMinutes()))));
      } else if (action instanceof LogTime l) {
        LocalDate day = MONDAY.plusDays(l.day());
        Duration d = Duration.ofMinutes(l.minutes());
        return l.add() ? api(l.actor()).addTimeSpent(slot(l.task()), id(l.person()), day, d)
            : api(l.actor()).setTimeSpent(slot(l.task()), id(l.person()), day, d);
      } else if (action instanceof RemoveTime r) {
        return api(r.actor()).removeTimeSpent(slot(r.task()), id(r.person()), MONDAY.plusDays(r.day()));
      } else if (action instanceof Assign a) {
        return api(a.actor()).assignTask(slot(a.task()), id(a.person()));
      } else if (action instanceof Unassign u) {
        return api(u.actor()).unassignTask(slot(u.task()), id(u.person()));
      } else if (action instanceof Update u) {
        // gazu's update_task sends the whole task: read it fresh, change two fields.
        Task current = api(Who.ADMIN).getTask(slot(u.task()));
        // The estimation and start date follow the priority, so that earned value has something to sum.
        return api(u.actor()).updateTask(current.withPriority(u.priority()).withDueDate(due(u.dueInDays()))
            .withEstimation(Duration.ofMinutes(90L * u.priority())).withStartDate(MONDAY.minusDays(u.priority())));
      } else if (action instanceof RemoveTask r) {
        api(r.actor()).removeTask(slot(r.task()), r.force());
        return null;
      } else if (action instanceof NewTask n) {
        TaskTypeId type = n.compositing() ? f.compositing.id() : f.animation.id();
        return api(n.actor()).newTask(f.shot, type, n.name(), null, List.of());
      }
      throw new IllegalStateException("unknown action " + action);
    }

    private static LocalDate due(Integer days) {
      return days == null ? null : MONDAY.plusDays(7L * days);
    }

    // -------------------------------------------------------------------------------- the model side

    private Role role(Who w) {
      return people.get(w).role();
    }

    private boolean inTeam(Who w) {
      return team.contains(id(w));
    }

    /** Admin, or a team member whose (effective = global, the fixture has no team roles) role is manager. */
    private boolean managerOf(Who w) {
      return w == Who.ADMIN || (inTeam(w) && role(w) == Role.MANAGER);
    }

    private TaskStatus currentStatus(TaskModel t) {
      List<CommentModel> c = t.chronology();
      return c.isEmpty() ? f.todo : c.get(c.size() - 1).status();
    }

    /** The outcome kitsu-semantics §2 predicts for this fixture. */
    Outcome expect(Action action) {
      if (action instanceof PostComment c) {
        TaskModel t = live.get(slot(c.task()));
        if (t == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        Role role = role(c.author());
        // §2.1 (1): admin; manager or client in the team; assignee; supervisor of a matching (here: no)
        // department; the entity's creator (none in the fixture).
        boolean access = c.author() == Who.ADMIN
            || (inTeam(c.author()) && (role == Role.MANAGER || role == Role.CLIENT || role == Role.SUPERVISOR))
            || t.assignees.contains(id(c.author()));
        if (!access) {
          // §2.1 (2): a mentioned team member who is not a vendor, with the current status only.
          boolean mentioned = inTeam(c.author()) && role != Role.VENDOR
              && t.comments.stream().anyMatch(m -> m.mentions().contains(id(c.author())));
          if (!mentioned) {
            return Outcome.refused(PermissionDeniedException.class);
          }
          if (!statuses.get(c.status()).id().equals(currentStatus(t).id())) {
            return Outcome.refused(StatusNotAllowedException.class);
          }
        }
        TaskStatus s = statuses.get(c.status());
        if ((role == Role.USER && !s.isArtistAllowed()) || (role == Role.CLIENT && !s.isClientAllowed())) {
          return Outcome.refused(StatusNotAllowedException.class);
        }
        return Outcome.OK;
      } else if (action instanceof LogTime l) {
        if (l.minutes() <= 0) {
          return Outcome.refused(IllegalArgumentException.class);
        }
        TaskModel t = live.get(slot(l.task()));
        if (t == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        if (!t.assignees.contains(id(l.person()))) {
          return Outcome.violates(RuleViolationException.Rule.NOT_ASSIGNED);
        }
        if (l.actor() != l.person() && !managerOf(l.actor())) {
          return Outcome.refused(PermissionDeniedException.class);
        }
        return Outcome.OK;
      } else if (action instanceof RemoveTime r) {
        TaskModel t = live.get(slot(r.task()));
        if (t == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        if (r.actor() != r.person() && !managerOf(r.actor())) {
          return Outcome.refused(PermissionDeniedException.class);
        }
        if (t.time(id(r.person()), MONDAY.plusDays(r.day())) == null) {
          return Outcome.violates(RuleViolationException.Rule.NO_TIME_SPENT);
        }
        return Outcome.OK;
      } else if (action instanceof Assign a) {
        if (live.get(slot(a.task())) == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        // §2.8: admin; in the team, a manager or a supervisor with no department (an artist only for
        // himself in one of his departments: the fixture's task types have none).
        boolean may = a.actor() == Who.ADMIN
            || (inTeam(a.actor()) && (role(a.actor()) == Role.MANAGER || role(a.actor()) == Role.SUPERVISOR));
        return may ? Outcome.OK : Outcome.refused(PermissionDeniedException.class);
      } else if (action instanceof Unassign u) {
        TaskModel t = live.get(slot(u.task()));
        if (t == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        if (!t.assignees.contains(id(u.person()))) {
          return Outcome.OK;
        }
        boolean may = u.actor() == Who.ADMIN || u.actor() == u.person()
            || (inTeam(u.actor()) && (role(u.actor()) == Role.MANAGER || role(u.actor()) == Role.SUPERVISOR));
        return may ? Outcome.OK : Outcome.refused(PermissionDeniedException.class);
      } else if (action instanceof Update u) {
        TaskModel t = live.get(slot(u.task()));
        if (t == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        // §2.11: admins and managers in the team; supervisors in the team for the scheduling fields.
        // The permission is checked even when nothing would change, as Kitsu answers 403 first.
        boolean may = managerOf(u.actor()) || (inTeam(u.actor()) && role(u.actor()) == Role.SUPERVISOR);
        return may ? Outcome.OK : Outcome.refused(PermissionDeniedException.class);
      } else if (action instanceof RemoveTask r) {
        TaskModel t = live.get(slot(r.task()));
        if (t == null) {
          return Outcome.refused(UnknownIdException.class);
        }
        if (!managerOf(r.actor())) {
          return Outcome.refused(PermissionDeniedException.class);
        }
        if (!r.force() && (!t.comments.isEmpty() || !t.time.isEmpty() || t.notified)) {
          return Outcome.violates(RuleViolationException.Rule.HAS_DEPENDANTS);
        }
        return Outcome.OK;
      } else if (action instanceof NewTask n) {
        if (!managerOf(n.actor())) {
          return Outcome.refused(PermissionDeniedException.class);
        }
        TaskTypeId type = n.compositing() ? f.compositing.id() : f.animation.id();
        boolean duplicate = slots.stream().map(live::get).filter(Objects::nonNull)
            .anyMatch(t -> t.type.equals(type) && t.name.equals(n.name()));
        return duplicate ? Outcome.violates(RuleViolationException.Rule.DUPLICATE_TASK) : Outcome.OK;
      }
      throw new IllegalStateException("unknown action " + action);
    }

    void applySuccess(Action action, Object result) {
      if (action instanceof PostComment c) {
        TaskModel t = live.get(slot(c.task()));
        Instant now = f.clock.instant();
        Instant date = managerOf(c.author()) ? now.plus(Duration.ofMinutes(c.offsetMinutes())) : now;
        Set<PersonId> mentions = new HashSet<>();
        switch (c.mention()) {
          case BO -> mentions.add(f.artist2.id());
          case OZ -> mentions.add(f.outsider.id());
          case VIC -> mentions.add(f.vendor.id());
          default -> { }
        }
        mentions.retainAll(team);
        Comment posted = (Comment) result;
        assertThat(posted.createdAt()).as("comment date; %s", where()).isEqualTo(date);
        assertThat(posted.personId()).as("comment author; %s", where()).isEqualTo(id(c.author()));
        assertThat(Set.copyOf(posted.mentions())).as("mentions; %s", where()).isEqualTo(mentions);
        t.comments.add(new CommentModel(posted.id(), date, ++commentOrder, statuses.get(c.status()), mentions));
      } else if (action instanceof LogTime l) {
        TaskModel t = live.get(slot(l.task()));
        LocalDate day = MONDAY.plusDays(l.day());
        Map<LocalDate, Duration> byDay = t.time.computeIfAbsent(id(l.person()), k -> new HashMap<>());
        Duration d = Duration.ofMinutes(l.minutes());
        byDay.merge(day, d, (old, given) -> l.add() ? old.plus(given) : given);
        assertThat(((TimeSpent) result).duration()).as("stored row; %s", where()).isEqualTo(byDay.get(day));
      } else if (action instanceof RemoveTime r) {
        TaskModel t = live.get(slot(r.task()));
        Map<LocalDate, Duration> byDay = t.time.get(id(r.person()));
        Duration removed = byDay.remove(MONDAY.plusDays(r.day()));
        if (byDay.isEmpty()) {
          t.time.remove(id(r.person()));
        }
        assertThat(((TimeSpent) result).duration()).as("removed row; %s", where()).isEqualTo(removed);
      } else if (action instanceof Assign a) {
        team.add(id(a.person()));
        TaskModel t = live.get(slot(a.task()));
        if (!t.assignees.contains(id(a.person()))) {
          t.assignees.add(id(a.person()));
          t.notified |= a.actor() != a.person();
        }
      } else if (action instanceof Unassign u) {
        live.get(slot(u.task())).assignees.remove(id(u.person()));
      } else if (action instanceof Update u) {
        TaskModel t = live.get(slot(u.task()));
        t.priority = u.priority();
        t.due = due(u.dueInDays());
      } else if (action instanceof RemoveTask r) {
        live.remove(slot(r.task()));
      } else if (action instanceof NewTask n) {
        Task t = (Task) result;
        assertThat(t.taskStatusId()).as("new task status; %s", where()).isEqualTo(f.todo.id());
        assertThat(t.assignerId()).as("new task assigner; %s", where()).isEqualTo(id(n.actor()));
        addTask(t);
      }
    }

    // -------------------------------------------------------------------------------- comparison

    void compare() {
      TaskApi admin = api(Who.ADMIN);
      for (TaskId id : slots) {
        TaskModel m = live.get(id);
        if (m == null) {
          try {
            admin.getTask(id);
            fail("removed task %s is still there; %s", id, where());
          } catch (UnknownIdException expected) {
            assertThat(expected.id()).isEqualTo(id);
          }
          continue;
        }
        Task t = admin.getTask(id);
        List<CommentModel> chronology = m.chronology();
        List<CommentId> newestFirst = new ArrayList<>(chronology.stream().map(CommentModel::id).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(admin.allCommentsForTask(id)).extracting(Comment::id)
            .as("comments of %s, newest first; %s", id, where()).containsExactlyElementsOf(newestFirst);
        Map<PersonId, Map<LocalDate, Duration>> rows = new HashMap<>();
        for (TimeSpent ts : admin.getTimeSpents(id).rows()) {
          rows.computeIfAbsent(ts.personId(), k -> new HashMap<>()).put(ts.date(), ts.duration());
        }
        assertThat(rows).as("time spents of %s; %s", id, where()).isEqualTo(m.time);
        assertThat(t.duration()).as("duration of %s = sum of its time spents; %s", id, where()).isEqualTo(m.duration());
        assertThat(t.assignees()).as("assignees of %s; %s", id, where()).containsExactlyElementsOf(m.assignees);
        assertThat(t.taskStatusId()).as("status of %s = newest comment's; %s", id, where())
            .isEqualTo(currentStatus(m).id());
        assertThat(t.lastCommentDate()).as("last comment date of %s; %s", id, where())
            .isEqualTo(chronology.isEmpty() ? null : chronology.get(chronology.size() - 1).date());
        assertThat(t.priority()).as("priority of %s; %s", id, where()).isEqualTo(m.priority);
        assertThat(t.dueDate()).as("due date of %s; %s", id, where()).isEqualTo(m.due);
      }
      compareIndexedQueries(admin);
      assertThat(f.engine.as(f.admin.id()).project().team(f.project)).extracting(TeamMember::personId)
          .as("team; %s", where()).containsExactlyInAnyOrderElementsOf(team);
      for (Who w : WHO) {
        // §2.13: assigned, open project, in the team, status not done.
        Set<TaskId> expected = new LinkedHashSet<>();
        for (TaskId id : slots) {
          TaskModel m = live.get(id);
          if (m != null && m.assignees.contains(id(w)) && inTeam(w) && !currentStatus(m).isDone()) {
            expected.add(id);
          }
        }
        List<Task> todo = f.engine.as(id(w)).user().allTasksToDo();
        assertThat(todo.stream().map(Task::id).collect(Collectors.toSet()))
            .as("todo list of %s; %s", w, where()).isEqualTo(expected);
        assertThat(todo).as("todo list of %s, once each, by due date then id; %s", w, where())
            .hasSize(expected.size())
            .isSortedAccordingTo(Comparator.comparing(Task::dueDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(t -> t.id().value()));
      }
    }

    /**
     * The answers read from the engine's indexes (late tasks by due date, time spent per person and day)
     * equal a full scan of the tasks and their time spents.
     */
    void compareIndexedQueries(TaskApi admin) {
      List<Task> all = admin.allTasksForProject(f.project);
      ScheduleApi schedule = f.engine.as(f.admin.id()).schedule();
      for (int days = 0; days <= 22; days += 4) {
        LocalDate asOf = MONDAY.plusDays(days);
        List<Task> scanned = all.stream()
            .filter(t -> t.dueDate() != null && t.dueDate().isBefore(asOf) && t.doneDate() == null)
            .sorted(Comparator.comparing(Task::dueDate).thenComparing(t -> t.id().value()))
            .toList();
        assertThat(admin.allLateTasks(f.project, asOf)).as("late tasks as of %s; %s", asOf, where())
            .isEqualTo(scanned);
        var late = schedule.lateTasks(f.project, asOf, 2);
        assertThat(late.count()).as("late count as of %s; %s", asOf, where()).isEqualTo(scanned.size());
        assertThat(late.mostLate()).as("most late as of %s; %s", asOf, where())
            .isEqualTo(scanned.subList(0, Math.min(2, scanned.size())));
      }
      var calendar = schedule.calendar(List.of(MONDAY.plusDays(9)));
      for (int days = -4; days <= 24; days += 7) {
        LocalDate day = MONDAY.plusDays(days);
        for (var rule : dev.prodtrack.schedule.EarningRule.values()) {
          for (java.time.ZoneId zone : List.of(java.time.ZoneOffset.UTC, java.time.ZoneId.of("Pacific/Kiritimati"),
              java.time.ZoneId.of("America/Los_Angeles"))) {
            var indexed = schedule.earnedValue(f.project, day, rule, zone, calendar);
            var scanned = schedule.earnedValueByScan(dev.prodtrack.schedule.Scope.of(f.project), day, rule, zone,
                calendar);
            String what = "earned value " + rule + " on " + day + " in " + zone + "; " + where();
            assertThat(indexed.bac()).as(what).isCloseTo(scanned.bac(), within(1e-9));
            assertThat(indexed.pv()).as(what).isCloseTo(scanned.pv(), within(1e-9));
            assertThat(indexed.ev()).as(what).isCloseTo(scanned.ev(), within(1e-9));
            assertThat(indexed.ac()).as(what).isCloseTo(scanned.ac(), within(1e-9));
            assertThat(indexed.unestimated()).as(what).isEqualTo(scanned.unestimated());
            assertThat(indexed.unscheduled()).as(what).isEqualTo(scanned.unscheduled());
          }
        }
      }
      for (int[] range : new int[][] {{0, 0}, {1, 2}, {-5, 30}, {3, 9}}) {
        LocalDate from = MONDAY.plusDays(range[0]);
        LocalDate to = MONDAY.plusDays(range[1]);
        Map<PersonId, Duration> scanned = new HashMap<>();
        for (Task t : all) {
          for (TimeSpent ts : admin.getTimeSpents(t.id()).rows()) {
            if (!ts.date().isBefore(from) && !ts.date().isAfter(to)) {
              scanned.merge(ts.personId(), ts.duration(), Duration::plus);
            }
          }
        }
        scanned.values().removeIf(Duration::isZero);
        assertThat(schedule.timeSpentTotals(from, to)).as("time spent per person %s..%s; %s", from, to, where())
            .isEqualTo(scanned);
      }
    }

    void reopen() {
      String digest = f.engine.stateDigest();
      f.engine.close();
      MemoryStore reopened = f.store.reopen();
      try (ProdTrack again = ProdTrack.builder().store(reopened).clock(f.clock).open()) {
        assertThat(again.stateDigest()).as("a reopened store gives the same state; seed %d, %s", SEED, actions)
            .isEqualTo(digest);
        again.checkInvariants();
      }
    }
  }
}
