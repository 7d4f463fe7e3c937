package dev.prodtrack.testkit;

import dev.prodtrack.AssetApi;
import dev.prodtrack.CommentOptions;
import dev.prodtrack.IdSource;
import dev.prodtrack.PersonApi;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.ProjectApi;
import dev.prodtrack.Session;
import dev.prodtrack.ShotApi;
import dev.prodtrack.TaskApi;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.EntityType;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatus;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.storage.memory.MemoryStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded generator of realistic productions, built through the public API of an admin's session so
 * that every rule of the engine is respected. Fixtures for tests, benchmarks and the demo come from
 * here.
 *
 * <pre>{@code
 * ProdTrack engine = ProductionGenerator.newEngine(42);          // fixed clock, seeded ids
 * Production p = ProductionGenerator.generate(engine, Size.L, 42);
 * }</pre>
 *
 * <p>What a production holds: the studio's first admin; Kitsu's standard init data ({@link
 * KitsuDefaults}) plus the extra task types the size needs; one open project whose team holds every
 * person; production managers, supervisors and artists (one department each, artists spread over the
 * departments in proportion to their tasks) and clients; a few ranges of days off per person;
 * episodes (XL only), sequences, shots with {@code nb_frames} and frame range data; assets of the
 * four standard asset types; one task "main" per shot per shot task type and per asset per asset task
 * type, with 1–2 assignees (some future tasks unassigned), a priority 0–3 skewed toward 0, a difficulty,
 * an estimation of 0.5–10 days (8-hour days) and start and due dates on working days (Monday to
 * Friday) of a 12-month window: 9 months before the as-of day, 3 after. Within an entity the tasks
 * follow the pipeline: each task type starts a few working days after the previous one, and the
 * project's task-type link priorities are the pipeline order (asset task types first).
 *
 * <p>Comments walk Kitsu's status machine: WIP → WFA → (Retake → WFA)* → Done, with notes that keep
 * the current status, posted by the admin as the task's assignee (WIP, WFA) or as a supervisor of the
 * task type's department (Retake, Done) or a manager (Ready To Start). Tasks whose dates are past are
 * mostly done, those in progress at the as-of day spread over WIP, WFA, Retake and Done, future ones
 * mostly untouched. Every comment is dated explicitly ({@link CommentOptions#withCreatedAt}), on
 * working days between 09:00 and 18:00 UTC, strictly before the engine's "now" and walking forward
 * per task, so each is its task's newest and takes the live status path. Time spents (about 2.5 rows
 * per started task, unique per person, task and day, on assignees only, never on a day off) are set on
 * working days between the task's first WIP comment and its last comment (the as-of day for tasks
 * still in work).
 *
 * <p>Determinism: every random choice comes from one {@link SplittableRandom} seeded with the seed, and
 * the engine's "now" is read once, from the first admin's {@code created_at}. Generating the same size
 * with the same seed into two empty engines that use the same fixed clock and {@code IdSource.seeded}
 * with the same seed gives equal {@linkplain ProdTrack#stateDigest() state digests}. The generator
 * therefore expects a fixed clock, such as {@link #DEFAULT_CLOCK}, or a {@link GeneratorClock} it moves
 * itself ({@link #generate(ProdTrack, GeneratorClock, Size, long)}). On the live path the real start,
 * end and done dates of a task are the engine's "now" (kitsu-semantics §2.2): with a fixed clock they all
 * fall on "now"; with a {@link GeneratorClock} they fall on the comment dates, as in a real studio.
 *
 * <p>Thread safety: {@link #generate} may be called from any thread, and concurrently for different
 * engines. Other writers to the same engine during a generation make the result irreproducible and
 * may make the generation fail.
 */
public final class ProductionGenerator {
  /** The instant {@link #DEFAULT_CLOCK} reads: Monday 30 June 2025, 18:00 UTC. */
  public static final Instant DEFAULT_NOW = Instant.parse("2025-06-30T18:00:00Z");

  /** The fixed clock to give the engine: always {@link #DEFAULT_NOW}. */
  public static final InstantSource DEFAULT_CLOCK = InstantSource.fixed(DEFAULT_NOW);

  /** The as-of day of a production generated with {@link #DEFAULT_CLOCK}: the UTC day of {@link #DEFAULT_NOW}. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 6, 30);

  /** The shot task types a size may use, in pipeline order; a size uses the most common ones first. */
  static final List<String> SHOT_PIPELINE = List.of("Storyboard", "Layout", "Animation", "Cloth", "Hair", "FX",
      "Lighting", "Render", "Roto", "Compositing");
  private static final List<String> SHOT_BY_USE = List.of("Animation", "Compositing", "Layout", "Lighting", "FX",
      "Storyboard", "Render", "Cloth", "Hair", "Roto");

  /** The asset task types a size may use, in pipeline order. */
  static final List<String> ASSET_PIPELINE = List.of("Modeling", "Sculpting", "Texture", "Shading", "Rigging",
      "Grooming");
  private static final List<String> ASSET_BY_USE = List.of("Modeling", "Shading", "Rigging", "Texture", "Grooming",
      "Sculpting");

  private ProductionGenerator() {}

  /**
   * A new empty engine ready for {@link #generate}: a new {@link MemoryStore}, {@link #DEFAULT_CLOCK}
   * and {@code IdSource.seeded(seed)}.
   *
   * @param seed the id seed; pass the generation seed to reproduce a state digest
   * @return the open engine; the caller closes it
   */
  public static ProdTrack newEngine(long seed) {
    return ProdTrack.builder().store(MemoryStore.create()).clock(DEFAULT_CLOCK).idSource(IdSource.seeded(seed))
        .open();
  }

  /**
   * Generates a production into an empty engine.
   *
   * @param engine an engine with no person yet; it should read a fixed clock (see the class comment)
   * @param size the size
   * @param seed the seed of every random choice
   * @return the ids and counts of what was created
   * @throws NullPointerException if {@code engine} or {@code size} is null
   * @throws dev.prodtrack.RuleViolationException with rule {@code STUDIO_NOT_EMPTY} if the engine
   *     already has people (nothing is created then); any other engine exception means a generator bug
   *     and leaves a partial production
   */
  public static Production generate(ProdTrack engine, Size size, long seed) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(size, "size");
    return new Run(engine, null, size, seed).run();
  }

  /**
   * Generates a production into an empty engine whose clock is {@code clock}, moving the clock to each
   * comment's date while the comment is posted, so that real start, end and done dates fall on the
   * comment dates instead of all on "now". The clock is set back to its starting instant at the end.
   * The same seed, size and starting instant give the same state digest.
   *
   * @param engine an engine with no person yet, built with {@code clock}
   * @param clock the engine's clock
   * @param size the size
   * @param seed the seed of every random choice
   * @return the ids and counts of what was created
   * @throws NullPointerException if an argument is null
   * @throws dev.prodtrack.RuleViolationException with rule {@code STUDIO_NOT_EMPTY} if the engine
   *     already has people
   */
  public static Production generate(ProdTrack engine, GeneratorClock clock, Size size, long seed) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(size, "size");
    Instant start = clock.instant();
    try {
      return new Run(engine, clock, size, seed).run();
    } finally {
      clock.set(start);
    }
  }

  /**
   * A new empty engine on a {@link GeneratorClock} at {@link #DEFAULT_NOW}, a new {@link MemoryStore}
   * and {@code IdSource.seeded(seed)}, with a realistic production generated into it (comment dates
   * drive the task dates).
   *
   * @param size the size
   * @param seed the seed of the ids and of every random choice
   * @return the engine and the production; the caller closes the engine
   */
  public static Generated generateInNewEngine(Size size, long seed) {
    GeneratorClock clock = new GeneratorClock(DEFAULT_NOW);
    ProdTrack engine = ProdTrack.builder().store(MemoryStore.create()).clock(clock).idSource(IdSource.seeded(seed))
        .open();
    return new Generated(engine, clock, generate(engine, clock, size, seed));
  }

  /**
   * An engine with a generated production.
   *
   * @param engine the engine
   * @param clock its clock, at {@link #DEFAULT_NOW} after generation
   * @param production what was generated
   */
  public record Generated(ProdTrack engine, GeneratorClock clock, Production production) {
    /** Checks for nulls. */
    public Generated {
      Objects.requireNonNull(engine, "engine");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(production, "production");
    }
  }

  /** Where a task stands at the as-of day; decides its comment walk. */
  private enum Fate {
    TODO, READY, WIP, WFA, RETAKE, DONE
  }

  /** One generation: the random source, the API handles and what was created so far. */
  private static final class Run {
    private static final int DAY_START_MINUTE = 9 * 60;
    private static final int WORK_MINUTES = 9 * 60;
    private static final int PIPELINE_STEP = 6;

    private final ProdTrack engine;
    private final GeneratorClock clock;
    private final Size size;
    private final long seed;
    private final SplittableRandom rng;

    private Session admin;
    private TaskApi tasks;
    private PersonId adminId;
    private Instant now;
    private LocalDate asOf;
    private LocalDate[] days;
    private long[] dayEpochMinutes;
    private int asOfIdx;
    private long lastMinute;

    private Defaults defaults;
    private TaskStatusId todo;
    private TaskStatusId ready;
    private TaskStatusId wip;
    private TaskStatusId wfa;
    private TaskStatusId retake;
    private TaskStatusId done;

    private final List<PersonId> managers = new ArrayList<>();
    private final List<PersonId> supervisors = new ArrayList<>();
    private final List<PersonId> artists = new ArrayList<>();
    private final List<PersonId> clients = new ArrayList<>();
    private final Map<String, List<PersonId>> artistsByDepartment = new LinkedHashMap<>();
    private final Map<String, List<PersonId>> supervisorsByDepartment = new LinkedHashMap<>();
    private final Map<PersonId, BitSet> daysOff = new HashMap<>();
    private final Map<PersonId, String> fullNames = new HashMap<>();

    private int comments;
    private int timeSpents;
    private int daysOffCount;

    Run(ProdTrack engine, GeneratorClock clock, Size size, long seed) {
      this.engine = engine;
      this.clock = clock;
      this.size = size;
      this.seed = seed;
      this.rng = new SplittableRandom(seed);
    }

    Production run() {
      Person first = engine.createFirstAdmin("Ada", "Admin", "ada.admin@studio.test");
      adminId = first.id();
      fullNames.put(adminId, first.fullName());
      admin = engine.as(adminId);
      tasks = admin.task();
      now = first.createdAt();
      asOf = LocalDate.ofInstant(now, ZoneOffset.UTC);
      calendar();

      List<String> shotNames = pick(SHOT_PIPELINE, SHOT_BY_USE, size.shotTaskTypes());
      List<String> assetNames = pick(ASSET_PIPELINE, ASSET_BY_USE, size.assetTaskTypes());
      defaults = withExtras(KitsuDefaults.create(admin), shotNames, assetNames);
      todo = defaults.todo().id();
      ready = defaults.ready().id();
      wip = defaults.wip().id();
      wfa = defaults.wfa().id();
      retake = defaults.retake().id();
      done = defaults.done().id();
      List<TaskType> shotTypes = new ArrayList<>();
      shotNames.forEach(n -> shotTypes.add(defaults.taskType(n)));
      List<TaskType> assetTypes = new ArrayList<>();
      assetNames.forEach(n -> assetTypes.add(defaults.taskType(n)));

      Project project = project(shotTypes, assetTypes);
      people(project, shotTypes, assetTypes);

      ShotApi shotApi = admin.shot();
      List<EntityId> episodes = new ArrayList<>();
      for (int e = 0; e < size.episodes(); e++) {
        episodes.add(shotApi.newEpisode(project.id(), String.format(Locale.ROOT, "E%02d", e + 1)).id());
      }
      List<EntityId> sequences = new ArrayList<>();
      List<EntityId> shots = new ArrayList<>();
      int perEpisode = size.episodes() == 0 ? size.sequences() : size.sequences() / size.episodes();
      for (int q = 0; q < size.sequences(); q++) {
        EntityId episode = episodes.isEmpty() ? null : episodes.get(q / perEpisode);
        int number = episodes.isEmpty() ? q : q % perEpisode;
        sequences.add(shotApi.newSequence(project.id(), episode, String.format(Locale.ROOT, "SQ%03d", (number + 1) * 10)).id());
      }
      // Assets before shots: the engine checks a parentless entity's name against every entity of the
      // project, so creating them while the project is small keeps that check cheap.
      List<EntityId> assets = assets(project);
      for (EntityId sequence : sequences) {
        for (int s = 0; s < size.shotsPerSequence(); s++) {
          int frames = 25 + (int) (Math.pow(rng.nextDouble(), 2) * 250);
          Map<String, Object> data = Map.of("frame_in", 1001, "frame_out", 1000 + frames, "fps", "25");
          shots.add(shotApi.newShot(project.id(), sequence, String.format(Locale.ROOT, "SH%04d", (s + 1) * 10), frames, data).id());
        }
      }

      List<TaskId> shotTasks = new ArrayList<>(shots.size() * shotTypes.size());
      int span = PIPELINE_STEP * shotTypes.size() + 10;
      int latestShotStart = Math.max(0, days.length - span);
      for (int i = 0; i < shots.size(); i++) {
        int sequenceIndex = i / size.shotsPerSequence();
        int sequenceStart = (int) ((long) latestShotStart * sequenceIndex / Math.max(1, size.sequences()));
        int shotStart = Math.min(latestShotStart, sequenceStart + rng.nextInt(10));
        for (int k = 0; k < shotTypes.size(); k++) {
          shotTasks.add(task(shots.get(i), shotTypes.get(k), shotStart + k * PIPELINE_STEP));
        }
      }
      List<TaskId> assetTasks = new ArrayList<>(assets.size() * assetTypes.size());
      int assetWindow = Math.max(1, (int) (days.length * 0.4));
      for (EntityId asset : assets) {
        int assetStart = rng.nextInt(assetWindow);
        for (int k = 0; k < assetTypes.size(); k++) {
          assetTasks.add(task(asset, assetTypes.get(k), assetStart + k * PIPELINE_STEP));
        }
      }
      return new Production(size, seed, now, asOf, project.id(), adminId, defaults, managers, supervisors, artists,
          clients, shotTypes, assetTypes, episodes, sequences, shots, assets, shotTasks, assetTasks, comments,
          timeSpents, daysOffCount);
    }

    // ------------------------------------------------------------------ setup

    /** The working days (Monday to Friday) of the window: 9 months before the as-of day, 3 after. */
    private void calendar() {
      LocalDate from = asOf.minusMonths(9).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate to = asOf.plusMonths(3);
      List<LocalDate> list = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
          list.add(d);
        }
      }
      days = list.toArray(new LocalDate[0]);
      dayEpochMinutes = new long[days.length];
      asOfIdx = 0;
      for (int i = 0; i < days.length; i++) {
        dayEpochMinutes[i] = days[i].toEpochDay() * 24 * 60;
        if (!days[i].isAfter(asOf)) {
          asOfIdx = i;
        }
      }
      lastMinute = Math.floorDiv(now.getEpochSecond(), 60) - 1;
    }

    private static List<String> pick(List<String> pipeline, List<String> byUse, int count) {
      List<String> chosen = byUse.subList(0, Math.min(count, byUse.size()));
      List<String> out = new ArrayList<>();
      for (String name : pipeline) {
        if (chosen.contains(name)) {
          out.add(name);
        }
      }
      return out;
    }

    /** Kitsu's defaults plus the task types of the size that are not standard. */
    private Defaults withExtras(Defaults base, List<String> shotNames, List<String> assetNames) {
      Map<String, TaskType> types = new LinkedHashMap<>(base.taskTypes());
      for (String name : assetNames) {
        types.computeIfAbsent(name, n -> KitsuDefaults.taskType(tasks, n, "Asset",
            base.department(KitsuDefaults.departmentOf(n))));
      }
      for (String name : shotNames) {
        types.computeIfAbsent(name, n -> KitsuDefaults.taskType(tasks, n, "Shot",
            base.department(KitsuDefaults.departmentOf(n))));
      }
      return new Defaults(base.statuses(), types, base.departments(), base.assetTypes());
    }

    private Project project(List<TaskType> shotTypes, List<TaskType> assetTypes) {
      ProjectApi projects = admin.project();
      String[] titles = {"Moonfall", "The Paper Fox", "Lighthouse Keepers", "Copper Sky", "Tides of Ember",
          "Little Giants", "Nightjar", "The Glass Orchard"};
      Project p = projects.newProject(titles[rng.nextInt(titles.length)]);
      String type = size == Size.TINY ? "short" : size.episodes() > 0 ? "tvshow" : "featurefilm";
      p = projects.updateProject(p.withProductionType(type).withNbEpisodes(size.episodes())
          .withStartDate(days[0]).withEndDate(days[days.length - 1]).withCode(p.name().substring(0, 3).toUpperCase(Locale.ROOT)));
      for (TaskStatus s : defaults.statuses().values()) {
        if (!s.forConcept()) {
          projects.addTaskStatusToProject(p.id(), s.id());
        }
      }
      for (EntityType t : defaults.assetTypes().values()) {
        projects.addAssetTypeToProject(p.id(), t.id());
      }
      int priority = 1;
      for (TaskType t : assetTypes) {
        projects.addTaskTypeToProject(p.id(), t.id(), priority++);
      }
      for (TaskType t : shotTypes) {
        projects.addTaskTypeToProject(p.id(), t.id(), priority++);
      }
      return p;
    }

    private static final String[] FIRST_NAMES = {"Alice", "Bruno", "Chloe", "Diego", "Emma", "Farid", "Greta",
        "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara",
        "Umar", "Vera", "Wes", "Xenia", "Yann", "Zoe", "Arjun", "Bea", "Cyril", "Dana", "Elio", "Fleur", "Gael",
        "Hana", "Ivo", "June", "Kenji", "Lina", "Milo", "Nora"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Garcia",
        "Rossi", "Muller", "Schmidt", "Novak", "Kowalski", "Silva", "Santos", "Jensen", "Nielsen", "Berg", "Costa",
        "Ferrari", "Romano", "Lefevre", "Tanaka", "Sato", "Kim", "Park", "Chen", "Wang", "Singh", "Patel", "Okafor",
        "Mensah", "Haddad", "Nasser", "Ivanova", "Petrov", "Horvat", "Kovac", "Byrne", "Walsh", "Murphy", "Quinn"};

    /** Creates the people, puts them in departments and in the team, and gives them days off. */
    private void people(Project project, List<TaskType> shotTypes, List<TaskType> assetTypes) {
      PersonApi personApi = admin.person();
      ProjectApi projects = admin.project();
      Map<String, Integer> load = new LinkedHashMap<>();
      for (String d : KitsuDefaults.DEPARTMENTS) {
        int n = 0;
        for (TaskType t : shotTypes) {
          n += KitsuDefaults.departmentOf(t.name()).equals(d) ? size.shots() : 0;
        }
        for (TaskType t : assetTypes) {
          n += KitsuDefaults.departmentOf(t.name()).equals(d) ? size.assets() : 0;
        }
        if (n > 0) {
          load.put(d, n);
        }
      }
      List<String> departments = new ArrayList<>(load.keySet());
      int total = size.persons();
      int managerCount = Math.max(1, (int) Math.round(total * 0.03));
      int supervisorCount = Math.max(1, (int) Math.round(total * 0.06));
      int clientCount = Math.max(1, total / 100);
      int artistCount = Math.max(1, total - managerCount - supervisorCount - clientCount);
      int[] artistsPer = apportion(artistCount, departments, load);

      int index = 0;
      for (int i = 0; i < managerCount; i++) {
        managers.add(person(personApi, index++, Role.MANAGER, null, "manager"));
      }
      for (int i = 0; i < supervisorCount; i++) {
        String d = departments.get(i % departments.size());
        PersonId id = person(personApi, index++, Role.SUPERVISOR, defaults.department(d), "supervisor");
        supervisors.add(id);
        supervisorsByDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(id);
      }
      for (int di = 0; di < departments.size(); di++) {
        String d = departments.get(di);
        for (int i = 0; i < artistsPer[di]; i++) {
          PersonId id = person(personApi, index++, Role.USER, defaults.department(d), "artist");
          artists.add(id);
          artistsByDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(id);
        }
      }
      for (int i = 0; i < clientCount; i++) {
        clients.add(person(personApi, index++, Role.CLIENT, null, "client"));
      }
      List<PersonId> everyone = new ArrayList<>(managers);
      everyone.addAll(supervisors);
      everyone.addAll(artists);
      everyone.addAll(clients);
      for (PersonId id : everyone) {
        projects.addPersonToTeam(project.id(), id);
      }
      String[] reasons = {"Vacation", "Sick leave", "Training", "Family event"};
      for (PersonId id : everyone) {
        if (clients.contains(id)) {
          continue;
        }
        int ranges = rng.nextInt(4);
        BitSet off = new BitSet(days.length);
        for (int r = 0; r < ranges; r++) {
          int length = 1 + rng.nextInt(5);
          int start = rng.nextInt(Math.max(1, days.length - length));
          int end = Math.min(days.length - 1, start + length - 1);
          if (off.get(Math.max(0, start - 1), end + 2).isEmpty()) {
            personApi.newDayOff(id, days[start], days[end], reasons[rng.nextInt(reasons.length)]);
            off.set(start, end + 1);
            daysOffCount++;
          }
        }
        daysOff.put(id, off);
      }
    }

    /** Splits {@code count} over departments in proportion to their load (largest remainder, at least 1 each when possible). */
    private static int[] apportion(int count, List<String> departments, Map<String, Integer> load) {
      int[] out = new int[departments.size()];
      int min = count >= departments.size() ? 1 : 0;
      int rest = count - min * departments.size();
      long totalLoad = 0;
      for (String d : departments) {
        totalLoad += load.get(d);
      }
      double[] remainders = new double[out.length];
      int given = 0;
      for (int i = 0; i < out.length; i++) {
        double share = (double) rest * load.get(departments.get(i)) / totalLoad;
        out[i] = min + (int) share;
        remainders[i] = share - (int) share;
        given += (int) share;
      }
      for (int left = rest - given; left > 0; left--) {
        int best = 0;
        for (int i = 1; i < out.length; i++) {
          if (remainders[i] > remainders[best]) {
            best = i;
          }
        }
        out[best]++;
        remainders[best] = -1;
      }
      return out;
    }

    private PersonId person(PersonApi personApi, int index, Role role, Department department, String position) {
      String first = FIRST_NAMES[index % FIRST_NAMES.length];
      String last = LAST_NAMES[(index / FIRST_NAMES.length + index) % LAST_NAMES.length];
      String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "." + index + "@studio.test";
      Person p = personApi.newPerson(first, last, email, role);
      String[] seniorities = {"junior", "mid", "mid", "senior"};
      Person updated = p.withPosition(position).withSeniority(seniorities[rng.nextInt(seniorities.length)])
          .withDepartments(department == null ? List.of() : List.of(department.id()));
      personApi.updatePerson(updated);
      fullNames.put(p.id(), p.fullName());
      return p.id();
    }

    private List<EntityId> assets(Project project) {
      AssetApi assetApi = admin.asset();
      String[] typeNames = {"Characters", "Props", "Environment", "FX"};
      double[] shares = {0.2, 0.65, 0.9, 1.0};
      String[][] words = {
          {"Hero", "Villain", "Sidekick", "Guard", "Villager", "Creature", "Merchant", "Child", "Elder", "Robot"},
          {"Lantern", "Sword", "Chair", "Book", "Cart", "Barrel", "Key", "Map", "Cup", "Rope"},
          {"Forest", "Harbor", "Tower", "Market", "Cave", "Bridge", "Kitchen", "Street", "Beach", "Attic"},
          {"Smoke", "Fire", "Rain", "Dust", "Sparks", "Splash", "Fog", "Magic", "Snow", "Debris"}};
      int[] counters = new int[typeNames.length];
      List<EntityId> out = new ArrayList<>(size.assets());
      for (int i = 0; i < size.assets(); i++) {
        double u = rng.nextDouble();
        int t = 0;
        while (u >= shares[t]) {
          t++;
        }
        String name = words[t][rng.nextInt(words[t].length)] + " " + String.format(Locale.ROOT, "%04d", ++counters[t]);
        out.add(assetApi.newAsset(project.id(), defaults.assetType(typeNames[t]).id(), name, null, null).id());
      }
      return out;
    }

    // ------------------------------------------------------------------ tasks

    private TaskId task(EntityId entity, TaskType type, int plannedStart) {
      String department = KitsuDefaults.departmentOf(type.name());
      int last = days.length - 1;
      int start = Math.min(last, plannedStart + rng.nextInt(3));
      double estimationDays = 0.5 * (1 + (int) (Math.pow(rng.nextDouble(), 2) * 19.999));
      int length = Math.max(1, (int) Math.ceil(estimationDays * (1.0 + 0.5 * rng.nextDouble())));
      int due = Math.min(last, start + length - 1);
      Duration estimation = Duration.ofMinutes(Math.round(estimationDays * 8 * 60));
      Fate fate = fate(start, due);
      List<PersonId> assignees = assignees(department, fate);

      Task t = tasks.newTask(entity, type.id(), "main", null, assignees);
      tasks.updateTask(t.withPriority(priority()).withDifficulty(difficulty()).withEstimation(estimation)
          .withStartDate(days[start]).withDueDate(days[due]));
      walk(t.id(), fate, assignees, department, start, due, estimation);
      return t.id();
    }

    private Fate fate(int start, int due) {
      double u = rng.nextDouble();
      if (start > asOfIdx) {
        return u < 0.92 ? Fate.TODO : u < 0.97 ? Fate.READY : Fate.WIP;
      }
      if (due < asOfIdx) {
        return u < 0.85 ? Fate.DONE : u < 0.90 ? Fate.WFA : u < 0.93 ? Fate.RETAKE : u < 0.98 ? Fate.WIP : Fate.TODO;
      }
      return u < 0.15 ? Fate.DONE : u < 0.40 ? Fate.WFA : u < 0.50 ? Fate.RETAKE : u < 0.88 ? Fate.WIP
          : u < 0.94 ? Fate.READY : Fate.TODO;
    }

    private List<PersonId> assignees(String department, Fate fate) {
      if ((fate == Fate.TODO || fate == Fate.READY) && rng.nextDouble() < 0.25) {
        return List.of();
      }
      List<PersonId> pool = artistsByDepartment.getOrDefault(department, artists);
      if (pool.isEmpty()) {
        pool = artists;
      }
      PersonId a = pool.get(rng.nextInt(pool.size()));
      if (pool.size() > 1 && rng.nextDouble() < 0.2) {
        PersonId b = pool.get(rng.nextInt(pool.size()));
        if (!b.equals(a)) {
          return List.of(a, b);
        }
      }
      return List.of(a);
    }

    private int priority() {
      double u = rng.nextDouble();
      return u < 0.70 ? 0 : u < 0.88 ? 1 : u < 0.97 ? 2 : 3;
    }

    private int difficulty() {
      double u = rng.nextDouble();
      return u < 0.05 ? 1 : u < 0.25 ? 2 : u < 0.75 ? 3 : u < 0.95 ? 4 : 5;
    }

    // ------------------------------------------------------------------ comments and time

    /** Who posts a step of the walk. */
    private enum By {
      ASSIGNEE, SUPERVISOR, MANAGER, CLIENT
    }

    private static final String[] WIP_TEXTS = {"Started.", "Blocking in progress.", "First pass under way.",
        "Picking this up today."};
    private static final String[] WFA_TEXTS = {"Ready for review.", "New version up for review.",
        "Notes addressed, please check.", "Published v%d for review."};
    private static final String[] RETAKE_TEXTS = {"Timing feels off in the middle, please rework.",
        "Silhouette reads poorly, push the pose.", "Edges are too sharp, soften them.",
        "Doesn't match the reference, see attached notes."};
    private static final String[] DONE_TEXTS = {"Approved.", "Looks great, approved.", "Final. Thanks!",
        "Approved for delivery."};
    private static final String[] NOTE_TEXTS = {"Reference added.", "Working on the notes.",
        "Farm queue is long today, renders tomorrow.", "Can we discuss this in dailies?", "Small fix pushed.",
        "Waiting on the updated asset."};

    /** Posts the task's comment walk and its time spents. */
    private void walk(TaskId task, Fate fate, List<PersonId> assignees, String department, int start, int due,
        Duration estimation) {
      List<TaskStatusId> statuses = new ArrayList<>(8);
      List<By> authors = new ArrayList<>(8);
      int lo;
      int hi;
      switch (fate) {
        case TODO:
          if (rng.nextDouble() >= 0.08) {
            return;
          }
          statuses.add(todo);
          authors.add(By.MANAGER);
          lo = Math.max(0, Math.min(start, asOfIdx) - 10);
          hi = Math.min(start, asOfIdx);
          break;
        case READY:
          statuses.add(ready);
          authors.add(By.MANAGER);
          lo = Math.max(0, Math.min(start, asOfIdx) - 10);
          hi = Math.min(start, asOfIdx);
          break;
        default:
          statuses.add(wip);
          authors.add(By.ASSIGNEE);
          if (fate != Fate.WIP) {
            statuses.add(wfa);
            authors.add(By.ASSIGNEE);
            for (int r = retakeLoops(); r > 0; r--) {
              statuses.add(retake);
              authors.add(By.SUPERVISOR);
              statuses.add(wfa);
              authors.add(By.ASSIGNEE);
            }
            if (fate == Fate.RETAKE) {
              statuses.add(retake);
              authors.add(By.SUPERVISOR);
            } else if (fate == Fate.DONE) {
              statuses.add(done);
              authors.add(By.SUPERVISOR);
            }
          }
          for (int n = noteCount(); n > 0; n--) {
            int at = 1 + rng.nextInt(statuses.size());
            double u = rng.nextDouble();
            statuses.add(at, statuses.get(at - 1));
            authors.add(at, u < 0.55 ? By.ASSIGNEE : u < 0.9 ? By.SUPERVISOR : u < 0.97 ? By.MANAGER : By.CLIENT);
          }
          if (start > asOfIdx) {
            lo = Math.max(0, asOfIdx - rng.nextInt(5));
            hi = asOfIdx;
          } else {
            lo = start;
            hi = fate == Fate.DONE ? Math.max(lo, Math.min(asOfIdx, due + rng.nextInt(9) - 3)) : asOfIdx;
          }
          break;
      }

      int n = statuses.size();
      long[] minutes = new long[n];
      for (int i = 0; i < n; i++) {
        int d = lo + rng.nextInt(hi - lo + 1);
        minutes[i] = dayEpochMinutes[d] + DAY_START_MINUTE + rng.nextInt(WORK_MINUTES);
      }
      Arrays.sort(minutes);
      for (int i = 1; i < n; i++) {
        if (minutes[i] <= minutes[i - 1]) {
          minutes[i] = minutes[i - 1] + 1;
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        minutes[i] = Math.min(minutes[i], lastMinute - (n - 1 - i));
      }

      int version = 1;
      for (int i = 0; i < n; i++) {
        TaskStatusId status = statuses.get(i);
        PersonId author = author(authors.get(i), assignees, department);
        String text = text(status, i > 0 && status.equals(statuses.get(i - 1)), version, department);
        if (status.equals(wfa) && !(i > 0 && statuses.get(i - 1).equals(wfa))) {
          version++;
        }
        Instant at = Instant.ofEpochSecond(minutes[i] * 60);
        if (clock != null) {
          clock.set(at);
        }
        tasks.addComment(task, status, text, CommentOptions.NONE.withAuthor(author).withCreatedAt(at));
        comments++;
      }

      if (fate == Fate.TODO || fate == Fate.READY || assignees.isEmpty()) {
        return;
      }
      int first = dayIndex(minutes[0]);
      int end = fate == Fate.DONE || fate == Fate.WFA ? dayIndex(minutes[n - 1]) : asOfIdx;
      end = Math.max(first, end);
      timeSpents(task, fate, assignees, first, end, estimation);
    }

    private int retakeLoops() {
      double u = rng.nextDouble();
      return u < 0.5 ? 0 : u < 0.8 ? 1 : u < 0.94 ? 2 : 3;
    }

    private int noteCount() {
      double u = rng.nextDouble();
      return u < 0.45 ? 0 : u < 0.75 ? 1 : u < 0.9 ? 2 : 3;
    }

    private PersonId author(By by, List<PersonId> assignees, String department) {
      switch (by) {
        case ASSIGNEE:
          if (!assignees.isEmpty()) {
            return assignees.get(rng.nextInt(assignees.size()));
          }
          return managers.get(rng.nextInt(managers.size()));
        case SUPERVISOR:
          List<PersonId> sups = supervisorsByDepartment.get(department);
          if (sups != null && !sups.isEmpty()) {
            return sups.get(rng.nextInt(sups.size()));
          }
          return managers.get(rng.nextInt(managers.size()));
        case CLIENT:
          return clients.get(rng.nextInt(clients.size()));
        default:
          return managers.get(rng.nextInt(managers.size()));
      }
    }

    private String text(TaskStatusId status, boolean note, int version, String department) {
      if (note || status.equals(todo)) {
        double u = rng.nextDouble();
        if (u < 0.03 && !supervisors.isEmpty()) {
          return "@" + fullNames.get(supervisors.get(rng.nextInt(supervisors.size()))) + " can you have a look?";
        }
        if (u < 0.05) {
          return "@" + department + " heads up on this one.";
        }
        return NOTE_TEXTS[rng.nextInt(NOTE_TEXTS.length)];
      }
      if (status.equals(ready)) {
        return "Inputs delivered, ready to start.";
      }
      String[] pool = status.equals(wip) ? WIP_TEXTS : status.equals(wfa) ? WFA_TEXTS
          : status.equals(retake) ? RETAKE_TEXTS : DONE_TEXTS;
      String text = pool[rng.nextInt(pool.length)];
      return text.contains("%d") ? String.format(Locale.ROOT, text, version) : text;
    }

    /** The working-day index of an epoch minute, or of the working day before it. */
    private int dayIndex(long minute) {
      long dayMinute = Math.floorDiv(minute, 24 * 60) * 24 * 60;
      int i = Arrays.binarySearch(dayEpochMinutes, dayMinute);
      return i >= 0 ? i : Math.max(0, -i - 2);
    }

    private void timeSpents(TaskId task, Fate fate, List<PersonId> assignees, int first, int end,
        Duration estimation) {
      int rows = 1 + rng.nextInt(5);
      double factor = fate == Fate.DONE ? 0.6 + 0.9 * rng.nextDouble() : 0.3 + 0.6 * rng.nextDouble();
      long perRow = Math.round(estimation.toMinutes() * factor / rows / 15.0) * 15;
      perRow = Math.max(30, Math.min(600, perRow));
      BitSet used = new BitSet();
      int span = end - first + 1;
      for (int r = 0; r < rows; r++) {
        int who = rng.nextInt(assignees.size());
        PersonId person = assignees.get(who);
        BitSet off = daysOff.get(person);
        for (int attempt = 0; attempt < 6; attempt++) {
          int d = first + rng.nextInt(span);
          int key = who * days.length + d;
          if (!used.get(key) && (off == null || !off.get(d))) {
            used.set(key);
            long jitter = 15L * (rng.nextInt(5) - 2);
            Duration duration = Duration.ofMinutes(Math.max(15, perRow + jitter));
            tasks.setTimeSpent(task, person, days[d], duration);
            timeSpents++;
            break;
          }
        }
      }
    }
  }
}
