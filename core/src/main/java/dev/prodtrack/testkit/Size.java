package dev.prodtrack.testkit;

/**
 * The production sizes of {@link ProductionGenerator}, from schedule-analytics §10.1. Counts are exact
 * for the structure (sequences, shots, assets, tasks); comments, time spents and days off are drawn
 * around the stated averages.
 */
public enum Size {
  /** For fast unit tests: 1 sequence × 5 shots × 3 shot task types, 4 assets × 2 asset task types, 8 people. */
  TINY(0, 1, 5, 3, 4, 2, 8),
  /** One TV episode: 10 sequences × 30 shots × 8 shot task types (2,400 tasks), 40 assets × 4, 16 people. */
  S(0, 10, 30, 8, 40, 4, 16),
  /** One feature: 40 sequences × 50 shots × 10 shot task types (20,000 tasks), 300 assets × 6, 40 people. */
  M(0, 40, 50, 10, 300, 6, 40),
  /**
   * The reference dataset: 200 sequences × 50 shots × 10 shot task types (100,000 tasks), 1,000 assets
   * × 6 asset task types (6,000 tasks), 100 people; about 4 comments per task and 2.5 time spents per
   * started task.
   */
  L(0, 200, 50, 10, 1_000, 6, 100),
  /**
   * A whole studio site: 40 episodes × 50 sequences × 50 shots × 10 shot task types (1,000,000 tasks),
   * 10,000 assets × 6 asset task types, 1,000 people.
   */
  XL(40, 2_000, 50, 10, 10_000, 6, 1_000);

  private final int episodes;
  private final int sequences;
  private final int shotsPerSequence;
  private final int shotTaskTypes;
  private final int assets;
  private final int assetTaskTypes;
  private final int persons;

  Size(int episodes, int sequences, int shotsPerSequence, int shotTaskTypes, int assets, int assetTaskTypes,
      int persons) {
    this.episodes = episodes;
    this.sequences = sequences;
    this.shotsPerSequence = shotsPerSequence;
    this.shotTaskTypes = shotTaskTypes;
    this.assets = assets;
    this.assetTaskTypes = assetTaskTypes;
    this.persons = persons;
  }

  /**
   * The number of episodes; 0 for a production without episodes (sequences at the top).
   *
   * @return the episodes
   */
  public int episodes() {
    return episodes;
  }

  /**
   * The number of sequences, all episodes together.
   *
   * @return the sequences
   */
  public int sequences() {
    return sequences;
  }

  /**
   * The number of shots in each sequence.
   *
   * @return the shots per sequence
   */
  public int shotsPerSequence() {
    return shotsPerSequence;
  }

  /**
   * The number of shots.
   *
   * @return sequences × shots per sequence
   */
  public int shots() {
    return sequences * shotsPerSequence;
  }

  /**
   * The number of shot task types; every shot has one task of each.
   *
   * @return the shot task types (at most 10)
   */
  public int shotTaskTypes() {
    return shotTaskTypes;
  }

  /**
   * The number of assets.
   *
   * @return the assets
   */
  public int assets() {
    return assets;
  }

  /**
   * The number of asset task types; every asset has one task of each.
   *
   * @return the asset task types (at most 6)
   */
  public int assetTaskTypes() {
    return assetTaskTypes;
  }

  /**
   * The number of people besides the admin: managers, supervisors, artists and clients.
   *
   * @return the people
   */
  public int persons() {
    return persons;
  }

  /**
   * The number of tasks.
   *
   * @return shots × shot task types + assets × asset task types
   */
  public int tasks() {
    return shots() * shotTaskTypes + assets * assetTaskTypes;
  }
}
