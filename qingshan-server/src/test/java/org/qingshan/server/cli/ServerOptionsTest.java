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

  @Test
  void bindSetsTheAddressOfThePagesAndTheGateway() throws Exception {
    ServerOptions o = ServerOptions.parse(List.of("--bind", "0.0.0.0"));
    assertThat(o.get("server.address")).contains("0.0.0.0");
    assertThat(o.get("qingshan.hj212.host")).contains("0.0.0.0");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--bind", "x --server.port=1")))
        .hasMessageContaining("--bind must be an address");
  }

  @Test
  void theDemoListensOnLoopbackUnlessBindOpensIt() throws Exception {
    Map<String, String> demo = QingshanMain.mode(ServerOptions.parse(List.of()), true);
    assertThat(demo).containsEntry("server.address", "127.0.0.1");
    assertThat(demo).containsEntry("qingshan.hj212.host", "127.0.0.1");
    ServerOptions open = ServerOptions.parse(List.of("--bind", "0.0.0.0"));
    assertThat(open.toSpringArgs(QingshanMain.mode(open, true)))
        .contains("--server.address=0.0.0.0", "--qingshan.hj212.host=0.0.0.0")
        .doesNotContain("--server.address=127.0.0.1");
    // serve keeps listening wherever the operator's configuration says.
    assertThat(QingshanMain.mode(ServerOptions.parse(List.of()), false))
        .doesNotContainKey("server.address");
  }
}
