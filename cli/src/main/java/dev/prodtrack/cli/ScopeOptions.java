package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Department;
import dev.prodtrack.model.Entity;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Project;
import dev.prodtrack.model.TaskType;
import dev.prodtrack.schedule.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The scope filters of the report commands ({@code --episode}, {@code --sequence}, {@code --task-type},
 * {@code --department}, {@code --person}), turned into a {@link Scope}: add them with {@code @Mixin
 * ScopeOptions scope;} and call {@link #resolve(Session, Project)}. Each filter takes a name
 * (case-insensitive) or an id; filters combine (all must hold).
 */
public final class ScopeOptions {

  @Option(names = "--episode", paramLabel = "NAME|UUID", description = "Only the tasks of this episode.")
  String episode;

  @Option(names = "--sequence", paramLabel = "NAME|UUID",
      description = "Only the tasks of this sequence's shots and scenes; EPISODE/SEQUENCE when sequence "
          + "names repeat across episodes.")
  String sequence;

  @Option(names = "--task-type", paramLabel = "NAME|UUID", description = "Only the tasks of this task type.")
  String taskType;

  @Option(names = "--department", paramLabel = "NAME|UUID",
      description = "Only the tasks whose task type belongs to this department.")
  String department;

  @Option(names = "--person", paramLabel = "EMAIL|NAME|UUID",
      description = "Only the tasks assigned to this person (e-mail, full name or id).")
  String person;

  /**
   * Whether any filter was given.
   *
   * @return true if the scope is narrower than the project
   */
  public boolean narrowed() {
    return episode != null || sequence != null || taskType != null || department != null || person != null;
  }

  /**
   * The scope: the project narrowed by every filter given.
   *
   * @param session the acting session
   * @param project the project
   * @return the scope
   * @throws CommandFailedException (exit code 2) if a filter matches nothing or several records
   */
  public Scope resolve(Session session, Project project) {
    Scope scope = Scope.of(project.id());
    if (episode != null) {
      List<Entity> episodes = session.shot().allEpisodesForProject(project.id());
      scope = scope.withEpisode(NameLookup.one("--episode", "episode", episode, episodes, e -> e.id().value(),
          e -> List.of(e.name())).id());
    }
    if (sequence != null) {
      List<Entity> sequences = session.shot().allSequencesForProject(project.id());
      Map<Object, String> episodeNames = session.shot().allEpisodesForProject(project.id()).stream()
          .collect(Collectors.toMap(Entity::id, Entity::name));
      Function<Entity, List<String>> names = s -> {
        List<String> n = new ArrayList<>();
        String parent = s.parentId() == null ? null : episodeNames.get(s.parentId());
        n.add(parent == null ? s.name() : parent + "/" + s.name());
        n.add(s.name());
        return n;
      };
      scope = scope.withSequence(NameLookup.one("--sequence", "sequence", sequence, sequences, s -> s.id().value(),
          names).id());
    }
    if (taskType != null) {
      List<TaskType> types = session.task().allTaskTypes();
      scope = scope.withTaskType(NameLookup.one("--task-type", "task type", taskType, types, t -> t.id().value(),
          t -> List.of(t.name())).id());
    }
    if (department != null) {
      List<Department> departments = session.person().allDepartments();
      scope = scope.withDepartment(NameLookup.one("--department", "department", department, departments,
          d -> d.id().value(), d -> List.of(d.name())).id());
    }
    if (person != null) {
      List<Person> persons = session.person().allPersons();
      scope = scope.withPerson(NameLookup.one("--person", "person", person, persons, p -> p.id().value(),
          p -> p.email() == null ? List.of(p.fullName()) : List.of(p.fullName(), p.email())).id());
    }
    return scope;
  }
}
