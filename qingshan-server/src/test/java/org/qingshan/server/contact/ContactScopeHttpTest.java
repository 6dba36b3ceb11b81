package org.qingshan.server.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A department liaison sees and changes only their own department's records, over HTTP. */
@DemoServerTest
class ContactScopeHttpTest {
  @LocalServerPort int port;
  @Autowired ContactService contacts;
  @Autowired DepartmentService departments;
  @Autowired JdbcClient jdbc;

  long housing;
  long water;
  long ownContact;
  long otherContact;

  @BeforeEach
  void createOneContactInEachDepartment() {
    housing = departments.resolve("县住建局").orElseThrow().id();
    water = departments.resolve("县水利局").orElseThrow().id();
    ownContact = contacts.create(new ContactForm(housing, "住建甲", "科长", "13900000001", "")).id();
    otherContact = contacts.create(new ContactForm(water, "水利乙", "科长", "13900000002", "")).id();
  }

  @Test
  void liaisonListsOnlyOwnDepartment() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    String page = liaison.get("/contacts?size=200").body();
    assertThat(page).contains("住建甲").doesNotContain("水利乙");

    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    assertThat(planner.get("/contacts?size=200").body()).contains("住建甲", "水利乙");
  }

  @Test
  void liaisonCannotOpenAnotherDepartmentsRecord() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/contacts/" + ownContact + "/edit").statusCode()).isEqualTo(200);
    HttpResponse<String> other = liaison.get("/contacts/" + otherContact + "/edit");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).contains("没有权限").doesNotContain("水利乙");
    assertThat(denials("liaison", "contact", String.valueOf(otherContact)))
        .as("the attempt is on the audit record")
        .isEqualTo(1);
  }

  @Test
  void liaisonCannotChangeOrDeleteAnotherDepartmentsRecord() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    liaison.get("/contacts");
    HttpResponse<String> update =
        liaison.post(
            "/contacts/" + otherContact,
            Map.of(
                "departmentId", Long.toString(water),
                "name", "被篡改",
                "phone", "13900000009"));
    assertThat(update.statusCode()).isEqualTo(403);
    assertThat(liaison.post("/contacts/" + otherContact + "/delete", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(contacts.get(otherContact).name()).isEqualTo("水利乙");
  }

  @Test
  void liaisonCannotMoveOwnRecordIntoAnotherDepartmentOrCreateThere() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    liaison.get("/contacts");
    HttpResponse<String> move =
        liaison.post(
            "/contacts/" + ownContact,
            Map.of("departmentId", Long.toString(water), "name", "住建甲", "phone", "13900000001"));
    assertThat(move.statusCode()).isEqualTo(403);
    assertThat(contacts.get(ownContact).departmentId()).isEqualTo(housing);

    HttpResponse<String> create =
        liaison.post(
            "/contacts",
            Map.of("departmentId", Long.toString(water), "name", "越权新增", "phone", "13900000010"));
    assertThat(create.statusCode()).isEqualTo(403);
  }

  @Test
  void liaisonChangesOwnRecord() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    liaison.get("/contacts");
    HttpResponse<String> r =
        liaison.post(
            "/contacts/" + ownContact,
            Map.of(
                "departmentId", Long.toString(housing),
                "name", "住建甲",
                "position", "副局长",
                "phone", "13900000001"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(contacts.get(ownContact).position()).contains("副局长");
  }

  @Test
  void invalidFormShowsChineseMessagesAndStoresNothing() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    liaison.get("/contacts");
    HttpResponse<String> r =
        liaison.post(
            "/contacts",
            Map.of("departmentId", Long.toString(housing), "name", "", "phone", "not-a-phone"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("请填写姓名", "电话号码格式不正确");
  }

  @Test
  void liaisonCannotOpenAdminPages() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/users").statusCode()).isEqualTo(403);
    assertThat(liaison.get("/audit").statusCode()).isEqualTo(403);
    assertThat(liaison.get("/departments").statusCode()).isEqualTo(403);
    assertThat(denials("liaison", "page", null)).isGreaterThanOrEqualTo(3);

    // pressing on: one row for the page, counted, not a row a try
    long before = denials("liaison", "page", null);
    for (int i = 0; i < 5; i++) {
      assertThat(liaison.get("/users").statusCode()).isEqualTo(403);
    }
    assertThat(denials("liaison", "page", null)).isEqualTo(before);
    assertThat(
            jdbc.sql(
                    "select summary from audit_entry where actor = 'liaison'"
                        + " and action = 'ACCESS_DENIED' and summary like '%/users%'")
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("共 6 次");
  }

  private long denials(String actor, String entity, String entityId) {
    String sql =
        "select count(*) from audit_entry where actor = :a and action = 'ACCESS_DENIED'"
            + " and entity_type = :e"
            + (entityId == null ? "" : " and entity_id = :id");
    var query = jdbc.sql(sql).param("a", actor).param("e", entity);
    if (entityId != null) {
      query = query.param("id", entityId);
    }
    return query.query(Long.class).single();
  }
}
