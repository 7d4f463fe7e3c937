package dev.prodtrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.model.Comment;
import dev.prodtrack.model.Task;
import dev.prodtrack.model.TaskId;
import dev.prodtrack.model.TaskStatusId;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import dev.prodtrack.testkit.GeneratorClock;
import dev.prodtrack.testkit.Production;
import dev.prodtrack.testkit.ProductionGenerator;
import dev.prodtrack.testkit.Size;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on a {@link FileStore}: what it writes is what it reads back after a close. */
class FileStoreEngineTest {

  private static final long SEED = 11;
  private Path dir;

  @BeforeEach
  void createDir() throws IOException {
    dir = TestDirs.create("engine-filestore");
  }

  @AfterEach
  void deleteDir() throws IOException {
    TestDirs.delete(dir);
  }

  private static FileStoreOptions options() {
    return FileStoreOptions.defaults().withSources(ProductionGenerator.DEFAULT_CLOCK, new Random(SEED));
  }

  private ProdTrack open(GeneratorClock clock, FileStoreOptions options) {
    return ProdTrack.builder().store(FileStore.open(dir, options)).clock(clock).idSource(IdSource.seeded(SEED + 1))
        .open();
  }

  @Test
  void reopen_afterGenerationAndCompaction_givesAnIdenticalStateDigest() {
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    FileStore store = FileStore.open(dir, options().withAutoSnapshot(false, 0));
    ProdTrack engine = ProdTrack.builder().store(store).clock(clock).idSource(IdSource.seeded(SEED)).open();
    Production production = ProductionGenerator.generate(engine, clock, Size.TINY, SEED);
    store.compact();
    TaskStatusId wfa = production.defaults().wfa().id();
    TaskId task = production.shotTasks().get(0);
    Comment c = engine.as(production.managers().get(0)).task().addComment(task, wfa, "after the snapshot");
    String digest = engine.stateDigest();
    long lastSequence = store.recoveryReport().lastSequence();
    engine.close();

    ProdTrack again = open(clock, options());
    try {
      assertThat(again.stateDigest()).isEqualTo(digest);
      assertThat(again.recoveryReport().lastSequence()).isGreaterThan(lastSequence);
      again.checkInvariants();
      Task reloaded = again.as(production.managers().get(0)).task().getTask(task);
      assertThat(reloaded.taskStatusId()).isEqualTo(c.taskStatusId());
    } finally {
      again.close();
    }
  }

  @Test
  void sameSeed_onFileStoreAndMemoryStore_givesTheSameDigest() {
    ProductionGenerator.Generated inMemory = ProductionGenerator.generateInNewEngine(Size.TINY, SEED);
    String memoryDigest = inMemory.engine().stateDigest();
    inMemory.engine().close();
    GeneratorClock clock = new GeneratorClock(ProductionGenerator.DEFAULT_NOW);
    ProdTrack onFile = ProdTrack.builder().store(FileStore.open(dir, options())).clock(clock)
        .idSource(IdSource.seeded(SEED)).open();
    ProductionGenerator.generate(onFile, clock, Size.TINY, SEED);
    String fileDigest = onFile.stateDigest();
    onFile.close();

    assertThat(fileDigest).isEqualTo(memoryDigest);
    ProdTrack reopened = open(clock, options());
    try {
      assertThat(reopened.stateDigest()).isEqualTo(memoryDigest);
    } finally {
      reopened.close();
    }
  }
}
