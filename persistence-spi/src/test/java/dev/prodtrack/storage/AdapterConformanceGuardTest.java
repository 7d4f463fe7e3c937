package dev.prodtrack.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodtrack.storage.memory.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Fails when a {@link Store} adapter of this module has no conformance test: every concrete class
 * implementing {@code Store} among the module's main classes needs a concrete test class named after
 * it with the suffix {@code Test}, in the same package, that extends {@link StoreConformanceTest},
 * is not disabled and declares no method named like one of the suite's tests.
 */
class AdapterConformanceGuardTest {

  @Test
  void mainClasses_everyStoreAdapter_hasConformanceTest() {
    List<Class<?>> adapters = storeAdaptersIn(Store.class);

    assertThat(adapters).as("the scan finds the stock adapters").contains(MemoryStore.class);
    List<String> problems = adapters.stream()
        .flatMap(a -> problemsOf(a).stream())
        .collect(Collectors.toList());
    assertThat(problems).as("adapters without a conformance test").isEmpty();
  }

  @Test
  void problemsOf_adapterWithoutTest_isReported() {
    assertThat(problemsOf(UncoveredStore.class))
        .singleElement().asString()
        .contains(UncoveredStore.class.getName() + "Test")
        .contains("no test class");
  }

  @Test
  void problemsOf_testNotExtendingSuite_isReported() {
    assertThat(problemsOf(UnrelatedStore.class))
        .singleElement().asString().contains("does not extend StoreConformanceTest");
  }

  @Test
  void problemsOf_testShadowingSuiteMethodOrDisabled_isReported() {
    assertThat(problemsOf(SkippingStore.class))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("is disabled"))
        .anySatisfy(p -> assertThat(p).contains("load_emptyStore_streamsNothingAndReportsZero"));
  }

  @Test
  void problemsOf_conformingAdapter_isEmpty() {
    assertThat(problemsOf(MemoryStore.class)).isEmpty();
  }

  /** Every concrete {@code Store} class in the classes directory or jar that holds {@code anchor}. */
  private static List<Class<?>> storeAdaptersIn(Class<?> anchor) {
    Path location;
    try {
      location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the main classes of " + anchor, e);
    }
    List<String> classNames = Files.isDirectory(location) ? classNamesInDirectory(location) : classNamesInJar(location);
    assertThat(classNames).as("class files under %s", location).isNotEmpty();
    List<Class<?>> adapters = new ArrayList<>();
    for (String name : classNames) {
      Class<?> c = load(name, anchor.getClassLoader());
      if (c != null && Store.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
        adapters.add(c);
      }
    }
    return adapters;
  }

  private static List<String> classNamesInDirectory(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString())
          .map(AdapterConformanceGuardTest::toClassName)
          .filter(n -> n != null)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> classNamesInJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return Collections.list(file.entries()).stream()
          .map(e -> e.getName())
          .filter(n -> n.endsWith(".class"))
          .map(AdapterConformanceGuardTest::toClassName)
          .filter(n -> n != null)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code a/b/C.class} to {@code a.b.C}; null for module and package descriptors. */
  private static String toClassName(String path) {
    String name = path.replace('\\', '/');
    name = name.substring(0, name.length() - ".class".length());
    if (name.endsWith("module-info") || name.endsWith("package-info") || name.startsWith("META-INF/")) {
      return null;
    }
    return name.replace('/', '.');
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("class file found but class not loadable: " + name, e);
    }
  }

  /** What keeps {@code adapter}'s test from running the whole suite; empty if nothing does. */
  static List<String> problemsOf(Class<?> adapter) {
    String testName = adapter.getName() + "Test";
    Class<?> test;
    try {
      test = Class.forName(testName, false, adapter.getClassLoader());
    } catch (ClassNotFoundException e) {
      return List.of(adapter.getName() + ": no test class " + testName + " on the test class path;"
          + " write one that extends StoreConformanceTest");
    }
    if (!StoreConformanceTest.class.isAssignableFrom(test)) {
      return List.of(testName + " does not extend StoreConformanceTest");
    }
    List<String> problems = new ArrayList<>();
    if (Modifier.isAbstract(test.getModifiers())) {
      problems.add(testName + " is abstract, so it never runs");
    }
    Set<String> suiteTests = Arrays.stream(StoreConformanceTest.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Test.class))
        .map(Method::getName)
        .collect(Collectors.toSet());
    for (Class<?> c = test; c != StoreConformanceTest.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Disabled.class)) {
        problems.add(c.getName() + " is disabled");
      }
      for (Method m : c.getDeclaredMethods()) {
        if (suiteTests.contains(m.getName())) {
          problems.add(c.getName() + " declares " + m.getName() + ", shadowing the suite's test");
        }
      }
    }
    return problems;
  }

  /** An adapter with no test at all. */
  static final class UncoveredStore extends AbstractFakeStore {}

  /** An adapter whose test does not extend the suite. */
  static final class UnrelatedStore extends AbstractFakeStore {}

  /** Its test does not extend the suite (never run by itself: surefire skips nested classes). */
  static final class UnrelatedStoreTest {}

  /** An adapter whose test tries to skip part of the suite. */
  static final class SkippingStore extends AbstractFakeStore {}

  /** Disabled, and shadows a suite test (never run by itself: surefire skips nested classes). */
  @Disabled("fixture of the guard's own test")
  static final class SkippingStoreTest extends StoreConformanceTest {
    @Override
    protected StoreFixture newFixture() {
      throw new UnsupportedOperationException();
    }

    void load_emptyStore_streamsNothingAndReportsZero() {}
  }

  /** The do-nothing part shared by the fake adapters above. */
  abstract static class AbstractFakeStore implements Store {
    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public RecoveryReport load(Consumer<StoredRecord> sink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long commit(ChangeSet changes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StoreHealth health() {
      return StoreHealth.OK;
    }

    @Override
    public void close() {}
  }
}
