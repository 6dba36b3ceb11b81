package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every answer says truly what it is, and tells other sites no more than our origin. */
@DemoServerTest
class ResponseTypesHttpTest {
  @LocalServerPort int port;

  @Test
  void pagesCarryAReferrerPolicy() {
    HttpResponse<String> r = new WebSession(port).get("/login");
    assertThat(r.headers().firstValue("Referrer-Policy"))
        .contains("strict-origin-when-cross-origin");
  }

  @Test
  void theErrorPageOfATextDownloadIsHtml() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> r =
        send(admin, "/devices/999999/raw.txt?cn=2011&day=2026-01-01", "text/html,*/*;q=0.8");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("<!DOCTYPE html>", "记录不存在");
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  @Test
  void aDataRequestOfAPageScriptGetsItsErrorAsJson() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> missing =
        send(admin, "/devices/999999/series?factor=a01", "application/json");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(missing.body()).contains("\"message\":\"记录不存在\"").doesNotContain("<html");

    HttpResponse<String> bad =
        send(admin, "/devices/999999/series?factor=a01&hours=abc", "application/json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(bad.body()).contains("请求参数不正确");
  }

  private HttpResponse<String> send(WebSession session, String path, String accept)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .header("Cookie", session.cookieHeader())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
