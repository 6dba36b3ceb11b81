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
import java.util.List;
import java.util.Map;

/**
 * A form with fields and files posted as a browser does (with the session's token) or as a phone's
 * script does (with a Bearer token).
 */
public final class MultipartForm {
  private MultipartForm() {}

  /** One file of the form. */
  public record Part(String name, String fileName, byte[] content) {}

  public static HttpResponse<String> post(
      int port,
      WebSession session,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] content) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", session.csrfToken());
    List<Part> files =
        fileName == null ? List.of() : List.of(new Part(fileField, fileName, content));
    return send(port, path, all, files, "Cookie", session.cookieHeader(), "text/html");
  }

  /** The form sent with {@code Authorization: Bearer token}, asking for JSON. */
  public static HttpResponse<String> bearer(
      int port, String token, String path, Map<String, String> fields, List<Part> files) {
    return send(port, path, fields, files, "Authorization", "Bearer " + token, "application/json");
  }

  private static HttpResponse<String> send(
      int port,
      String path,
      Map<String, String> fields,
      List<Part> files,
      String authHeader,
      String authValue,
      String accept) {
    String boundary = "----qingshan" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    PrintStream w = new PrintStream(body, true, StandardCharsets.UTF_8);
    fields.forEach(
        (k, v) ->
            w.print(
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + k
                    + "\"\r\n\r\n"
                    + v
                    + "\r\n"));
    for (Part p : files) {
      w.print(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + p.name()
              + "\"; filename=\""
              + p.fileName()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      w.write(p.content(), 0, p.content().length);
      w.print("\r\n");
    }
    w.print("--" + boundary + "--\r\n");
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .header(authHeader, authValue)
                  .header("Accept", accept)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
