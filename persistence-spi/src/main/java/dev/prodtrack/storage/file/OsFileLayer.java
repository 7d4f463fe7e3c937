package dev.prodtrack.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real file layer over {@link FileChannel}. Files are created {@code rw-------} and directories
 * {@code rwx------} where POSIX permissions exist; symbolic links are refused.
 *
 * <p>Locks: one {@link FileChannel} per lock file stays open for the store's lifetime (closing any
 * channel on a file may release every lock the JVM holds on it), and a static registry of canonical
 * paths refuses a second open in the same JVM before the operating system would.
 */
final class OsFileLayer implements FileLayer {

  static final OsFileLayer INSTANCE = new OsFileLayer();

  private static final Set<Path> LOCKED_IN_THIS_JVM = new HashSet<>();
  private static final boolean POSIX =
      java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");

  private OsFileLayer() {}

  @Override
  public Handle open(Path file, boolean create) throws IOException {
    Set<OpenOption> options = new HashSet<>();
    options.add(StandardOpenOption.READ);
    options.add(StandardOpenOption.WRITE);
    options.add(LinkOption.NOFOLLOW_LINKS);
    if (create) {
      options.add(StandardOpenOption.CREATE_NEW);
    }
    FileAttribute<?>[] attrs = create && POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    FileChannel channel = FileChannel.open(file, options, attrs);
    return new ChannelHandle(channel);
  }

  @Override
  public List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public boolean isSymbolicLink(Path path) {
    return Files.isSymbolicLink(path);
  }

  @Override
  public void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      if (POSIX) {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    try {
      Files.delete(file);
    } catch (NoSuchFileException e) {
      // already gone: deleting is idempotent
    }
  }

  @Override
  public void atomicMove(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    if (WINDOWS) {
      return; // directories cannot be opened on Windows; NTFS journals renames itself
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public Closeable lock(Path lockFile, String diagnostics) throws IOException {
    Path canonical = lockFile.toAbsolutePath().normalize();
    synchronized (LOCKED_IN_THIS_JVM) {
      if (!LOCKED_IN_THIS_JVM.add(canonical)) {
        throw new LockHeldException("the store is already open in this JVM (" + canonical + ")");
      }
    }
    FileChannel channel = null;
    try {
      Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      FileAttribute<?>[] attrs = POSIX
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
          : new FileAttribute<?>[0];
      channel = FileChannel.open(canonical, options, attrs);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new LockHeldException("the store is locked by another process (" + canonical + ")");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(diagnostics.getBytes(StandardCharsets.UTF_8)), 0);
      FileChannel held = channel;
      FileLock heldLock = lock;
      return () -> {
        try {
          heldLock.release();
        } finally {
          try {
            held.close();
          } finally {
            synchronized (LOCKED_IN_THIS_JVM) {
              LOCKED_IN_THIS_JVM.remove(canonical);
            }
          }
        }
      };
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      synchronized (LOCKED_IN_THIS_JVM) {
        LOCKED_IN_THIS_JVM.remove(canonical);
      }
      throw e;
    }
  }

  /** A handle over one channel. */
  private static final class ChannelHandle implements Handle {
    private final FileChannel channel;

    ChannelHandle(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      long pos = position;
      while (src.hasRemaining()) {
        pos += channel.write(src, pos);
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      channel.truncate(size);
    }

    @Override
    public void force(boolean metadata) throws IOException {
      channel.force(metadata);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
