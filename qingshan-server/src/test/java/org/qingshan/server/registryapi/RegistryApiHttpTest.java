package org.qingshan.server.registryapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.CreditCode;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.TestEnterprises;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The registry's JSON API as an integrator uses it: an administrator's script (session and CSRF
 * token) registers an enterprise, an outlet, its limits and a device the gateway then knows; every
 * bad field is answered with the field and a Chinese message, nothing half-stored; an enterprise
 * user asking for another enterprise's record is refused and audited.
 */
@DemoServerTest
class RegistryApiHttpTest {
  private static final String PASSWORD = "qingshan2026";
  private static final Pattern SECRET =
      Pattern.compile("<code class=\"token\">(qs_[A-Za-z0-9_-]+)</code>");

  @LocalServerPort int port;
  @Autowired DeviceRegistry devices;
  @Autowired EnterpriseRepository enterprises;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  private JsonApi admin;

  @BeforeEach
  void adminScript() {
    admin = JsonApi.withSession(port, WebSession.loggedIn(port, "admin", PASSWORD));
  }

  /** A valid credit code no other test uses. */
  static String newCreditCode() {
    return TestEnterprises.uniqueCreditCode().value();
  }

  private long enterprise(String name) {
    return JsonApi.id(
        admin.post("/api/v1/enterprises", Map.of("name", name, "creditCode", newCreditCode())));
  }

  private long outlet(long enterpriseId, String code, String kind) {
    return JsonApi.id(
        admin.post(
            "/api/v1/enterprises/" + enterpriseId + "/outlets",
            Map.of("code", code, "name", code + " 排口", "kind", kind)));
  }

  private static Map<String, Object> limit(
      String factor, Object limit, String averaging, boolean corrected, Object referenceO2) {
    Map<String, Object> m = new HashMap<>();
    m.put("factor", factor);
    m.put("limit", limit);
    m.put("unit", "mg/m3");
    m.put("averaging", averaging);
    m.put("corrected", corrected);
    m.put("referenceO2", referenceO2);
    return m;
  }

  @Test
  void anAdministratorsScriptRegistersAnEnterpriseWithOutletLimitsAndDevice() {
    String code = newCreditCode();
    HttpResponse<String> created =
        admin.post("/api/v1/enterprises", Map.of("name", "接口热电有限公司", "creditCode", code));
    long id = JsonApi.id(created);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/enterprises/" + id);

    long outletId = outlet(id, "da001", "gas");
    HttpResponse<String> limits =
        admin.put(
            "/api/v1/outlets/" + outletId + "/limits",
            List.of(
                limit("a21026", 35, "hour", true, 6),
                limit("a21026", 50, "realtime", true, 6),
                limit("a34013", 10, "day", false, null)));
    assertThat(limits.statusCode()).as(limits.body()).isEqualTo(200);

    String mn = "API" + System.nanoTime();
    long deviceId =
        JsonApi.id(
            admin.post(
                "/api/v1/devices",
                Map.of("mn", mn, "password", "pw-api", "st", "31", "outletId", outletId)));
    assertThat(devices.authenticate(mn, "pw-api").name()).isEqualTo("ACCEPTED");
    assertThat(devices.byMn(mn).orElseThrow().id()).isEqualTo(deviceId);

    JsonNode enterprise = JsonApi.read(admin.get("/api/v1/enterprises/" + id));
    assertThat(enterprise.get("creditCode").asText()).isEqualTo(code);
    assertThat(enterprise.get("outlets").get(0).get("code").asText()).isEqualTo("DA001");
    assertThat(enterprise.get("outlets").get(0).get("kind").asText()).isEqualTo("gas");

    JsonNode outlet = JsonApi.read(admin.get("/api/v1/outlets/" + outletId));
    assertThat(outlet.get("limits")).hasSize(3);
    assertThat(outlet.get("devices").get(0).asText()).isEqualTo(mn);
    JsonNode hour = outlet.get("limits").get(0);
    assertThat(hour.get("factor").asText()).isEqualTo("a21026");
    assertThat(hour.get("averaging").asText()).isEqualTo("hour");
    assertThat(hour.get("referenceO2").asDouble()).isEqualTo(6.0);
    assertThat(hour.get("corrected").asBoolean()).isTrue();

    JsonNode page = JsonApi.read(admin.get("/api/v1/enterprises?q=" + code));
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);

