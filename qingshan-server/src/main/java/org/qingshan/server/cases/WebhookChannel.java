package org.qingshan.server.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Group robots (企业微信, 钉钉): each address of {@code qingshan.cases.webhooks} gets {@code
 * {"msgtype":"text","text":{"content":"…"}}}, the message both take. Sent on a thread of its own,
 * one notice after another; a robot that is down or answers an error is logged, not retried.
 */
@Component
public class WebhookChannel implements NotificationChannel {
  private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> urls;
  private final Duration timeout;
  private final HttpClient client;
  private final ExecutorService sender;

  @Autowired
  WebhookChannel(CaseSettings settings) {
    this(settings.webhooks(), Duration.ofSeconds(10));
  }

  WebhookChannel(List<String> urls, Duration timeout) {
    this.urls = urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "case-webhook");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void send(String text) {
    if (urls.isEmpty()) {
      return;
    }
    String body = body(text);
    sender.execute(() -> urls.forEach(url -> post(url, body)));
  }

  static String body(String text) {
    try {
      return JSON.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void post(String url, String body) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(timeout)
                  .header("Content-Type", "application/json; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        log.warn("webhook {} answered {}", host(url), r.statusCode());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("webhook {} not reached: {}", host(url), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The robot's host only: its address carries its secret key. */
  private static String host(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdown();
  }
}
