package org.qingshan.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A CSRF token altered in transit or by hand is a refusal, not a server error. */
@DemoServerTest
@ExtendWith(OutputCaptureExtension.class)
class CsrfHttpTest {
  private static final String[] GARBAGE = {
    "!!not-base64!!", "%%%", "YQ", "a", "////", "\u00e9\u00e9", notUtf8WhenUnmasked()
  };

  /**
   * The length of a real token (a UUID's 36 bytes, masked by 36 random ones), but unmasked to bytes
   * that are no UTF-8: Spring Security's decoding of this one throws.
   */
  private static String notUtf8WhenUnmasked() {
    byte[] b = new byte[72];
    Arrays.fill(b, 36, 72, (byte) 0xFF);
    return Base64.getUrlEncoder().encodeToString(b);
  }

  @LocalServerPort int port;

  @Test
  void aTokenThatDoesNotDecodeIsA403PageWhenLoggedIn(CapturedOutput output) {
    WebSession s = WebSession.loggedIn(port, "planner", "qingshan2026");
    for (String token : GARBAGE) {
      HttpResponse<String> r = s.post("/contacts/new", Map.of("_csrf", token, "name", "x"));
      assertThat(r.statusCode()).as(token).isEqualTo(403);
      assertThat(r.body()).contains("没有权限").doesNotContain("Exception");
    }
    assertThat(output.getAll()).doesNotContain("Exception", "threw exception");
  }

  @Test
  void aTokenThatDoesNotDecodeIsRefusedWithoutALogin(CapturedOutput output) {
    WebSession s = new WebSession(port);
    s.get("/login");
    for (String token : GARBAGE) {
      HttpResponse<String> r =
          s.post("/login", Map.of("_csrf", token, "username", "planner", "password", "x"));
      assertThat(r.statusCode()).as(token).isEqualTo(403);
      assertThat(r.body()).doesNotContain("Exception");
    }
    assertThat(output.getAll()).doesNotContain("Exception", "threw exception");
  }
}
