package org.qingshan.server.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.standards.warning.WarningLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin enters the province's current warning thresholds; a bad table changes nothing. */
@DemoServerTest
class WarningSettingsHttpTest {
  static final String TABLE =
      """
      [shandong-2024]
      name = 山东省重污染天气应急预案（2024）
      source = 鲁政办字〔2024〕119号
      verified = true
      effective = 2024-09-14
      yellow = AQI>150 for 48h and AQI>200
      orange = AQI>150 for 72h and AQI>200 for 24h
      red = AQI>200 for 72h and AQI>300 for 24h | AQI>499 for 24h
      """;

  @LocalServerPort int port;
  @Autowired WarningSettings settings;

  @AfterEach
  void backToBuiltIn() {
    settings.reset();
  }

  @Test
  void anAdminSavesTheCurrentTableAndItIsInForce() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/settings/warnings");
    HttpResponse<String> saved = admin.post("/settings/warnings", Map.of("text", TABLE));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(settings.inForce().id()).isEqualTo("shandong-2024");
    assertThat(settings.inForce().rule(WarningLevel.RED)).isPresent();
    String page =
        WebSession.loggedIn(port, "leader", "qingshan2026").get("/settings/warnings").body();
    assertThat(page).as(page).contains("山东省重污染天气应急预案（2024）（现行）", "鲁政办字〔2024〕119号", "红色预警");
    assertThat(admin.get("/audit?entity=warning-thresholds").body()).contains("shandong-2024");
  }

  @Test
  void aBadTableIsRefusedWithTheLineAndNothingChanges() {
    String before = settings.inForce().id();
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/settings/warnings");
    HttpResponse<String> r =
        admin.post("/settings/warnings", Map.of("text", "[x]\nname = 测试\nyellow = AQI>>abc\n"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("格式有误").doesNotContain("Exception");
    assertThat(settings.inForce().id()).isEqualTo(before);
  }

  @Test
  void onlyAnAdminChangesThem() {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    assertThat(planner.get("/settings/warnings").statusCode()).isEqualTo(200);
    assertThat(planner.post("/settings/warnings", Map.of("text", TABLE)).statusCode())
        .isEqualTo(403);
    assertThat(settings.customised()).isFalse();
  }
}
