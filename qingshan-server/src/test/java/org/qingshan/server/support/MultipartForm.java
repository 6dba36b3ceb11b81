package org.qingshan.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A form with fields and an optional file posted as a browser does, with the session's token. */
public final class MultipartForm {
  private MultipartForm() {}

  public static HttpResponse<String> post(
      int port,
      WebSession session,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] content) {
    String boundary = "----qingshan" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    PrintStream w = new PrintStream(body, true, StandardCharsets.UTF_8);
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", session.csrfToken());
    all.forEach(
        (k, v) ->
            w.print(
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + k
                    + "\"\r\n\r\n"
                    + v
                    + "\r\n"));
    if (fileName != null) {
      w.print(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + fileField
              + "\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      w.write(content, 0, content.length);
      w.print("\r\n");
    }
    w.print("--" + boundary + "--\r\n");
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .header("Cookie", session.cookieHeader())
                  .header("Accept", "text/html")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
