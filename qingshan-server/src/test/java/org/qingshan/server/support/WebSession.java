package org.qingshan.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user at a browser, over real HTTP: cookies, the CSRF token the pages carry, no redirects
 * followed so tests can see where the server sends them.
 */
public final class WebSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final String base;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private String csrf = "";

  public WebSession(int port) {
    this("127.0.0.1", port);
  }

  /** A browser on another address of this machine ({@code [::1]}, say). */
  public WebSession(String host, int port) {
    this.base = "http://" + host + ":" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public static WebSession loggedIn(int port, String username, String password) {
    WebSession s = new WebSession(port);
    HttpResponse<String> r = s.login(username, password);
    if (r.statusCode() != 302 || !location(r).endsWith("/")) {
      throw new AssertionError("login of " + username + " failed: " + location(r));
    }
    s.get("/"); // the CSRF token changes at login: take the new one
    return s;
  }

  public HttpResponse<String> login(String username, String password) {
    get("/login");
    return post("/login", Map.of("username", username, "password", password));
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form post with the session's CSRF token, as the page's own form would send it. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.putIfAbsent("_csrf", csrf);
    return postRaw(path, fields);
  }

  /**
   * A form post from the page {@code page} (sent as its {@code Referer}, as a browser does), with
   * the session's CSRF token.
   */
  public HttpResponse<String> postFrom(String page, String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.putIfAbsent("_csrf", csrf);
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .header("Referer", base + page)
            .POST(HttpRequest.BodyPublishers.ofString(encoded(fields.entrySet()))));
  }

  private static String encoded(Collection<Map.Entry<String, String>> fields) {
    return fields.stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A file upload (multipart/form-data) with the session's CSRF token, as a browser sends it. */
  public HttpResponse<String> upload(String path, String field, String fileName, byte[] content) {
    String boundary = "----qingshan" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    PrintStream w = new PrintStream(body, true, StandardCharsets.UTF_8);
    w.print("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n");
    w.print(csrf + "\r\n");
    w.print(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\"");
    w.print(fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    w.write(content, 0, content.length);
    w.print("\r\n--" + boundary + "--\r\n");
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * A form post with fields that repeat (a table's rows: {@code name}, {@code department} once per
   * row), in the given order, with the session's CSRF token.
   */
  public HttpResponse<String> postRows(String path, List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> all = new ArrayList<>(fields);
    all.add(Map.entry("_csrf", csrf));
    return postForm(path, all);
  }

  /** A form post exactly as given: no CSRF token added. */
  public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
    return postForm(path, List.copyOf(fields.entrySet()));
  }

  private HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(encoded(fields))));
  }

  /** The {@code Cookie} header this session sends, for requests written by hand. */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  public String csrfToken() {
    return csrf;
  }

  public static String location(HttpResponse<?> r) {
    return r.headers().firstValue("Location").orElse("");
  }

  /** Asserts that the page sent the browser on (a 302, as after a form it accepted). */
  public static void redirected(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
