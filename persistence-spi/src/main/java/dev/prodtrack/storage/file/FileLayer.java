package dev.prodtrack.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations {@link FileStore} performs, and nothing else: the seam through which tests
 * inject faults and simulate power loss. {@link OsFileLayer} is the real implementation.
 *
 * <p>Every method may throw {@link IOException}; the store treats any such error during a write, a
 * sync, a rename or a delete as fatal (fail-stop).
 */
interface FileLayer {

  /**
   * Opens a regular file for reading and writing, refusing symbolic links.
   *
   * @param file the file
   * @param create whether to create it (it must not exist then)
   * @return an open handle
   * @throws IOException if it cannot be opened
   */
  Handle open(Path file, boolean create) throws IOException;

  /**
   * The names of the entries of a directory, in no particular order.
   *
   * @param dir the directory
   * @return the names
   * @throws IOException if it cannot be listed
   */
  List<String> list(Path dir) throws IOException;

  /**
   * Whether a file or directory exists (without following a final symbolic link).
   *
   * @param path the path
   * @return true if it exists
   * @throws IOException if that cannot be told
   */
  boolean exists(Path path) throws IOException;

  /**
   * Whether a path is a symbolic link.
   *
   * @param path the path
   * @return true if it is a symbolic link
   * @throws IOException if that cannot be told
   */
  boolean isSymbolicLink(Path path) throws IOException;

  /**
   * Creates a directory (owner-only permissions where supported) unless it exists.
   *
   * @param dir the directory
   * @throws IOException if it cannot be created
   */
  void createDirectory(Path dir) throws IOException;

  /**
   * Deletes a file if it exists.
   *
   * @param file the file
   * @throws IOException if it cannot be deleted
   */
  void delete(Path file) throws IOException;

  /**
   * Renames a file atomically, replacing the target.
   *
   * @param from the source
   * @param to the target, in the same file system
   * @throws IOException if it cannot be renamed
   */
  void atomicMove(Path from, Path to) throws IOException;

  /**
   * Makes the creations, renames and deletions of entries in a directory durable.
   *
   * @param dir the directory
   * @throws IOException if the sync fails
   */
  void syncDirectory(Path dir) throws IOException;

  /**
   * Takes the exclusive lock of a store.
   *
   * @param lockFile the lock file, created if absent
   * @param diagnostics text written into the lock file for humans (pid, host, start time)
   * @return the held lock; closing it releases the lock
   * @throws LockHeldException if the lock is held by another process or another open store
   * @throws IOException if the lock file cannot be opened
   */
  Closeable lock(Path lockFile, String diagnostics) throws IOException;

  /** The lock of a store is held elsewhere. */
  final class LockHeldException extends IOException {
    private static final long serialVersionUID = 1L;

    LockHeldException(String message) {
      super(message);
    }
  }

  /** An open regular file. */
  interface Handle extends Closeable {

    /**
     * The file's size.
     *
     * @return the size in bytes
     * @throws IOException if it cannot be read
     */
    long size() throws IOException;

    /**
     * Reads up to {@code dst.remaining()} bytes at a position.
     *
     * @param dst where the bytes go
     * @param position the file position
     * @return the bytes read, -1 at the end of the file
     * @throws IOException if the read fails
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * Writes every remaining byte of {@code src} at a position.
     *
     * @param src the bytes
     * @param position the file position
     * @throws IOException if the write fails (some bytes may have been written)
     */
    void write(ByteBuffer src, long position) throws IOException;

    /**
     * Truncates the file.
     *
     * @param size the new size
     * @throws IOException if it fails
     */
    void truncate(long size) throws IOException;

    /**
     * Forces written content (and the file's metadata if asked) to stable storage.
     *
     * @param metadata whether to force the metadata too
     * @throws IOException if the sync fails; the store never retries it
     */
    void force(boolean metadata) throws IOException;
  }
}
