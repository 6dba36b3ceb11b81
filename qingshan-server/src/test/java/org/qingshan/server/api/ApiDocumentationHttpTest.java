package org.qingshan.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every JSON endpoint is described in OpenAPI for administrators; pages are not in it. */
@DemoServerTest
class ApiDocumentationHttpTest {
  @LocalServerPort int port;

  @Test
  void theJsonEndpointsAreDescribed() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<byte[]> docs = admin.getBytes("/v3/api-docs/" + ApiDocumentation.GROUP);
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = new ObjectMapper().readTree(docs.body()).get("paths");
    assertThat(paths.has("/devices/{id}/series")).isTrue();
    assertThat(paths.has("/devices/{id}/facilities")).isTrue();
    assertThat(paths.has("/map/devices.geojson")).isTrue();
    assertThat(paths.has("/devices")).as("a page").isFalse();
    JsonNode api = new ObjectMapper().readTree(docs.body());
    for (String path :
        List.of(
            "/api/v1/enterprises",
            "/api/v1/enterprises/{id}",
            "/api/v1/enterprises/{id}/outlets",
            "/api/v1/outlets/{id}",
            "/api/v1/outlets/{id}/limits")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    JsonNode createDevice = paths.path("/api/v1/devices").path("post");
    assertThat(createDevice.path("responses").has("201")).isTrue();
    assertThat(createDevice.path("responses").has("409")).isTrue();
    assertThat(paths.path("/api/v1/outlets/{id}/limits").has("put")).isTrue();
    JsonNode outletAnswers = paths.path("/api/v1/enterprises/{id}/outlets").path("post");
    for (String status : List.of("400", "403", "404", "409")) {
      assertThat(
              outletAnswers
                  .path("responses")
                  .path(status)
                  .path("content")
                  .findValue("$ref")
                  .asText())
          .as(status)
          .endsWith("/ApiErrors");
    }
    assertThat(outletAnswers.path("responses").path("404").path("description").asText())
        .isEqualTo("无此企业");
    assertThat(outletAnswers.path("responses").path("409").path("description").asText())
        .isEqualTo("本企业已有此编号的排放口");
    JsonNode schemas = api.path("components").path("schemas");
    assertThat(schemas.has("ApiErrors")).as("validation errors are described").isTrue();
    assertThat(schemas.path("LimitRequest").path("properties").has("referenceO2")).isTrue();
    assertThat(
            api.path("components")
                .path("securitySchemes")
                .path("bearerToken")
                .path("scheme")
                .asText())
        .isEqualTo("bearer");
    assertThat(admin.get("/").body()).contains("接口文档");
    assertThat(admin.get("/api").body()).contains("OpenAPI", "/v3/api-docs/json");
    assertThat(admin.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void othersDoNotSeeIt() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.getBytes("/v3/api-docs/" + ApiDocumentation.GROUP).statusCode())
        .isEqualTo(403);
    assertThat(liaison.get("/").body()).doesNotContain("接口文档");
  }
}
