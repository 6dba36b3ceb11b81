package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.web.Messages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifications of the running application wired to a robot on a real local HTTP server: a new
 * case and a 督办 reach it in the robot's JSON, a dispatch (in-app only) does not.
 */
@DemoServerTest
class CaseWebhookHttpTest {
  @Autowired CaseService cases;
  @Autowired CaseRepository repository;
  @Autowired NotificationRepository notifications;
  @Autowired Messages messages;
  @Autowired Clock clock;
  @Autowired ZoneId zone;

  @Test
  void newAndEscalatedCasesReachTheGroupRobot() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    HttpServer robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    robot.createContext(
        "/cgi-bin/webhook/send",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    robot.start();
    WebhookChannel channel =
        new WebhookChannel(
            List.of(
                "http://127.0.0.1:"
                    + robot.getAddress().getPort()
                    + "/cgi-bin/webhook/send?key=test"),
            Duration.ofSeconds(10));
    CaseNotifications notices =
        new CaseNotifications(repository, notifications, List.of(channel), messages, clock, zone);
    try {
      CaseFile c =
          cases.open(
              NewCase.of("化工园区异味", CaseType.ODOUR, CaseSource.PATROL, Severity.MAJOR, "夜间异味明显"),
              "grid",
              StepInput.text(""));
      notices.changed(
          new CaseChanged(c.id(), CaseAction.REGISTER, Optional.empty(), c.status(), "grid"));
      notices.changed(
          new CaseChanged(c.id(), CaseAction.DISPATCH, Optional.of(c.status()), c.status(), "x"));
      notices.changed(
          new CaseChanged(
              c.id(), CaseAction.SUPERVISE, Optional.of(c.status()), c.status(), "system"));

      ObjectMapper json = new ObjectMapper();
      String first =
          json.readTree(received.poll(20, TimeUnit.SECONDS)).path("text").path("content").asText();
      String second =
          json.readTree(received.poll(20, TimeUnit.SECONDS)).path("text").path("content").asText();
      assertThat(first).isEqualTo("新案件 " + c.caseNo() + "「化工园区异味」待受理");
      assertThat(second).startsWith("【督办】案件 " + c.caseNo());
      assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("a dispatch is not sent").isNull();
    } finally {
      channel.stop();
      robot.stop(0);
    }
  }
}
