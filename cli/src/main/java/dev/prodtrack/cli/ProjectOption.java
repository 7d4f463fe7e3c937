package dev.prodtrack.cli;

import dev.prodtrack.Session;
import dev.prodtrack.model.Project;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --project NAME|UUID} option of the report commands: add it with {@code @Mixin ProjectOption
 * project;} and call {@link #resolve(Session)}.
 */
public final class ProjectOption {

  @Option(names = "--project", paramLabel = "NAME|UUID",
      description = "The project, by name (case-insensitive) or id. Default: the store's only project "
          + "(required when the store has several).")
  String project;

  /**
   * The project named, or the store's only project when the option is absent.
   *
   * @param session the acting session
   * @return the project
   * @throws CommandFailedException (exit code 2) if no project or several match, listing them
   */
  public Project resolve(Session session) {
    List<Project> all = session.project().allProjects();
    if (project == null) {
      if (all.size() == 1) {
        return all.get(0);
      }
      if (all.isEmpty()) {
        throw CommandFailedException.usage("the store has no project");
      }
      throw CommandFailedException.usage("the store has " + all.size() + " projects, pass --project: "
          + NameLookup.list(all, p -> p.id().value(), p -> List.of(p.name())));
    }
    return NameLookup.one("--project", "project", project, all, p -> p.id().value(), p -> List.of(p.name()));
  }
}
