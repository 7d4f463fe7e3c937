package dev.prodtrack.storage;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A store of opaque records, written in atomic change sets by a single writer.
 *
 * <p>Life cycle of an opened store: {@link #load(Consumer)} exactly once, to receive the records
 * committed by earlier sessions, then any number of {@link #commit(ChangeSet)} calls, then {@link
 * #close()}. How a store is opened, and reopened over the same content, is up to each adapter. The
 * engine serialises its calls: an adapter never sees two commits at the same time, but must tolerate
 * {@link #health()} being read from any thread.
 *
 * <p>Contract every adapter honours (checked by the conformance suite):
 * <ul>
 *   <li><b>Atomicity.</b> A change set is applied whole or not at all; a later {@code load} never
 *       sees part of one.</li>
 *   <li><b>Last write wins per key.</b> A record is identified by its {@link RecordKey}; a put
 *       replaces the previous payload, a delete removes the key.</li>
 *   <li><b>Acknowledged means kept.</b> Once {@code commit} returned, the change set is visible to
 *       every later {@code load} of the same store, as far as the adapter's
 *       {@linkplain #capabilities() durability capability} promises.</li>
 *   <li><b>Fail-stop.</b> A commit that throws {@link StorageException} leaves the store's visible
 *       content unchanged, or the store {@linkplain StoreHealth.State#FAILED failed}; a failed store
 *       refuses every further commit until it is reopened.</li>
 * </ul>
 */
public interface Store extends AutoCloseable {

  /**
   * What this adapter promises beyond the base contract.
   *
   * @return an immutable set, never null
   * @throws StorageException with reason {@link StorageException.Reason#CLOSED} if the store is closed
   */
  Set<Capability> capabilities();

  /**
   * Streams every live record to {@code sink}, in no particular order, then reports how the load went.
   * Called exactly once per opened store, before the first commit.
   *
   * @param sink receives each live record once; must not be null
   * @return a report of the load, never null
   * @throws NullPointerException if {@code sink} is null
   * @throws StorageException if the stored content cannot be read or is corrupt, or the store is closed
   *     (reason {@link StorageException.Reason#CLOSED})
   * @throws IllegalStateException if called a second time on this opened store
   */
  RecoveryReport load(Consumer<StoredRecord> sink);

  /**
   * Commits one change set atomically.
   *
   * @param changes the puts and deletes to apply; must not be null; may be empty
   * @return the sequence number given to this change set, strictly greater than every earlier one
   * @throws NullPointerException if {@code changes} is null; nothing is committed
   * @throws IllegalStateException if {@link #load(Consumer)} has not been called on this opened store;
   *     nothing is committed
   * @throws StorageException if the change set cannot be committed or the store is closed (reason
   *     {@link StorageException.Reason#CLOSED}); the store's content is then unchanged, and with
   *     reason {@link StorageException.Reason#FAILED} or {@link StorageException.Reason#IO} the store
   *     stays failed until reopened
   */
  long commit(ChangeSet changes);

  /**
   * The store's health, readable from any thread.
   *
   * @return the current health, never null
   */
  StoreHealth health();

  /**
   * Closes the store. Idempotent. Afterwards every call but {@code health} and {@code close} throws
   * {@link StorageException} with reason {@link StorageException.Reason#CLOSED}.
   */
  @Override
  void close();
}