    List<String> audited =
        jdbc.sql(
                "SELECT entity_type || ':' || action FROM audit_entry WHERE (entity_type IN"
                    + " ('enterprise', 'outlet') AND entity_id IN (:e, :o)) OR (entity_type ="
                    + " 'device' AND entity_id = :d) ORDER BY id")
            .param("e", String.valueOf(id))
            .param("o", String.valueOf(outletId))
            .param("d", String.valueOf(deviceId))
            .query(String.class)
            .list();
    assertThat(audited)
        .contains(
            "enterprise:CREATE",
            "outlet:CREATE",
            "outlet:UPDATE",
            "device:CREATE",
            "device:UPDATE");
  }

  @Test
  void replacingLimitsReplacesThemAll() {
    long outletId = outlet(enterprise("限值替换企业"), "DA001", "gas");
    admin.put(
        "/api/v1/outlets/" + outletId + "/limits",
        List.of(
            limit("a21026", 35, "hour", false, null), limit("a21002", 50, "hour", false, null)));
    HttpResponse<String> second =
        admin.put(
            "/api/v1/outlets/" + outletId + "/limits",
            List.of(limit("a21026", 30, "day", false, null)));
    assertThat(second.statusCode()).isEqualTo(200);
    JsonNode limits = JsonApi.read(admin.get("/api/v1/outlets/" + outletId)).get("limits");
    assertThat(limits).hasSize(1);
    assertThat(limits.get(0).get("limit").asDouble()).isEqualTo(30.0);
  }

  @Test
  void aCreditCodeWithAWrongCheckDigitIsRefusedWithTheFieldAndAChineseMessage() {
    String good = newCreditCode();
    char wrong = good.charAt(17) == '0' ? '1' : '0';
    HttpResponse<String> r =
        admin.post(
            "/api/v1/enterprises",
            Map.of("name", "校验位错误企业", "creditCode", good.substring(0, 17) + wrong));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(r, "creditCode")).hasValue("统一社会信用代码校验位不正确");

    HttpResponse<String> malformed =
        admin.post("/api/v1/enterprises", Map.of("name", "", "creditCode", "12345"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(malformed, "creditCode").orElseThrow()).contains("18 位");
    assertThat(JsonApi.error(malformed, "name")).hasValue("请填写企业名称");
  }

  @Test
  void aCreditCodeRegisteredTwiceIsAConflict() {
    String code = newCreditCode();
    JsonApi.id(admin.post("/api/v1/enterprises", Map.of("name", "先登记企业", "creditCode", code)));
    HttpResponse<String> again =
        admin.post("/api/v1/enterprises", Map.of("name", "后登记企业", "creditCode", code));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JsonApi.error(again, "creditCode").orElseThrow()).contains(code, "已登记");
    assertThat(enterprises.findByCreditCode(new CreditCode(code)).orElseThrow().name())
        .isEqualTo("先登记企业");
  }

  @Test
  void badOutletsAreRefused() {
    long id = enterprise("排口校验企业");
    HttpResponse<String> kind =
        admin.post(
            "/api/v1/enterprises/" + id + "/outlets",
            Map.of("code", "DA001", "name", "烟囱", "kind", "smoke"));
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(kind, "kind").orElseThrow()).contains("gas", "water");

    outlet(id, "DW001", "water");
    HttpResponse<String> twice =
        admin.post(
            "/api/v1/enterprises/" + id + "/outlets",
            Map.of("code", "DW001", "name", "又一个", "kind", "water"));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(JsonApi.error(twice, "code")).isPresent();

    // the registry's rule for the pages and the Excel import holds here too: DA is gas, DW water
    HttpResponse<String> mismatched =
        admin.post(
            "/api/v1/enterprises/" + id + "/outlets",
            Map.of("code", "DA002", "name", "烟囱", "kind", "water"));
    assertThat(mismatched.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(mismatched, "code").orElseThrow()).contains("DA002", "废气");

    HttpResponse<String> nobody =
        admin.post(
            "/api/v1/enterprises/99999999/outlets",
            Map.of("code", "DA001", "name", "烟囱", "kind", "gas"));
    assertThat(nobody.statusCode()).isEqualTo(404);
    assertThat(JsonApi.error(nobody, "id").orElseThrow()).contains("不存在");
  }

  @Test
  void impossibleLimitsAreRefusedAndNothingChanges() {
    long outletId = outlet(enterprise("限值校验企业"), "DA001", "gas");
    admin.put(
        "/api/v1/outlets/" + outletId + "/limits",
        List.of(limit("a21026", 35, "hour", false, null)));

    HttpResponse<String> negative =
        admin.put(
            "/api/v1/outlets/" + outletId + "/limits",
            List.of(
                limit("a21002", 50, "hour", false, null),
                limit("a21026", -1, "hour", false, null)));
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(negative, "[1].limit")).hasValue("限值不能为负数");

    HttpResponse<String> oxygen =
        admin.put(
            "/api/v1/outlets/" + outletId + "/limits",
            List.of(limit("a21026", 35, "hour", true, 21)));
    assertThat(oxygen.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(oxygen, "[0].referenceO2").orElseThrow()).contains("21");

    HttpResponse<String> averaging =
        admin.put(
            "/api/v1/outlets/" + outletId + "/limits",
            List.of(limit("a21026", 35, "week", false, null)));
    assertThat(averaging.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(averaging, "[0].averaging").orElseThrow())
        .contains("realtime", "hour", "day");

    HttpResponse<String> noOxygen =
        admin.put(
            "/api/v1/outlets/" + outletId + "/limits",
            List.of(limit("a21026", 35, "hour", true, null)));
    assertThat(noOxygen.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(noOxygen, "[0].referenceO2")).isPresent();

    JsonNode limits = JsonApi.read(admin.get("/api/v1/outlets/" + outletId)).get("limits");
    assertThat(limits).hasSize(1);
    assertThat(limits.get(0).get("factor").asText()).isEqualTo("a21026");

    HttpResponse<String> nowhere =
        admin.put(
            "/api/v1/outlets/99999999/limits", List.of(limit("a21026", 35, "hour", false, null)));
    assertThat(nowhere.statusCode()).isEqualTo(404);
  }

  @Test
  void badDevicesAreRefused() {
    String mn = "APIDUP" + System.nanoTime();
    JsonApi.id(admin.post("/api/v1/devices", Map.of("mn", mn, "password", "pw", "st", "32")));
    HttpResponse<String> twice =
        admin.post("/api/v1/devices", Map.of("mn", mn, "password", "other", "st", "32"));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(JsonApi.error(twice, "mn").orElseThrow()).contains(mn, "已登记");
    assertThat(devices.authenticate(mn, "pw").name()).isEqualTo("ACCEPTED");

    String other = "APINO" + System.nanoTime();
    HttpResponse<String> noOutlet =
        admin.post(
            "/api/v1/devices",
            Map.of("mn", other, "password", "pw", "st", "31", "outletId", 99999999));
    assertThat(noOutlet.statusCode()).isEqualTo(404);
    assertThat(JsonApi.error(noOutlet, "outletId").orElseThrow()).contains("不存在");
    assertThat(devices.byMn(other)).isEmpty();

    HttpResponse<String> junk =
        admin.post("/api/v1/devices", Map.of("mn", "bad mn!", "password", "", "st", "3"));
    assertThat(junk.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(junk, "mn")).isPresent();
    assertThat(JsonApi.error(junk, "password")).isPresent();
    assertThat(JsonApi.error(junk, "st")).isPresent();
  }

  @Test
  void aBodyThatIsNotJsonGetsAJsonAnswer() {
    HttpResponse<String> r = admin.postRaw("/api/v1/enterprises", "{\"name\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JsonApi.read(r).get("errors").get(0).get("message").asText()).contains("JSON");
    assertThat(r.body()).doesNotContain("Exception", "jackson");

    HttpResponse<String> wrongType =
        admin.put("/api/v1/outlets/1/limits", List.of(Map.of("factor", "a21026", "limit", "很多")));
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(wrongType, "[0].limit")).isPresent();
  }

  @Test
  void onlyAdministratorsWrite() {
    JsonApi liaison = JsonApi.withSession(port, WebSession.loggedIn(port, "liaison", PASSWORD));
    HttpResponse<String> r =
        liaison.post("/api/v1/enterprises", Map.of("name", "越权企业", "creditCode", newCreditCode()));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(liaison.get("/api/v1/enterprises").statusCode()).isEqualTo(200);
  }

  @Test
  void anEnterpriseUserReadsItsOwnEnterpriseOnlyAndAskingForAnotherIsAudited() {
    long own = enterprise("本企业");
    long other = enterprise("别家企业");
    long otherOutlet = outlet(other, "DA001", "gas");
    String username = "ent" + System.nanoTime();
    long userId =
        users.insert(
            username,
            "企业环保员",
            encoder.encode(PASSWORD),
            Optional.empty(),
            Optional.empty(),
            false,
            Set.of(Role.ENTERPRISE));
    enterprises.setEnterpriseOfUser(userId, own);
    JsonApi ent = JsonApi.withSession(port, WebSession.loggedIn(port, username, PASSWORD));

    assertThat(ent.get("/api/v1/enterprises/" + own).statusCode()).isEqualTo(200);
    JsonNode list = JsonApi.read(ent.get("/api/v1/enterprises"));
    assertThat(list.get("total").asLong()).isEqualTo(1);
    assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(own);

    HttpResponse<String> refused = ent.get("/api/v1/enterprises/" + other);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("别家企业");
    assertThat(ent.get("/api/v1/outlets/" + otherOutlet).statusCode()).isEqualTo(403);

    // a program holding the enterprise user's personal token is held to the same scope
    WebSession issuer = WebSession.loggedIn(port, "admin", PASSWORD);
    issuer.get("/api-tokens");
    issuer.post("/api-tokens", Map.of("username", username, "name", "企业对接"));
    Matcher secret = SECRET.matcher(issuer.get("/api-tokens").body());
    assertThat(secret.find()).isTrue();
    JsonApi program = JsonApi.bearer(port, secret.group(1));
    assertThat(program.get("/api/v1/enterprises/" + own).statusCode()).isEqualTo(200);
    assertThat(program.get("/api/v1/enterprises/" + other).statusCode()).isEqualTo(403);
    JsonNode programsList = JsonApi.read(program.get("/api/v1/enterprises"));
    assertThat(programsList.get("total").asLong()).isEqualTo(1);
    assertThat(programsList.get("items").get(0).get("id").asLong()).isEqualTo(own);

    Long denied =
        jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE actor = :u AND action = 'ACCESS_DENIED'"
                    + " AND ((entity_type = 'enterprise' AND entity_id = :e) OR (entity_type ="
                    + " 'outlet' AND entity_id = :o))")
            .param("u", username)
            .param("e", String.valueOf(other))
            .param("o", String.valueOf(otherOutlet))
            .query(Long.class)
            .single();
    assertThat(denied).isEqualTo(3);
  }
}
