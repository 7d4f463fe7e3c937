package dev.prodtrack.storage;

import java.util.List;

/**
 * Optional interface of a {@link Store} that can take records before they are encoded, and encodes
 * them only when it needs their bytes. A store that keeps its content on the heap needs no bytes while
 * the session lasts; a writer that checks {@code store instanceof DeferredEncoding} saves encoding every
 * record on its write path.
 *
 * <p>A deferred commit follows the {@link Store} contract exactly as {@link Store#commit(ChangeSet)}
 * does (atomicity, last write wins per key, fail-stop, sequence numbers shared with plain commits); a
 * later {@link Store#load} streams each deferred record as a {@link StoredRecord} of its {@linkplain
 * DeferredRecord#key() key} and {@linkplain DeferredRecord#encode() bytes}.
 */
public interface DeferredEncoding {

  /**
   * Commits puts and deletes atomically, as {@link Store#commit(ChangeSet)} does.
   *
   * @param puts the records to put, with distinct identities; must not be null
   * @param deletes the records to delete (only their identity and key are read), with identities
   *     distinct from each other and from the puts'; must not be null
   * @return the sequence number given to this change set
   * @throws NullPointerException if a list is null; nothing is committed
   * @throws IllegalStateException as {@link Store#commit(ChangeSet)}
   * @throws StorageException as {@link Store#commit(ChangeSet)}
   */
  long commitDeferred(List<? extends DeferredRecord> puts, List<? extends DeferredRecord> deletes);

  /**
   * Offers the decoded form of records that this handle's {@link Store#load} streamed, so that a store
   * which keeps its content on the heap can drop their bytes and hold the reader's objects instead, as if
   * they had been committed through {@link #commitDeferred}. This is not a commit: it gives out no sequence
   * number and changes no content, only how the content is held. Each record must encode to bytes that
   * decode to the same record as the bytes the load streamed for its key; a record whose key the store
   * does not hold as loaded bytes is ignored.
   *
   * <p>The default does nothing: a store may ignore the offer.
   *
   * @param records the decoded records, with distinct identities; must not be null
   * @throws NullPointerException if {@code records} is null
   * @throws IllegalStateException if called before the load, or after a commit of this handle
   * @throws StorageException with reason {@link StorageException.Reason#CLOSED} if the store is closed
   */
  default void keepDecoded(List<? extends DeferredRecord> records) {
    java.util.Objects.requireNonNull(records, "records");
  }
}
