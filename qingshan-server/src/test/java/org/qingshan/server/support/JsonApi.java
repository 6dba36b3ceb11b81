package org.qingshan.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program calling the JSON API over real HTTP: either with a personal token ({@code Bearer}) and
 * no cookies at all, or riding a browser's {@link WebSession} with the CSRF token and header name a
 * page's {@code <meta>} tags carry, as a page's script would.
 */
public final class JsonApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern META =
      Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> headers = new LinkedHashMap<>();

  private JsonApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A program holding a personal API token. */
  public static JsonApi bearer(int port, String token) {
    JsonApi api = new JsonApi(port);
    api.headers.put("Authorization", "Bearer " + token);
    return api;
  }

  /** No credentials at all. */
  public static JsonApi anonymous(int port) {
    return new JsonApi(port);
  }

  /** A page's script: the session's cookie, and the CSRF token from the page's meta tags. */
  public static JsonApi withSession(int port, WebSession session) {
    JsonApi api = new JsonApi(port);
    api.headers.put("Cookie", session.cookieHeader());
    Map<String, String> meta = meta(session.get("/").body());
    api.headers.put(meta.get("_csrf_header"), meta.get("_csrf"));
    return api;
  }

  /** The session's cookie only: a script that forgot the CSRF token (or another site's form). */
  public static JsonApi sessionWithoutCsrf(int port, WebSession session) {
    JsonApi api = new JsonApi(port);
    api.headers.put("Cookie", session.cookieHeader());
    return api;
  }

  /** The page's {@code _csrf} and {@code _csrf_header} meta tags. */
  public static Map<String, String> meta(String page) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = META.matcher(page);
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, Object body) {
    return send(request(path).POST(json(body)));
  }

  public HttpResponse<String> put(String path, Object body) {
    return send(request(path).PUT(json(body)));
  }

  /** A body sent exactly as given, such as text that is not JSON. */
  public HttpResponse<String> postRaw(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The id of a 201 answer's body. */
  public static long id(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "expected 201, got " + response.statusCode() + ": " + response.body());
    }
    return read(response).get("id").asLong();
  }

  /** The message of the error about a field, if the answer names that field. */
  public static Optional<String> error(HttpResponse<String> response, String field) {
    for (JsonNode e : read(response).path("errors")) {
      if (field.equals(e.path("field").asText())) {
        return Optional.of(e.path("message").asText());
      }
    }
    return Optional.empty();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json");
    headers.forEach(b::header);
    return b;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
