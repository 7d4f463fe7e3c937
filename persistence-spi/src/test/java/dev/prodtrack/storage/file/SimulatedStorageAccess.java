package dev.prodtrack.storage.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The bridge from {@link dev.prodtrack.storage.simulated.SimulatedStorage} (a package other modules'
 * tests can compile against) to the package-private simulated disk, write-ordering wrapper and store
 * internals of this package. Handles are passed as {@code Object}; not for direct use.
 */
public final class SimulatedStorageAccess {

  private SimulatedStorageAccess() {}

  /** A new empty simulated disk holding the directory {@code parent}. */
  public static Object newDisk(Path parent) {
    SimulatedDisk d = new SimulatedDisk();
    try {
      d.createDirectory(parent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return d;
  }

  /** Mutating operations of a disk so far. */
  public static long operations(Object disk) {
    return ((SimulatedDisk) disk).operations();
  }

  /** Cuts the power at mutating operation {@code n}. */
  public static void crashAt(Object disk, long n) {
    ((SimulatedDisk) disk).crashAt(n);
  }

  /** Whether the power was cut. */
  public static boolean powerLost(Object disk) {
    return ((SimulatedDisk) disk).powerLost();
  }

  /** The disk a reboot finds, with damage kind {@code damage} (modulo the number of kinds). */
  public static Object afterPowerLoss(Object disk, int damage, Random rnd) {
    SimulatedDisk.Damage[] kinds = SimulatedDisk.Damage.values();
    return ((SimulatedDisk) disk).afterPowerLoss(kinds[Math.floorMod(damage, kinds.length)], rnd);
  }

  /** A new write-ordering checker (T9) over a disk. */
  public static Object checker(Object disk) {
    return new OrderCheckingLayer((SimulatedDisk) disk);
  }

  /** Opens a store through a checker. */
  public static FileStore open(Path dir, FileStoreOptions options, Object checker) {
    return FileStore.open(dir, options, (OrderCheckingLayer) checker);
  }

  /** Tells a checker that change sets up to {@code seq} were acknowledged. */
  public static void acknowledged(Object checker, long seq) {
    ((OrderCheckingLayer) checker).acknowledged(seq);
  }

  /** Throws if the checker recorded a violation. */
  public static void assertNoViolations(Object checker) {
    ((OrderCheckingLayer) checker).assertNoViolations();
  }

  /** The checks a checker ran. */
  public static long checks(Object checker) {
    return ((OrderCheckingLayer) checker).checks();
  }

  /** Drops a store without closing it, as a crash would. */
  public static void abandon(FileStore store) {
    store.abandon();
  }

  /** The last change set a store wrote. */
  public static long lastSequence(FileStore store) {
    return store.lastSequence();
  }
}
