package dev.prodtrack;

import dev.prodtrack.model.Person;
import dev.prodtrack.model.PersonId;
import java.util.Objects;

/**
 * The engine seen by one acting person, as Kitsu sees its logged-in user. Sub-APIs follow gazu's
 * modules: {@link #project()}, {@link #person()}, {@link #asset()}, {@link #shot()}, {@link #task()},
 * {@link #user()}.
 *
 * <p>Sessions are cheap, immutable and thread-safe. Permissions are evaluated at each call against
 * the person's current roles.
 */
public final class Session {
  private final ProdTrack engine;
  private final PersonId actor;

  Session(ProdTrack engine, PersonId actor) {
    this.engine = Objects.requireNonNull(engine);
    this.actor = Objects.requireNonNull(actor);
  }

  /**
   * The acting person's id.
   *
   * @return the id
   */
  public PersonId actorId() {
    return actor;
  }

  /**
   * The acting person as currently stored.
   *
   * @return the person
   */
  public Person actor() {
    return engine.read(s -> s.persons.get(actor));
  }

  /**
   * Projects, teams and their links (gazu {@code project}).
   *
   * @return the project API
   */
  public ProjectApi project() {
    return new ProjectApi(engine, actor);
  }

  /**
   * People, departments and days off (gazu {@code person}).
   *
   * @return the person API
   */
  public PersonApi person() {
    return new PersonApi(engine, actor);
  }

  /**
   * Asset types, assets and concepts (gazu {@code asset}, {@code concept}).
   *
   * @return the asset API
   */
  public AssetApi asset() {
    return new AssetApi(engine, actor);
  }

  /**
   * Episodes, sequences, shots, scenes and edits (gazu {@code shot}, {@code scene}, {@code edit}).
   *
   * @return the shot API
   */
  public ShotApi shot() {
    return new ShotApi(engine, actor);
  }

  /**
   * Task types, statuses, tasks, comments and time spents (gazu {@code task}).
   *
   * @return the task API
   */
  public TaskApi task() {
    return new TaskApi(engine, actor);
  }

  /**
   * Entities of any kind and entity types (gazu {@code entity}).
   *
   * @return the entity API
   */
  public EntityApi entity() {
    return new EntityApi(engine, actor);
  }

  /**
   * Schedule analytics: the working-day calendar and the lateness rules (more metrics to come).
   *
   * @return the schedule API
   */
  public ScheduleApi schedule() {
    return new ScheduleApi(engine, actor);
  }

  /**
   * The acting person's own lists: todo, done, to check (gazu {@code user}).
   *
   * @return the user API
   */
  public UserApi user() {
    return new UserApi(engine, actor);
  }
}
