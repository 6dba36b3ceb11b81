package org.qingshan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
  @Test
  void flagsBecomeCommandLinePropertiesAfterTheModeSoTheyWin() throws Exception {
    ServerOptions o =
        ServerOptions.parse(List.of("--port", "9090", "--db-url=jdbc:postgresql://db/q"));
    assertThat(o.toSpringArgs(Map.of("qingshan.demo", "true")))
        .containsExactly(
            "--qingshan.demo=true",
            "--server.port=9090",
            "--qingshan.db.url=jdbc:postgresql://db/q");
  }

  @Test
  void aFlagReplacesTheDefaultOfTheSamePropertyInsteadOfRepeatingIt() throws Exception {
    ServerOptions o = ServerOptions.parse(List.of("--data-dir", "/srv/qingshan"));
    assertThat(o.toSpringArgs(Map.of("qingshan.data-dir", "/home/x/data")))
        .containsExactly("--qingshan.data-dir=/srv/qingshan");
  }

  @Test
  void portOutOfRangeIsRefused() {
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--port", "70000")))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--hj212-port=0")))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void positionalArgumentsAreRefused() {
    assertThatThrownBy(() -> ServerOptions.parse(List.of("extra")))
        .hasMessageContaining("unknown option 'extra'");
  }
}
