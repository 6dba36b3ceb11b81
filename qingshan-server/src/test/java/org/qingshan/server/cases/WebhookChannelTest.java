package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group-robot channel against a real local HTTP server: the JSON 企业微信 and 钉钉 robots take, sent
 * off the caller's thread to every address; a robot answering an error or not there at all is
 * logged and the others still get it.
 */
class WebhookChannelTest {
  private HttpServer server;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> types = new LinkedBlockingQueue<>();

  /** Whether the robot's answer waited for the test's release (not for its own time-out). */
  private final BlockingQueue<Boolean> released = new LinkedBlockingQueue<>();

  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void robot() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/robot/send",
        exchange -> {
          types.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try {
            // Answers only once the sender returned: a sender that waited would hold it up.
            released.add(release.await(15, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.createContext(
        "/broken",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void postsTheRobotsTextMessageToEveryAddressOffTheCallersThread() throws Exception {
    String down = "http://127.0.0.1:" + closedPort() + "/robot/send";
    WebhookChannel channel =
        new WebhookChannel(
            List.of(url("/broken"), down, url("/robot/send?key=secret"), " "),
            Duration.ofSeconds(30));
    channel.send("【督办】案件 2026-0001「河道排污」严重超期");
    release.countDown();
    String body = received.poll(20, TimeUnit.SECONDS);
    assertThat(body).isNotNull();
    JsonNode json = new ObjectMapper().readTree(body);
    assertThat(json.get("msgtype").asText()).isEqualTo("text");
    assertThat(json.get("text").get("content").asText()).isEqualTo("【督办】案件 2026-0001「河道排污」严重超期");
    assertThat(json.size()).isEqualTo(2);
    assertThat(types.poll(20, TimeUnit.SECONDS)).startsWith("application/json");

    // a second notice still goes out after the failures
    channel.send("第二条");
    assertThat(
            new ObjectMapper()
                .readTree(received.poll(20, TimeUnit.SECONDS))
                .path("text")
                .path("content")
                .asText())
        .isEqualTo("第二条");
    assertThat(released.poll(20, TimeUnit.SECONDS)).isTrue();
    channel.stop();
  }

  @Test
  void withoutAddressesNothingIsSent() throws Exception {
    WebhookChannel channel = new WebhookChannel(List.of(), Duration.ofSeconds(1));
    channel.send("无人接收");
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    channel.stop();
  }
}
