package dev.prodtrack.storage.simulated;

import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.storage.file.SimulatedStorageAccess;
import java.nio.file.Path;
import java.util.Random;

/**
 * A simulated disk with power-loss semantics and the T9 write-ordering checker, for tests in other
 * modules (whose test code cannot see the package-private test classes of {@code
 * dev.prodtrack.storage.file}): open {@link FileStore}s on it, cut the power at any mutating I/O
 * operation, and reboot onto the disk a power loss leaves, with one of the simulated damage kinds.
 */
public final class SimulatedStorage {

  private final Object disk;

  private SimulatedStorage(Object disk) {
    this.disk = disk;
  }

  /**
   * An empty disk.
   *
   * @param parent the directory that exists on it (stores go in a child of it)
   * @return the disk
   */
  public static SimulatedStorage create(Path parent) {
    return new SimulatedStorage(SimulatedStorageAccess.newDisk(parent));
  }

  /**
   * Mutating I/O operations so far.
   *
   * @return the count
   */
  public long operations() {
    return SimulatedStorageAccess.operations(disk);
  }

  /**
   * Cuts the power at a mutating operation: it and every later one fail.
   *
   * @param n the operation, counted from the disk's creation (1-based); {@code Long.MAX_VALUE} disarms
   */
  public void crashAt(long n) {
    SimulatedStorageAccess.crashAt(disk, n);
  }

  /**
   * Whether the power was cut.
   *
   * @return true once the crash point was reached
   */
  public boolean powerLost() {
    return SimulatedStorageAccess.powerLost(disk);
  }

  /**
   * The disk a reboot finds if the power went now.
   *
   * @param damage which damage to unsynced data (modulo the number of kinds)
   * @param rnd the randomness of the damage
   * @return the new disk
   */
  public SimulatedStorage afterPowerLoss(int damage, Random rnd) {
    return new SimulatedStorage(SimulatedStorageAccess.afterPowerLoss(disk, damage, rnd));
  }

  /**
   * Opens a store on this disk through a new write-ordering checker.
   *
   * @param dir the store directory
   * @param options the options
   * @return the store and its checker
   */
  public Opened open(Path dir, FileStoreOptions options) {
    Object checker = SimulatedStorageAccess.checker(disk);
    return new Opened(SimulatedStorageAccess.open(dir, options, checker), checker);
  }

  /** A store opened on the disk, with the checker that watches its I/O. */
  public static final class Opened {
    private final FileStore store;
    private final Object checker;

    private Opened(FileStore store, Object checker) {
      this.store = store;
      this.checker = checker;
    }

    /**
     * The store.
     *
     * @return the store
     */
    public FileStore store() {
      return store;
    }

    /**
     * Records that the store acknowledged change sets up to {@code seq}, checking they are durable.
     *
     * @param seq the sequence number acknowledged
     */
    public void acknowledged(long seq) {
      SimulatedStorageAccess.acknowledged(checker, seq);
    }

    /** Throws {@link AssertionError} if a write-ordering violation was seen. */
    public void assertNoViolations() {
      SimulatedStorageAccess.assertNoViolations(checker);
    }

    /**
     * The write-ordering checks run.
     *
     * @return the count
     */
    public long checks() {
      return SimulatedStorageAccess.checks(checker);
    }

    /** Drops the store without closing it, as a crash does. */
    public void abandon() {
      SimulatedStorageAccess.abandon(store);
    }

    /**
     * The last change set the store wrote.
     *
     * @return its sequence number
     */
    public long lastSequence() {
      return SimulatedStorageAccess.lastSequence(store);
    }
  }
}
