package dev.prodtrack.testkit;

import dev.prodtrack.model.EntityId;
import dev.prodtrack.model.PersonId;
import dev.prodtrack.model.ProjectId;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ProductionGenerator#generate} built: the ids of the records it created, in creation
 * order, and the counts of the rows it does not list. All lists are immutable.
 *
 * @param size the size generated
 * @param seed the seed used
 * @param now the engine's "now" during generation (every comment is dated before it)
 * @param asOf the day of {@code now} in UTC: the "today" of the production's schedule
 * @param project the project
 * @param admin the studio's first admin, who created everything
 * @param defaults Kitsu's standard init data plus the generator's extra task types
 * @param managers production managers (global role manager), in the team
 * @param supervisors supervisors, one department each, in the team
 * @param artists artists (role user), one department each, in the team
 * @param clients clients, in the team
 * @param shotTaskTypes the shot task types used, in pipeline order (their project link priorities
 *     follow the asset task types')
 * @param assetTaskTypes the asset task types used, in pipeline order (their project link priorities
 *     are their positions, from 1)
 * @param episodes the episodes (empty unless the size has episodes)
 * @param sequences the sequences
 * @param shots the shots
 * @param assets the assets
 * @param shotTasks the shot tasks, shot by shot in pipeline order
 * @param assetTasks the asset tasks, asset by asset in pipeline order
 * @param comments the number of comments posted
 * @param timeSpents the number of time-spent rows created
 * @param daysOff the number of day-off ranges created
 */
public record Production(Size size, long seed, Instant now, LocalDate asOf, ProjectId project, PersonId admin,
    Defaults defaults, List<PersonId> managers, List<PersonId> supervisors, List<PersonId> artists,
    List<PersonId> clients, List<TaskType> shotTaskTypes, List<TaskType> assetTaskTypes, List<EntityId> episodes,
    List<EntityId> sequences, List<EntityId> shots, List<EntityId> assets, List<TaskId> shotTasks,
    List<TaskId> assetTasks, int comments, int timeSpents, int daysOff) {

  /**
   * Checks for nulls and copies the lists.
   *
   * @throws NullPointerException if a component or a list element is null
   */
  public Production {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(defaults, "defaults");
    managers = List.copyOf(managers);
    supervisors = List.copyOf(supervisors);
    artists = List.copyOf(artists);
    clients = List.copyOf(clients);
    shotTaskTypes = List.copyOf(shotTaskTypes);
    assetTaskTypes = List.copyOf(assetTaskTypes);
    episodes = List.copyOf(episodes);
    sequences = List.copyOf(sequences);
    shots = List.copyOf(shots);
    assets = List.copyOf(assets);
    shotTasks = List.copyOf(shotTasks);
    assetTasks = List.copyOf(assetTasks);
  }

  /**
   * Every person the generator created: the admin, then managers, supervisors, artists and clients.
   *
   * @return the people, immutable
   */
  public List<PersonId> persons() {
    List<PersonId> all = new ArrayList<>(1 + managers.size() + supervisors.size() + artists.size() + clients.size());
    all.add(admin);
    all.addAll(managers);
    all.addAll(supervisors);
    all.addAll(artists);
    all.addAll(clients);
    return List.copyOf(all);
  }

  /**
   * Every task: the shot tasks, then the asset tasks.
   *
   * @return the tasks, immutable
   */
  public List<TaskId> tasks() {
    List<TaskId> all = new ArrayList<>(shotTasks.size() + assetTasks.size());
    all.addAll(shotTasks);
    all.addAll(assetTasks);
    return List.copyOf(all);
  }
}
