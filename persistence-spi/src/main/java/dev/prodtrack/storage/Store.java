package dev.prodtrack.storage;

import java.util.Set;
import java.util.function.Consumer;

/**
 * A store of opaque records, written in atomic change sets by a single writer.
 *
 * <p>Life cycle of an opened store: {@link #load(Consumer)} exactly once, to receive the records
 * committed by earlier sessions, then any number of {@link #commit(ChangeSet)} calls, then {@link
 * #close()}. How a store is opened, and reopened over the same content, is up to each adapter. The
 * engine serialises its {@code commit} and {@code submit} calls (an adapter never sees two at the
 * same time), but may call {@link #awaitCommitted(long)} and {@link #health()} from any thread at
 * any time.
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
   * Queues one change set for commit and returns without waiting for it to become durable: the first
   * half of {@link #commit(ChangeSet)}, for callers that group their commits (the engine hands change
   * sets over in its commit order under its write lock, then waits outside it, so that many callers
   * share one fsync). The change set counts as committed only once {@link #awaitCommitted(long)} with
   * the returned number has returned normally.
   *
   * <p>Change sets are committed in the order of their sequence numbers: if one cannot be committed,
   * the store fails and no later one is committed either, so what a later {@link #load} sees is always
   * a prefix of the submitted change sets that contains every one whose {@code awaitCommitted}
   * returned. Until then a submitted change set is in doubt: a crash may keep or drop it, whole.
   *
   * <p>The default implementation commits synchronously ({@link #commit(ChangeSet)}); adapters that
   * can write several change sets with one sync override both this method and {@link
   * #awaitCommitted(long)}.
   *
   * @param changes the puts and deletes to apply; must not be null; may be empty
   * @return the sequence number given to this change set, strictly greater than every earlier one
   * @throws NullPointerException if {@code changes} is null; nothing is queued
   * @throws IllegalStateException if {@link #load(Consumer)} has not been called; nothing is queued
   * @throws StorageException as {@link #commit(ChangeSet)}, thrown before anything is queued (a
   *     failure of the write itself surfaces from {@link #awaitCommitted(long)})
   */
  default long submit(ChangeSet changes) {
    return commit(changes);
  }

  /**
   * Waits until the change set numbered {@code sequence}, and with it every earlier one, is committed
   * as far as the adapter's {@linkplain #capabilities() durability capability} promises (fsynced, for
   * {@link Capability#DURABLE_ON_COMMIT}). Returns at once for a sequence number already committed,
   * even after the store was closed or failed. Any thread may wait, for any number it was given by
   * {@link #submit(ChangeSet)} or {@link #commit(ChangeSet)}.
   *
   * <p>The default implementation returns at once: with the default {@link #submit(ChangeSet)} every
   * change set is committed when its number is returned.
   *
   * @param sequence a number returned by {@link #submit(ChangeSet)} or {@link #commit(ChangeSet)}
   * @throws StorageException with reason {@link StorageException.Reason#IO} or {@link
   *     StorageException.Reason#FAILED} if the change set can no longer be committed because the store
   *     failed (it stays failed until reopened; a later {@code load} does not see the change set
   *     unless the failed write reached the medium anyway), or {@link StorageException.Reason#CLOSED}
   *     if the store was closed without committing it
   */
  default void awaitCommitted(long sequence) {
    // commit and the default submit return only after the change set is committed
  }

  /**
   * The store's health, readable from any thread.
   *
   * @return the current health, never null
   */
  StoreHealth health();

  /**
   * Closes the store. Idempotent. Change sets already {@linkplain #submit(ChangeSet) submitted} are
   * committed first, unless the store failed. Afterwards every call but {@code health}, {@code close}
   * and {@code awaitCommitted} of a committed change set throws {@link StorageException} with reason
   * {@link StorageException.Reason#CLOSED}.
   */
  @Override
  void close();
}
