package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Compiles and runs the README's example, so the first screen cannot rot. */
class ReadmeExampleTest {

  @Test
  void readmeExample_compilesAndPrintsItsPromisedResult() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher m = Pattern.compile("<!-- example[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("the README has an example block").isTrue();
    String body = m.group(1);
    assertThat(body.lines().count()).as("about fifteen lines").isBetween(10L, 20L);
    String source = """
        package readme;
        import dev.prodtrack.*;
        import dev.prodtrack.model.*;
        import dev.prodtrack.storage.memory.MemoryStore;
        import java.time.LocalDate;
        import java.util.*;
        public class Example {
          public static void main(String[] args) {
        """ + body + """
          }
        }
        """;
    Path out = Files.createTempDirectory("readme");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/Example.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignore) {
        return source;
      }
    };
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    var writer = new java.io.PrintWriter(diagnostics, true, StandardCharsets.UTF_8);
    boolean ok = javac.getTask(writer, null, null,
        List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")), null, List.of(file)).call();
    assertThat(ok).as("README example compiles:\n%s", diagnostics.toString(StandardCharsets.UTF_8)).isTrue();

    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream original = System.out;
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        loader.loadClass("readme.Example").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
      } finally {
        System.setOut(original);
      }
      assertThat(printed.toString(StandardCharsets.UTF_8).strip()).isEqualTo("1 to do, 1 late");
    }
  }
}
