package org.qingshan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QingshanMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Map<String, ToolCommand> tools =
      Map.of(
          "plan import",
          (args, in, o, e) -> {
            o.print("plan:" + String.join(",", args));
            return 0;
          },
          "aqi",
          (args, in, o, e) -> {
            o.print("aqi:" + String.join(",", args));
            return 1;
          });

  private int run(String... args) {
    return new QingshanMain(tools)
        .run(
            List.of(args),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: qingshan", "demo", "serve");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("usage: qingshan");
  }

  @Test
  void unknownCommandIsOneLineThenUsage() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err().lines().findFirst())
        .contains("qingshan frobnicate: unknown command 'frobnicate'");
    assertThat(err()).contains("usage: qingshan");
  }

  @Test
  void badFlagOfServeIsAUsageError() {
    assertThat(run("serve", "--colour", "green")).isEqualTo(2);
    assertThat(err()).startsWith("qingshan serve: unknown option '--colour'");
  }

  @Test
  void theDemoNeverWritesIntoAnotherDatabase() {
    assertThat(run("demo", "--db-url", "jdbc:postgresql://db/qingshan")).isEqualTo(2);
    assertThat(err()).contains("embedded database only");
  }

  @Test
  void portMustBeANumber() {
    assertThat(run("demo", "--port", "eighty")).isEqualTo(2);
    assertThat(err()).contains("--port must be a port number");
    assertThat(run("serve", "--port")).isEqualTo(2);
    assertThat(err()).contains("needs a value");
  }

  @Test
  void toolsAreDispatchedByOneOrTwoWordsWithTheirExitCode() {
    assertThat(run("plan", "import", "a.docx", "--json")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("plan:a.docx,--json");
    assertThat(run("aqi", "--hourly")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("aqi:--hourly");
  }

  @Test
  void twoWordCommandWithoutItsSecondWordIsAUsageError() {
    assertThat(run("plan")).isEqualTo(2);
    assertThat(err()).contains("missing or unknown sub-command");
    assertThat(run("plan", "export")).isEqualTo(2);
  }
}
