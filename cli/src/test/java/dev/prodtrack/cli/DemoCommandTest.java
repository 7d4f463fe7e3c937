package dev.prodtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo command runs end to end on a small production and prints its three sections. */
class DemoCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void demo_smallProduction_printsTheDayAndTheThreeReports() {
    String[] r = run("demo", "--size", "S", "--seed", "7");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("Generated a S production")
        .contains("A day at the studio")
        .contains("starts").contains("retake").contains("back-dated")
        .contains("Tasks per status and task type")
        .contains("Todo list of")
        .contains("Late on");
  }

  @Test
  void demo_sameSeed_printsTheSameReport() {
    String a = run("demo", "--size", "TINY", "--seed", "3")[1].replaceAll("in [0-9,]+ ms", "");
    String b = run("demo", "--size", "TINY", "--seed", "3")[1].replaceAll("in [0-9,]+ ms", "");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void unknownOption_isOneClearErrorAndNonZero() {
    String[] r = run("demo", "--size", "HUGE");
    assertThat(r[0]).isNotEqualTo("0");
    assertThat(r[2]).contains("HUGE");
  }

  @Test
  void help_listsTheDemo() {
    String[] r = run("--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("demo");
  }
}
