package dev.prodtrack.cli;

import dev.prodtrack.CorruptRecordException;
import dev.prodtrack.EngineRecords;
import dev.prodtrack.IdSource;
import dev.prodtrack.ProdTrack;
import dev.prodtrack.Session;
import dev.prodtrack.model.Person;
import dev.prodtrack.model.Role;
import dev.prodtrack.storage.StorageException;
import dev.prodtrack.storage.file.FileStore;
import dev.prodtrack.storage.file.FileStoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --store PATH} and {@code --as EMAIL} options shared by every command that reads or writes an
 * existing store: add it with {@code @Mixin StoreOptions store;} and call {@link #open()} in a
 * try-with-resources block.
 *
 * <p>Opening checks the directory first (missing, not a directory, not a prodtrack store) and maps the
 * store's {@link StorageException} reasons (locked, corrupt, unsupported version, unreadable) to one
 * line and exit code {@value ExitCode#USAGE}; a failure after opening is an operation failure (exit code
 * {@value ExitCode#FAILED}).
 */
public final class StoreOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--store", paramLabel = "PATH", required = true,
      description = "The store directory (a prodtrack file store, as written by `prodtrack import` or "
          + "`prodtrack demo --store`).")
  Path store;

  @Option(names = "--as", paramLabel = "EMAIL",
      description = "Act as the person with this e-mail (permissions are checked as Kitsu checks the "
          + "logged-in user). Default: the first active admin of the store, else its first active manager.")
  String as;

  /**
   * The store directory given.
   *
   * @return the path, never null after parsing
   */
  public Path path() {
    return store;
  }

  /**
   * Opens the store and the engine on it and resolves the acting person.
   *
   * @return the open store; the caller closes it
   * @throws CommandFailedException with exit code 2 if the directory is missing, not a store, locked,
   *     corrupt or of another format version, or if the acting person cannot be resolved (the store is
   *     closed again)
   */
  public OpenStore open() {
    requireStoreDirectory(store);
    ProdTrack engine = openEngine(store, Main.of(mixee));
    try {
      Person actor = resolveActor(engine, as);
      return new OpenStore(store, engine, engine.as(actor.id()));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /**
   * Opens the store and the engine on it without resolving an acting person (for whole-store tools such
   * as export, which read every record and need no session).
   *
   * @return the engine; closing it closes the store
   * @throws CommandFailedException with exit code 2 if the directory is missing, not a store, locked,
   *     corrupt or of another format version
   */
  public ProdTrack openEngine() {
    requireStoreDirectory(store);
    return openEngine(store, Main.of(mixee));
  }

  /**
   * Checks that {@code dir} is an existing prodtrack store directory.
   *
   * @param dir the directory
   * @throws CommandFailedException (exit code 2) naming the directory and what is wrong
   */
  static void requireStoreDirectory(Path dir) {
    if (!Files.exists(dir)) {
      throw CommandFailedException.usage("--store " + dir + ": no such directory");
    }
    if (!Files.isDirectory(dir)) {
      throw CommandFailedException.usage("--store " + dir + ": not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      boolean isStore = entries.map(p -> p.getFileName().toString()).anyMatch(name -> name.equals("store.lock")
          || (name.startsWith("journal-") && name.endsWith(".log"))
          || (name.startsWith("snapshot-") && name.endsWith(".snap")));
      if (!isStore) {
        throw CommandFailedException.usage("--store " + dir + ": not a prodtrack store (no journal, snapshot or "
            + "lock file); create one with `prodtrack import`");
      }
    } catch (IOException e) {
      throw CommandFailedException.usage("--store " + dir + ": cannot list the directory: " + e.getMessage());
    }
  }

  /**
   * Opens a file store and the engine on it, mapping storage failures to exit code 2.
   *
   * @param dir the directory
   * @param main the command line (its clock becomes the engine's clock)
   * @return the engine; closing it closes the store
   */
  static ProdTrack openEngine(Path dir, Main main) {
    FileStore fileStore;
    try {
      fileStore = FileStore.open(dir, FileStoreOptions.defaults());
    } catch (StorageException e) {
      throw CommandFailedException.usage(describe(dir, e));
    }
    try {
      return ProdTrack.builder().store(fileStore).clock(main.clock()).idSource(IdSource.random()).open();
    } catch (StorageException e) {
      fileStore.close();
      throw CommandFailedException.usage(describe(dir, e));
    } catch (CorruptRecordException e) {
      fileStore.close();
      throw CommandFailedException.usage("--store " + dir + ": the store is corrupt: " + e.getMessage());
    } catch (RuntimeException e) {
      fileStore.close();
      throw e;
    }
  }

  /**
   * One line describing a storage failure on opening, by reason.
   *
   * @param dir the store directory
   * @param e the failure
   * @return the message
   */
  static String describe(Path dir, StorageException e) {
    String what = switch (e.reason()) {
      case LOCKED -> "the store is locked: another prodtrack process has it open";
      case CORRUPT -> "the store is corrupt";
      case UNSUPPORTED_VERSION -> "the store was written in an unsupported format version";
      case IO -> "the store cannot be read or written";
      case CLOSED, FAILED, TOO_LARGE -> "the store cannot be opened";
    };
    return "--store " + dir + ": " + what + " (" + firstLine(e.getMessage()) + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * The acting person: the one with the e-mail given, or the first active admin (else manager) by
   * creation time.
   *
   * @param engine the engine
   * @param email the e-mail, nullable
   * @return the person
   * @throws CommandFailedException (exit code 2) if nobody matches or the person is inactive
   */
  static Person resolveActor(ProdTrack engine, String email) {
    List<Person> persons = new ArrayList<>();
    for (Object r : EngineRecords.records(engine)) {
      if (r instanceof Person p) {
        persons.add(p);
      }
    }
    persons.sort(Comparator.comparing(Person::createdAt).thenComparing(p -> p.id().value()));
    if (email != null) {
      for (Person p : persons) {
        if (p.email() != null && p.email().equalsIgnoreCase(email.strip())) {
          if (!p.active()) {
            throw CommandFailedException.usage("--as " + email + ": " + p.fullName() + " is inactive and cannot "
                + "log in");
          }
          return p;
        }
      }
      throw CommandFailedException.usage("--as " + email + ": nobody in the store has this e-mail");
    }
    for (Role role : List.of(Role.ADMIN, Role.MANAGER)) {
      for (Person p : persons) {
        if (p.role() == role && p.active() && !p.bot()) {
          return p;
        }
      }
    }
    throw CommandFailedException.usage("the store has no active admin or manager: pass --as EMAIL");
  }

  /**
   * A store opened by {@link #open()}: the engine and a session as the acting person. Closing it closes
   * the engine and the store (releasing the lock).
   *
   * @param path the store directory
   * @param engine the engine on the store
   * @param session the session of the acting person
   */
  public record OpenStore(Path path, ProdTrack engine, Session session) implements AutoCloseable {
    /** Closes the engine and its store. */
    @Override
    public void close() {
      engine.close();
    }
  }
}
