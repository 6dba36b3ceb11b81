package org.qingshan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher reaches the real tools of the pure modules. */
class ToolCommandsTest {
  @Test
  void everyToolOfTheCommandLineContractIsWired() {
    assertThat(ToolCommands.all())
        .containsOnlyKeys("plan import", "aqi", "water", "hj212 check", "hj212 replay");
  }

  @Test
  void aqiRunsThroughTheLauncher() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String csv = "time,so2,no2,pm10,co,o3,o3_8h,pm25\n2026-05-01,10,30,60,0.8,,120,40\n";
    int code =
        new QingshanMain(ToolCommands.all())
            .run(
                List.of("aqi"),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElse(""))
        .startsWith("2026-05-01,")
        .endsWith(",HJ633-2026");
  }
}
