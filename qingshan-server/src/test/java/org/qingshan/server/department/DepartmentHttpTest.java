package org.qingshan.server.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.server.contact.ContactForm;
import org.qingshan.server.contact.ContactService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoServerTest
class DepartmentHttpTest {
  @LocalServerPort int port;
  @Autowired DepartmentService departments;
  @Autowired ContactService contacts;

  @Test
  void aliasesResolveToTheirDepartment() {
    assertThat(departments.resolve("县应急局")).isEqualTo(departments.resolve("县应急管理局"));
    assertThat(departments.resolve(" 县应急管理局 ")).isPresent();
    assertThat(departments.resolve("市生态环境局示范县分局").orElseThrow().name()).isEqualTo("示范县生态环境分局");
    assertThat(departments.resolve("不存在的局")).isEmpty();
  }

  @Test
  void mergingMovesAliasesAndRecordsAndKeepsOldNamesResolving() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/departments/new");
    HttpResponse<String> created =
        admin.post(
            "/departments",
            Map.of("name", "县应急管理办公室", "kind", "DEPARTMENT", "parent", "1", "sortOrder", "99"));
    assertThat(created.statusCode()).isEqualTo(302);
    Department duplicate = departments.resolve("县应急管理办公室").orElseThrow();
    long contact =
        contacts.create(new ContactForm(duplicate.id(), "应急丙", "", "13900000003", "")).id();
    Department target = departments.resolve("县应急管理局").orElseThrow();

    admin.get("/departments/" + duplicate.id() + "/edit");
    HttpResponse<String> merged =
        admin.post(
            "/departments/" + duplicate.id() + "/merge",
            Map.of("target", Long.toString(target.id())));
    assertThat(WebSession.location(merged)).endsWith("/departments/" + target.id() + "/edit");

    assertThat(departments.resolve("县应急管理办公室").orElseThrow().id()).isEqualTo(target.id());
    assertThat(contacts.get(contact).departmentId()).isEqualTo(target.id());
    assertThat(departments.tree().find(duplicate.id())).isEmpty();
    assertThat(admin.get("/departments/" + target.id() + "/edit").body()).contains("县应急管理办公室");
  }

  @Test
  void aNameTakenByAnotherDepartmentIsRefusedWithAMessage() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long water = departments.resolve("县水利局").orElseThrow().id();
    admin.get("/departments/" + water + "/edit");
    admin.post("/departments/" + water + "/aliases", Map.of("alias", "县住建局"));
    String page = admin.get("/departments/" + water + "/edit").body();
    assertThat(page).contains("“县住建局”已是“县住房和城乡建设局”的名称或别名");
    assertThat(departments.resolve("县住建局").orElseThrow().name()).isEqualTo("县住房和城乡建设局");
  }

  @Test
  void blankNameAndBadNumberShowTheirValidationMessages() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/departments/new");
    HttpResponse<String> blank =
        admin.post("/departments", Map.of("name", " ", "kind", "DEPARTMENT", "sortOrder", "1"));
    assertThat(blank.statusCode()).isEqualTo(200);
    assertThat(blank.body()).contains("请填写名称");
    HttpResponse<String> notANumber =
        admin.post(
            "/departments", Map.of("name", "县测试局", "kind", "DEPARTMENT", "sortOrder", "abc"));
    assertThat(notANumber.body()).contains("请填写整数");
    assertThat(departments.resolve("县测试局")).isEmpty();
  }

  @Test
  void listSearchesByAliasAndPages() {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    String page =
        planner.get("/departments?q=" + URLEncoder.encode("县工信局", StandardCharsets.UTF_8)).body();
    assertThat(page).contains("县工业和信息化局").doesNotContain("县财政局");
    String second = planner.get("/departments?size=5&page=2").body();
    assertThat(second).contains("第 2/");
    // A page beyond the end shows the last page, not "第 99/6 页" over an empty table.
    String beyond = planner.get("/departments?size=5&page=99").body();
    Matcher shown = Pattern.compile("第 (\\d+)/(\\d+) 页").matcher(beyond);
    assertThat(shown.find()).isTrue();
    assertThat(shown.group(1)).isEqualTo(shown.group(2));
    assertThat(planner.post("/departments/1/aliases", Map.of("alias", "x")).statusCode())
        .isEqualTo(403);
  }
}
