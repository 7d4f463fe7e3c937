package dev.prodtrack.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link FileLayer} that passes every operation to another one and fails the operations a test
 * chooses: the n-th counted operation once or forever, a write half-done, a full disk, a failing
 * fsync. Counts operations and checks that no write or fsync is issued after an fsync failed (the
 * store must never retry one).
 */
final class FaultyLayer implements FileLayer {

  /** What fails. */
  enum Kind {
    /** Any counted operation throws before doing anything. */
    ERROR,
    /** A write writes half of its bytes, then throws. */
    PARTIAL_WRITE,
    /** A write writes what fits (half), then throws "No space left on device". */
    DISK_FULL,
    /** An fsync (file or directory) throws. */
    FORCE_ERROR
  }

  private final FileLayer delegate;
  private long ops;
  private long failAt = Long.MAX_VALUE;
  private boolean forever;
  private Kind kind = Kind.ERROR;
  private long matching;
  private int failures;
  private boolean forceFailed;
  private int writesOrForcesAfterForceFailure;

  FaultyLayer(FileLayer delegate) {
    this.delegate = delegate;
  }

  /** Arms a fault: the {@code nth} matching operation from now on fails (and every later one if forever). */
  synchronized void failAt(long nth, boolean forever, Kind kind) {
    this.failAt = nth;
    this.forever = forever;
    this.kind = kind;
    this.matching = 0;
  }

  synchronized void disarm() {
    failAt = Long.MAX_VALUE;
  }

  synchronized long operations() {
    return ops;
  }

  synchronized int failures() {
    return failures;
  }

  synchronized int writesOrForcesAfterForceFailure() {
    return writesOrForcesAfterForceFailure;
  }

  synchronized void resetForceWatch() {
    forceFailed = false;
  }

  private enum Op { OTHER, WRITE, FORCE }

  /** Counts an operation; returns true if it must fail. */
  private synchronized boolean check(Op op) throws IOException {
    ops++;
    if (forceFailed && op != Op.OTHER) {
      writesOrForcesAfterForceFailure++;
    }
    boolean matches = switch (kind) {
      case ERROR -> true;
      case PARTIAL_WRITE, DISK_FULL -> op == Op.WRITE;
      case FORCE_ERROR -> op == Op.FORCE;
    };
    if (!matches) {
      return false;
    }
    matching++;
    if (matching == failAt || (forever && matching > failAt)) {
      failures++;
      if (op == Op.FORCE) {
        forceFailed = true;
      }
      if (kind == Kind.ERROR || kind == Kind.FORCE_ERROR) {
        throw new IOException("injected I/O error at operation " + ops);
      }
      return true;
    }
    return false;
  }

  @Override
  public Handle open(Path file, boolean create) throws IOException {
    check(Op.OTHER);
    Handle h = delegate.open(file, create);
    return new Handle() {
      @Override
      public long size() throws IOException {
        return h.size();
      }

      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        return h.read(dst, position);
      }

      @Override
      public void write(ByteBuffer src, long position) throws IOException {
        if (check(Op.WRITE)) {
          int half = src.remaining() / 2;
          ByteBuffer part = src.duplicate();
          part.limit(part.position() + half);
          h.write(part, position);
          throw new IOException(kind == Kind.DISK_FULL ? "No space left on device (injected)"
              : "injected failure after writing " + half + " of " + src.remaining() + " bytes");
        }
        h.write(src, position);
      }

      @Override
      public void truncate(long size) throws IOException {
        check(Op.WRITE);
        h.truncate(size);
      }

      @Override
      public void force(boolean metadata) throws IOException {
        check(Op.FORCE);
        h.force(metadata);
      }

      @Override
      public void close() throws IOException {
        h.close();
      }
    };
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    check(Op.OTHER);
    return delegate.list(dir);
  }

  @Override
  public boolean exists(Path path) throws IOException {
    return delegate.exists(path);
  }

  @Override
  public boolean isSymbolicLink(Path path) throws IOException {
    return delegate.isSymbolicLink(path);
  }

  @Override
  public void createDirectory(Path dir) throws IOException {
    check(Op.OTHER);
    delegate.createDirectory(dir);
  }

  @Override
  public void delete(Path file) throws IOException {
    check(Op.OTHER);
    delegate.delete(file);
  }

  @Override
  public void atomicMove(Path from, Path to) throws IOException {
    check(Op.OTHER);
    delegate.atomicMove(from, to);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    check(Op.FORCE);
    delegate.syncDirectory(dir);
  }

  @Override
  public Closeable lock(Path lockFile, String diagnostics) throws IOException {
    return delegate.lock(lockFile, diagnostics);
  }
}
