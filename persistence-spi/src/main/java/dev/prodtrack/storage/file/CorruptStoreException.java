package dev.prodtrack.storage.file;

import dev.prodtrack.storage.StorageException;

/**
 * Recovery found corruption that is not a torn tail, and the {@linkplain
 * FileStoreOptions.CorruptionPolicy corruption policy} is {@link
 * FileStoreOptions.CorruptionPolicy#FAIL}. Its {@link #reason()} is {@link StorageException.Reason#CORRUPT};
 * nothing was changed on disk.
 */
public final class CorruptStoreException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final long expectedSequence;

  CorruptStoreException(String file, long offset, long expectedSequence, String message) {
    super(Reason.CORRUPT, message);
    this.file = file;
    this.offset = offset;
    this.expectedSequence = expectedSequence;
  }

  /**
   * The file where the corruption starts.
   *
   * @return its name within the store directory
   */
  public String file() {
    return file;
  }

  /**
   * Where in {@link #file()} the first bad byte range starts.
   *
   * @return the byte offset
   */
  public long offset() {
    return offset;
  }

  /**
   * The sequence number recovery expected at {@link #offset()}; every change set before it verified.
   *
   * @return the sequence number
   */
  public long expectedSequence() {
    return expectedSequence;
  }
}
