package dev.prodtrack.storage;

/**
 * Opens the stores of one adapter over one content, for {@link StoreConformanceTest}: each fixture
 * stands for one empty store location (a directory, a map on the heap) that the suite opens, closes
 * and opens again.
 *
 * <p>An adapter's test supplies a new fixture per test through {@link
 * StoreConformanceTest#newFixture()}. Optional hooks return {@code false} (or throw {@link
 * UnsupportedOperationException}) when the adapter does not support them; the suite then skips the
 * tests that need them, except where a declared {@link Capability} makes the hook mandatory.
 *
 * <p>Fixtures are used from one thread at a time.
 */
public interface StoreFixture extends AutoCloseable {

  /**
   * Opens a new store over this fixture's content: the first call opens the empty content, later
   * calls reopen what earlier stores committed. The suite closes (or {@linkplain #crash(Store)
   * crashes}) the previous store first, except in tests of {@link Capability#EXCLUSIVE_LOCK}, which
   * expect a second open to be refused with {@link StorageException.Reason#LOCKED}.
   *
   * @return an open store on which {@link Store#load} has not been called yet, never null
   */
  Store open();

  /**
   * Arms a fault so that the next {@link Store#commit} of {@code store} fails as an I/O error would:
   * it throws {@link StorageException} with reason {@link StorageException.Reason#IO}, and the store
   * becomes {@linkplain StoreHealth.State#FAILED failed}. An adapter that writes in several steps
   * should fail part-way, after some bytes were written, to exercise its atomicity.
   *
   * @param store a store opened by this fixture and loaded
   * @return true if the fault is armed; false (the default) if the adapter has no fault hook, in
   *     which case the suite skips the fault tests
   */
  default boolean failNextCommit(Store store) {
    return false;
  }

  /**
   * Abandons {@code store} as a killed process would: no flush and no close, but whatever the
   * operating system releases at process death (file locks, descriptors) is released, so that
   * {@link #open()} can open the content again. Required of adapters that declare {@link
   * Capability#DURABLE_ON_COMMIT}.
   *
   * @param store a store opened by this fixture; unusable afterwards
   * @throws UnsupportedOperationException by default
   */
  default void crash(Store store) {
    throw new UnsupportedOperationException("this fixture cannot simulate a crash; a fixture of an"
        + " adapter declaring DURABLE_ON_COMMIT must override StoreFixture.crash");
  }

  /**
   * Releases what the fixture holds (temporary directories, for example), after the suite closed
   * every store it opened. Does nothing by default.
   */
  @Override
  default void close() {}
}
