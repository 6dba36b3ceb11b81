package org.qingshan.server.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.TestEnterprises;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal API tokens end to end: an administrator issues one (shown once), a program calls the
 * JSON API with it as that user, without a session or a CSRF token; once revoked, the token gets
 * 401 in JSON and the refusal is on the audit record. Session callers keep using the CSRF token.
 */
@DemoServerTest
class ApiTokenHttpTest {
  private static final Pattern SECRET =
      Pattern.compile("<code class=\"token\">(qs_[A-Za-z0-9_-]+)</code>");
  private static final Pattern REVOKE = Pattern.compile("/api-tokens/(\\d+)/revoke");
  private static final String PASSWORD = "qingshan2026";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired UserRepository users;

  private static Map<String, String> newEnterprise(String name) {
    return Map.of("name", name, "creditCode", TestEnterprises.uniqueCreditCode().value());
  }

  /** Issues a token on the page and reads it back from the page it is shown on, once. */
  private static String issue(WebSession admin, String username, String name) {
    admin.get("/api-tokens");
    HttpResponse<String> posted =
        admin.post("/api-tokens", Map.of("username", username, "name", name));
    assertThat(posted.statusCode()).isEqualTo(302);
    String page = admin.get("/api-tokens").body();
    Matcher m = SECRET.matcher(page);
    assertThat(m.find()).as("the token is shown after issuing").isTrue();
    assertThat(page).contains("class=\"count\"").doesNotContain("导出 Excel");
    return m.group(1);
  }

