package dev.prodtrack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories for tests that open file stores: under {@code target/} when it exists, so they stay on the build's disk. */
final class TestDirs {
  private TestDirs() {}

  /**
   * A new empty directory.
   *
   * @param prefix the start of its name
   * @return the directory
   * @throws IOException if it cannot be made
   */
  static Path create(String prefix) throws IOException {
    Path target = Path.of("target");
    return Files.isDirectory(target) ? Files.createTempDirectory(target, prefix) : Files.createTempDirectory(prefix);
  }

  /**
   * Deletes a directory and everything under it.
   *
   * @param dir the directory
   * @throws IOException if something cannot be deleted
   */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
