package dev.prodtrack.cli;

import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Builds small stores on disk for command tests, through the engine on a {@link FileStore}. */
final class TestStores {
  private TestStores() {}

  /**
   * Generates a seeded production of the given size into a new file store in {@code dir} and closes it.
   *
   * @param dir the store directory (absent or empty)
   * @param size the size
   * @param seed the generator seed
   * @return what was generated (ids of the people, project, tasks...)
   */
  static Production generate(Path dir, Size size, long seed) {
    return generate(dir, size, seed, (engine) -> { });
  }

  /**
   * Generates a production, lets the test add to it with the same engine, then closes the store.
   *
   * @param dir the store directory
   * @param size the size
   * @param seed the generator seed
   * @param more what to add (runs on the generator's clock, as the admin or anyone)
   * @return what was generated
   */
  static Production generate(Path dir, Size size, long seed, Consumer<ProdTrack> more) {
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    FileStore store = FileStore.open(dir, FileStoreOptions.defaults().withFsync(FileStoreOptions.FsyncPolicy.NONE));
    try (ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(seed)).open()) {
      Production p = ProductionGenerator.generate(engine, clock, size, seed);
      more.accept(engine);
      return p;
    }
  }

  /**
   * Opens a store written by {@link #generate} again (for checks after a command ran).
   *
   * @param dir the store directory
   * @return the engine; the caller closes it
   */
  static ProdTrack open(Path dir) {
    return ProdTrack.builder().store(FileStore.open(dir)).clock(CliRun.CLOCK).idSource(IdSource.seeded(99)).open();
  }
}
