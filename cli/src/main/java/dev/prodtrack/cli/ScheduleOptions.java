package dev.prodtrack.cli;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.Role;
import dev.prodtrack.schedule.Scope;
import dev.prodtrack.schedule.WorkCalendar;
import dev.prodtrack.storage.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options the schedule commands share: which store, as whom, which project, which day and which
 * tasks. Opening is {@link #open()}; a refused option is a {@link CliException} naming it.
 */
final class ScheduleOptions {
  @Option(names = "--store", paramLabel = "PATH", required = true,
      description = "The file store to read (a directory written by `prodtrack import` or `prodtrack demo --store`).")
  Path store;

  @Option(names = "--project", paramLabel = "P",
      description = "The project, by name or id (default: the store's only project).")
  String project;

  @Option(names = "--as", paramLabel = "PERSON",
      description = "Read as this person (full name, email or id); what they may not see is refused "
          + "(default: the first active admin).")
  String as;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The day the report is made on (ISO date, default: today in UTC).")
  LocalDate asOf;

  @Option(names = "--episode", paramLabel = "E", description = "Only the tasks of this episode (name or id).")
  String episode;

  @Option(names = "--sequence", paramLabel = "S", description = "Only the tasks of this sequence (name or id).")
  String sequence;

  @Option(names = "--task-type", paramLabel = "T", description = "Only the tasks of this task type (name or id).")
  String taskType;

  @Option(names = "--department", paramLabel = "D", description = "Only the tasks of this department (name or id).")
  String department;

  @Option(names = "--person", paramLabel = "P",
      description = "Only the tasks assigned to this person (full name, email or id); efforts are split "
          + "evenly among a task's assignees.")
  String person;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
      description = "Output format: table (default), csv or json.")
  Format format;

  /** Output formats. */
  enum Format {
    table, csv, json
  }

  /** An open store read as one person, with the project, scope and day the options name. */
  static final class Opened implements AutoCloseable {
    final ProdTrack engine;
    final Session session;
    final Project project;
    final Scope scope;
    final LocalDate asOf;
    final WorkCalendar calendar;

    Opened(ProdTrack engine, Session session, Project project, Scope scope, LocalDate asOf, WorkCalendar calendar) {
      this.engine = engine;
      this.session = session;
      this.project = project;
      this.scope = scope;
      this.asOf = asOf;
      this.calendar = calendar;
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  Opened open() {
    if (!Files.isDirectory(store)) {
      throw new CliException("--store " + store + ": no store there (not a directory)");
    }
    FileStore fileStore = FileStore.open(store);
    ProdTrack engine;
    try {
      engine = ProdTrack.builder().store(fileStore).clock(Clock.systemUTC()).idSource(IdSource.seeded(0)).open();
    } catch (RuntimeException e) {
      fileStore.close();
      throw e;
    }
    try {
      Session session = engine.as(actor(engine));
      Project p = project(session);
      Scope scope = Scope.of(p.id());
      if (episode != null) {
        scope = scope.withEpisode(entity(session.shot().allEpisodesForProject(p.id()), episode, "--episode").id());
      }
      if (sequence != null) {
        scope = scope.withSequence(entity(session.shot().allSequencesForProject(p.id()), sequence, "--sequence").id());
      }
      if (taskType != null) {
        var type = session.task().allTaskTypes().stream()
            .filter(t -> t.name().equalsIgnoreCase(taskType) || t.id().toString().equals(taskType)).findFirst()
            .orElseThrow(() -> new CliException("--task-type " + taskType + ": no such task type"));
        scope = scope.withTaskType(type.id());
      }
      if (department != null) {
        var dep = session.person().allDepartments().stream()
            .filter(d -> d.name().equalsIgnoreCase(department) || d.id().toString().equals(department)).findFirst()
            .orElseThrow(() -> new CliException("--department " + department + ": no such department"));
        scope = scope.withDepartment(dep.id());
      }
      if (person != null) {
        scope = scope.withPerson(person(session.person().allPersons(), person, "--person").id());
      }
      LocalDate day = asOf != null ? asOf : LocalDate.now(Clock.systemUTC());
      return new Opened(engine, session, p, scope, day, session.schedule().calendar(List.of()));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private dev.prodtrack.model.PersonId actor(ProdTrack engine) {
    // No session exists yet to list people with: read the person records, in a stable order.
    List<Person> people = new java.util.ArrayList<>();
    for (Object r : dev.prodtrack.EngineRecords.records(engine)) {
      if (r instanceof Person p) {
        people.add(p);
      }
    }
    people.sort(java.util.Comparator.comparing(Person::fullName).thenComparing(p -> p.id().toString()));
    for (Person p : people) {
      if (as == null ? p.role() == Role.ADMIN && p.active() : matches(p, as)) {
        return p.id();
      }
    }
    throw new CliException(as == null ? "the store has no active admin: name a reader with --as"
        : "--as " + as + ": no such person");
  }

  private Project project(Session session) {
    List<Project> all = session.project().allProjects();
    if (project == null) {
      if (all.size() != 1) {
        throw new CliException("--project is needed: the store holds " + all.size() + " projects");
      }
      return all.get(0);
    }
    return all.stream().filter(p -> p.name().equalsIgnoreCase(project) || p.id().toString().equals(project))
        .findFirst().orElseThrow(() -> new CliException("--project " + project + ": no such project"));
  }

  private static Entity entity(List<Entity> candidates, String key, String option) {
    return candidates.stream().filter(e -> e.name().equalsIgnoreCase(key) || e.id().toString().equals(key))
        .findFirst().orElseThrow(() -> new CliException(option + " " + key + ": no such " + option.substring(2)));
  }

  private static Person person(List<Person> candidates, String key, String option) {
    return candidates.stream().filter(p -> matches(p, key)).findFirst()
        .orElseThrow(() -> new CliException(option + " " + key + ": no such person"));
  }

  private static boolean matches(Person p, String key) {
    return p.fullName().equalsIgnoreCase(key) || key.equalsIgnoreCase(p.email()) || p.id().toString().equals(key)
        || p.fullName().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT));
  }
}
