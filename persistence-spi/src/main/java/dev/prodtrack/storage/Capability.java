package dev.prodtrack.storage;

/** What an adapter promises beyond the base contract of {@link Store}. */
public enum Capability {
  /** Committed change sets survive the process (the adapter writes to stable storage). */
  PERSISTENT,
  /** A commit returns only after the change set reached stable storage (fsync covered it). */
  DURABLE_ON_COMMIT,
  /** A torn tail left by a crash is repaired on open and reported. */
  CRASH_RECOVERY,
  /** The adapter can write snapshots and compact its history. */
  SNAPSHOTS,
  /** Only one open instance may use the underlying storage at a time; a second open is refused. */
  EXCLUSIVE_LOCK
}
