package dev.prodtrack;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Id;
import dev.prodtrack.storage.DeferredRecord;
import dev.prodtrack.storage.RecordKey;

/**
 * A record written by a transaction, handed to a {@link dev.prodtrack.storage.DeferredEncoding} store
 * unencoded: its key and bytes are made only if the store asks. Its identity is the record's typed id
 * (equal typed ids, equal kinds and keys). A delete carries no record.
 */
final class PendingRecord implements DeferredRecord {
  private final Id id;
  private final Object record;
  private final long order;

  /**
   * A put.
   *
   * @param id the record's id
   * @param record the model record
   * @param order the comment's posting order (ignored for other records)
   */
  PendingRecord(Id id, Object record, long order) {
    this.id = id;
    this.record = record;
    this.order = order;
  }

  /**
   * A delete.
   *
   * @param id the deleted record's id
   */
  PendingRecord(Id id) {
    this(id, null, 0);
  }

  @Override
  public Object identity() {
    return id;
  }

  @Override
  public RecordKey key() {
    return new RecordKey(record == null ? ProdTrack.kindOfId(id) : RecordCodec.kindOf(record), id.value().toString());
  }

  @Override
  public byte[] encode() {
    if (record == null) {
      throw new IllegalStateException("a delete has no payload: " + id);
    }
    return record instanceof Comment c ? RecordCodec.encodeStoredComment(c, order) : RecordCodec.encodeStored(record);
  }

  @Override
  public String toString() {
    return (record == null ? "delete " : "put ") + key();
  }
}
