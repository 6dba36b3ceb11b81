package org.qingshan.server.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.AlarmChanged;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An open duty screen's event stream carries each changed alarm as the engine announces it. */
@DemoServerTest
class AlarmStreamHttpTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;

  @Test
  void anAnnouncedAlarmReachesAnOpenStream() throws Exception {
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/duty/events"))
                .header("Cookie", dispatcher.cookieHeader())
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (Exception e) {
                // closed at the end of the test
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));

      TestAlarms fixtures = new TestAlarms(jdbc);
      long enterprise =
          fixtures.enterprise(TestAlarms.unique("推送企业"), TestAlarms.unique("推送镇"), "水泥制造");
      long alarm =
          fixtures.alarm(
              fixtures.device(enterprise, TestAlarms.unique("QSPUSH")), "MAJOR", "OFFLINE", "离线");
      events.publishEvent(new AlarmChanged(alarm, AlarmStatus.OPEN, true));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  lines.stream()
                      .anyMatch(
                          l ->
                              l.startsWith("data:")
                                  && l.contains("\"id\":" + alarm)
                                  && l.contains("\"opened\":true")));
    } finally {
      stream.body().close();
    }
  }

  @Test
  void theStreamIsForThoseOnDutyOnly() {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    assertThat(planner.get("/duty/events").statusCode()).isEqualTo(403);
  }
}
