package dev.prodtrack.storage.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary store directories for tests, under the build directory when there is one. */
final class TempDirs {
  private TempDirs() {}

  static Path create(String prefix) {
    try {
      Path target = Path.of("target");
      return Files.isDirectory(target) ? Files.createTempDirectory(target, prefix) : Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A directory on a RAM-backed file system when one is writable ({@code /dev/shm} on Linux), so that
   * the conformance suite's thousands of fsyncs cost nothing; the real file code still runs. Falls back
   * to {@link #create(String)}.
   */
  static Path createInMemory(String prefix) {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      try {
        return Files.createTempDirectory(shm, prefix);
      } catch (IOException e) {
        // fall back to the build directory
      }
    }
    return create(prefix);
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