  private long tokenId(WebSession admin, String name) {
    return jdbc.sql("SELECT id FROM api_token WHERE name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  @Test
  void aTokenActsAsItsUserWithoutSessionOrCsrfUntilRevoked() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    String name = "省平台对接 " + System.nanoTime();
    String secret = issue(admin, "admin", name);
    assertThat(admin.get("/api-tokens").body())
        .as("shown once only")
        .doesNotContain(secret)
        .contains(name, secret.substring(0, 10));
    String stored =
        jdbc.sql("SELECT token_hash FROM api_token WHERE name = :n")
            .param("n", name)
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(TokenSecrets.hash(secret)).doesNotContain(secret);

    JsonApi program = JsonApi.bearer(port, secret);
    HttpResponse<String> created = program.post("/api/v1/enterprises", newEnterprise("令牌企业"));
    long id = JsonApi.id(created);
    assertThat(created.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
    HttpResponse<String> read = program.get("/api/v1/enterprises/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Set-Cookie")).isEmpty();
    String actor =
        jdbc.sql(
                "SELECT actor FROM audit_entry WHERE entity_type = 'enterprise' AND entity_id = :id"
                    + " AND action = 'CREATE'")
            .param("id", String.valueOf(id))
            .query(String.class)
            .single();
    assertThat(actor).isEqualTo("admin");
    assertThat(
            jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE name = :n")
                .param("n", name)
                .query(Boolean.class)
                .single())
        .isTrue();

    long tokenId = tokenId(admin, name);
    assertThat(admin.post("/api-tokens/" + tokenId + "/revoke", Map.of()).statusCode())
        .isEqualTo(302);
    HttpResponse<String> refused = program.get("/api/v1/enterprises/" + id);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(JsonApi.read(refused).get("message").asText()).contains("令牌");

    String label = secret.substring(0, 10) + "…";
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'api-token' AND action ="
                        + " 'LOGIN_FAILED' AND actor = :label AND summary LIKE :why")
                .param("label", label)
                .param("why", "%已吊销%")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_entry WHERE entity_type = 'api-token' AND entity_id ="
                        + " :id ORDER BY id")
                .param("id", String.valueOf(tokenId))
                .query(String.class)
                .list())
        .containsExactly("CREATE", "UPDATE");
  }

  @Test
  void aTokenNobodyIssuedIsRefusedEvenWithAValidSession() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    HttpResponse<String> guess =
        JsonApi.bearer(port, "qs_guessed-" + System.nanoTime()).get("/api/v1/enterprises");
    assertThat(guess.statusCode()).isEqualTo(401);
    assertThat(guess.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(JsonApi.read(guess).get("status").asInt()).isEqualTo(401);
    assertThat(JsonApi.read(guess).get("errors").get(0).get("message").asText()).contains("令牌");

    // a bad token next to a good session cookie: the token is judged, not the session
    JsonApi both = JsonApi.withSession(port, admin);
    HttpResponse<String> mixed = JsonApi.bearer(port, "qs_nobody").get("/api/v1/enterprises");
    assertThat(mixed.statusCode()).isEqualTo(401);
    assertThat(both.get("/api/v1/enterprises").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutCredentialsTheApiAnswers401InsteadOfTheLoginPage() {
    HttpResponse<String> r = JsonApi.anonymous(port).get("/api/v1/enterprises");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JsonApi.read(r).get("message").asText()).contains("登录");
    assertThat(new WebSession(port).get("/devices").statusCode())
        .as("pages still redirect")
        .isEqualTo(302);
  }

  @Test
  void aSessionScriptUsesTheCsrfTokenOfThePageMetaTags() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    Map<String, String> meta = JsonApi.meta(admin.get("/").body());
    assertThat(meta).containsKeys("_csrf", "_csrf_header");
    assertThat(meta.get("_csrf_header")).isEqualTo("X-CSRF-TOKEN");

    HttpResponse<String> with =
        JsonApi.withSession(port, admin).post("/api/v1/enterprises", newEnterprise("会话企业"));
    assertThat(with.statusCode()).as(with.body()).isEqualTo(201);
    HttpResponse<String> without =
        JsonApi.sessionWithoutCsrf(port, admin).post("/api/v1/enterprises", newEnterprise("无令牌企业"));
    assertThat(without.statusCode()).isEqualTo(403);
  }

  @Test
  void aTokenCarriesItsUsersRolesNotMore() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    String secret = issue(admin, "liaison", "联络员只读 " + System.nanoTime());
    JsonApi liaison = JsonApi.bearer(port, secret);
    assertThat(liaison.get("/api/v1/enterprises").statusCode()).isEqualTo(200);
    assertThat(liaison.post("/api/v1/enterprises", newEnterprise("越权企业")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void onlyAdministratorsIssueTokens() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", PASSWORD);
    assertThat(liaison.get("/api-tokens").statusCode()).isEqualTo(403);
    assertThat(liaison.get("/").body()).doesNotContain("/api-tokens");
    assertThat(
            liaison.post("/api-tokens", Map.of("username", "liaison", "name", "自签")).statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = '自签'").query(Long.class).single())
        .isZero();

    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    admin.get("/api-tokens");
    admin.post("/api-tokens", Map.of("username", "nobody-here", "name", "无此人"));
    assertThat(admin.get("/api-tokens").body()).contains("没有用户名为「nobody-here」的用户");
  }

  @Test
  void aDisabledUsersTokenIsRefused() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    String username = "tok" + System.nanoTime();
    long id =
        users.insert(
            username,
            "对接程序",
            "{noop}x",
            Optional.empty(),
            Optional.empty(),
            false,
            Set.of(Role.DISPATCHER));
    JsonApi program = JsonApi.bearer(port, issue(admin, username, "停用前 " + username));
    assertThat(program.get("/api/v1/enterprises").statusCode()).isEqualTo(200);

    jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = :id").param("id", id).update();
    assertThat(program.get("/api/v1/enterprises").statusCode()).isEqualTo(401);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'api-token' AND action ="
                        + " 'LOGIN_FAILED' AND summary LIKE :why")
                .param("why", "%用户已停用%")
                .query(Long.class)
                .single())
        .isPositive();
  }

  /** The password a person must still choose stops the person's pages, not their program. */
  @Test
  void aTokenWorksForAUserWhoMustStillChangeTheirPassword() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    String username = "new" + System.nanoTime();
    users.insert(
        username, "新用户", "{noop}x", Optional.empty(), Optional.empty(), true, Set.of(Role.LEADER));
    JsonApi program = JsonApi.bearer(port, issue(admin, username, "新用户程序"));
    assertThat(program.get("/api/v1/enterprises").statusCode()).isEqualTo(200);
  }
}
