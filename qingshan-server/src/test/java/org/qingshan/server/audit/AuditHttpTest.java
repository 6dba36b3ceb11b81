package org.qingshan.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
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
                java.util.Optional.of(actor),
                java.util.Optional.of(AuditAction.LOGIN),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty()),
            new org.qingshan.server.web.PageQuery(1, 1))
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

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
