package org.qingshan.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload is judged by its headers: refused ones are answered while the client still has most of
 * the body to send, so nobody can make the server receive and store 50 MB without a login.
 */
@DemoServerTest
class UploadGateHttpTest {
  /** Larger than the plan import's limit (20 MB), smaller than the old global one (50 MB). */
  private static final long BODY = 40L * 1024 * 1024;

  @LocalServerPort int port;

  @Test
  void anUploadWithoutALoginIsRefusedBeforeItsBodyIsRead() throws Exception {
    Answer a = upload("/plans/import", "", BODY);
    assertThat(a.bytesSent()).as("bytes sent when answered").isLessThan(BODY / 2);
    assertThat(a.status()).isEqualTo(401);
  }

  @Test
  void anUploadFromAUserWithoutTheRoleIsRefusedBeforeItsBodyIsRead() throws Exception {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    Answer a = upload("/plans/import", liaison.cookieHeader(), BODY);
    assertThat(a.bytesSent()).isLessThan(BODY / 2);
    assertThat(a.status()).isEqualTo(403);
  }

  @Test
  void aPageThatTakesNoFilesRefusesAMultipartBody() throws Exception {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    Answer a = upload("/contacts", planner.cookieHeader(), BODY);
    assertThat(a.bytesSent()).isLessThan(BODY / 2);
    assertThat(a.status()).isEqualTo(415);
  }

  @Test
  void aPlanLargerThanTheImportsLimitIsRefusedBeforeItIsRead() throws Exception {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    Answer a = upload("/plans/import", planner.cookieHeader(), BODY);
    assertThat(a.bytesSent()).isLessThan(BODY / 2);
    assertThat(a.status()).isEqualTo(413);
  }

  @Test
  void aTooLargePlanGetsAChineseMessageNamingTheLimit() throws Exception {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    assertThat(planner.get("/plans/import").body())
        .contains("data-max-bytes=\"20971520\"", "最多接受 20 MB");
    Answer a = upload("/plans/import", planner.cookieHeader(), BODY);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.page()).contains("上传的文件太大：此处最多接受 20 MB").doesNotContain("Exception");
  }

  @Test
  void anUploadWithinTheLimitStillImports() {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    planner.get("/plans/import");
    byte[] plan = "示范县规划\n一、总体要求\n1.推进超低排放改造。（县工信局牵头）\n".getBytes(StandardCharsets.UTF_8);
    var r = planner.upload("/plans/import", "file", "规划.txt", plan);
    assertThat(WebSession.location(r)).endsWith("/plans/import");
  }

  /** The status, the bytes of the body sent when it came, and the answer's text as far as read. */
  record Answer(int status, long bytesSent, String page) {}

  /**
   * Sends a multipart request of {@code length} bytes from a second thread while this one waits for
   * the answer; returns its status and how much of the body had been sent by then.
   */
  private Answer upload(String path, String cookie, long length) throws Exception {
    String boundary = "qingshan-gate";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    String request =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: "
            + length
            + "\r\nAccept: text/html\r\n"
            + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n")
            + "\r\n";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      AtomicLong sent = new AtomicLong();
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                try {
                  out.write(head);
                  sent.addAndGet(head.length);
                  long filler = length - head.length - tail.length;
                  while (filler > 0) {
                    int n = (int) Math.min(chunk.length, filler);
                    out.write(chunk, 0, n);
                    sent.addAndGet(n);
                    filler -= n;
                  }
                  out.write(tail);
                  sent.addAndGet(tail.length);
                  out.flush();
                } catch (IOException refusedMidway) {
                  // The server closed the connection: what the test expects of a refusal.
                }
              });
      writer.setDaemon(true);
      writer.start();
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      long sentWhenAnswered = sent.get();
      String page = readPage(in);
      socket.close();
      writer.join();
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), sentWhenAnswered, page);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).trim();
  }

  /** The rest of the answer up to the end of its page (the server may reset the connection). */
  private static String readPage(InputStream in) {
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) != -1) {
        page.write(b);
        if (b == '>' && page.toString(StandardCharsets.UTF_8).endsWith("</html>")) {
          break;
        }
      }
    } catch (IOException reset) {
      // What was read before the reset is what a browser shows.
    }
    return page.toString(StandardCharsets.UTF_8);
  }
}
