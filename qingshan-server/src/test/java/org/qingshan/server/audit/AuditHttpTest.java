package org.qingshan.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.web.PageQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoServerTest
class AuditHttpTest {
  @LocalServerPort int port;
  @Autowired DepartmentService departments;

  @Test
  void aChangeIsRecordedWithWhoAndBeforeAndAfterAndCanBeSearched() {
    long id = departments.resolve("县商务局").orElseThrow().id();
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/departments/" + id + "/edit");
    HttpResponse<String> r =
        admin.post(
            "/departments/" + id,
            Map.of("name", "县商务和投资促进局", "kind", "DEPARTMENT", "parent", "1", "sortOrder", "15"));
    assertThat(r.statusCode()).isEqualTo(302);

    String page = admin.get("/audit?entity=department&q=" + enc("商务和投资促进局")).body();
    assertThat(page).contains("<td>admin</td>", "<td>修改</td>", "县商务局", "县商务和投资促进局");

    // The old name still resolves: documents written before the rename keep working.
    assertThat(departments.resolve("县商务局").orElseThrow().id()).isEqualTo(id);
  }

  @Test
  void loginsAreAudited() {
    long before = logins("dispatcher");
    WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(logins("dispatcher")).isEqualTo(before + 1);
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/audit?actor=dispatcher&action=LOGIN").body())
        .contains("<td>dispatcher</td>", "登录成功");
  }

  @Autowired AuditLog audit;

  private long logins(String actor) {
    return audit
        .search(
            new AuditSearch(
                Optional.of(actor),
                Optional.of(AuditAction.LOGIN),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            new PageQuery(1, 1))
        .total();
  }

  @Test
  void exportIsAnExcelFileOfTheSearchedRows() throws IOException {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/");
    admin.post(
        "/departments/" + departments.resolve("县气象局").orElseThrow().id() + "/aliases",
        Map.of("alias", "示范县气象台"));
    HttpResponse<byte[]> export = admin.getBytes("/audit/export?q=" + enc("示范县气象台"));
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("操作人");
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      Row row = sheet.getRow(1);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("admin");
      assertThat(row.getCell(5).getStringCellValue()).contains("示范县气象台");
    }
  }

  @Test
  void aSearchInChineseFindsObjectsAndActionsStoredByCode() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/");
    long id = departments.resolve("县应急管理局").orElseThrow().id();
    admin.post("/departments/" + id + "/aliases", Map.of("alias", "示范县林业站"));
    // 部门别名 is stored as department-alias, 新增 as CREATE: the words a user types find them.
    assertThat(admin.get("/audit?q=" + enc("部门别名")).body())
        .contains("示范县林业站")
        .doesNotContain(LIST_EMPTY);
    assertThat(admin.get("/audit?q=" + enc("登录成功") + "&actor=admin").body())
        .doesNotContain(LIST_EMPTY);
    // The object filter offers names, not codes.
    String page = admin.get("/audit?entity=department-alias").body();
    assertThat(page)
        .contains("<option value=\"department-alias\" selected=\"selected\">部门别名</option>");
    assertThat(page).contains("示范县林业站");
  }

  @Test
  void aChangeIsShownFieldByFieldInChinese() {
    long id = departments.resolve("县卫生健康局").orElseThrow().id();
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/departments/" + id + "/edit");
    admin.post(
        "/departments/" + id,
        Map.of("name", "县卫生健康委员会", "kind", "DEPARTMENT", "parent", "1", "sortOrder", "16"));
    String page = admin.get("/audit?entity=department&q=" + enc("县卫生健康委员会")).body();
    assertThat(page)
        .contains("<td>名称</td><td>县卫生健康局</td><td>县卫生健康委员会</td>", "<tr class=\"changed\">")
        .doesNotContain("\"sortOrder\"", "{&quot;");
  }

  @Test
  void exportsOfPeopleAreAudited() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/");
    assertThat(admin.getBytes("/users/export").statusCode()).isEqualTo(200);
    assertThat(admin.getBytes("/contacts/export?q=" + enc("局")).statusCode()).isEqualTo(200);
    String users = admin.get("/audit?action=EXPORT&entity=user").body();
    assertThat(users).contains("<td>admin</td>", "用户");
    String contacts = admin.get("/audit?action=EXPORT&entity=contact").body();
    assertThat(contacts).contains("<td>查询条件</td><td></td><td>局</td>");
  }

  private static final String LIST_EMPTY = "class=\"empty\"";

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
