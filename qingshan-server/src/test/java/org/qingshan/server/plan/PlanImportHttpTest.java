package org.qingshan.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.PlanImporter;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A planner uploads a plan document, reviews its tasks and exports the dispatch table. */
@DemoServerTest
class PlanImportHttpTest {
  static final String PLAN =
      """
      示范县“十四五”生态环境保护规划
      一、持续改善环境空气质量
      （一）深化工业污染治理
      1.推进重点行业超低排放改造。2025年底前完成全部改造任务。（县工信局牵头，县生态环境局配合）
      2.加强施工扬尘管控。（县住建局、县城管局按职责分工负责）
      3.开展餐饮油烟专项整治。（县商务和投资促进局牵头，县城管局配合）
      """;

  @LocalServerPort int port;

  @Test
  void tasksAreShownWithDepartmentsResolvedThroughTheAliasTable() throws Exception {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    planner.get("/plans/import");
    HttpResponse<String> r =
        planner.upload("/plans/import", "file", "示范县规划.txt", PLAN.getBytes(StandardCharsets.UTF_8));
    assertThat(WebSession.location(r)).endsWith("/plans/import");
    String page = planner.get("/plans/import").body();
    assertThat(page).contains("示范县“十四五”生态环境保护规划", "推进重点行业超低排放改造", "县工信局", "县住建局");
    assertThat(between(page, "id=\"task-count\">", "<")).isEqualTo("3");
    // 县商务和投资促进局 is no department or alias of the demo county: listed for review.
    assertThat(between(page, "id=\"unresolved\">", "</p>"))
        .contains("县商务和投资促进局")
        .doesNotContain("县住建局");

    HttpResponse<byte[]> export = planner.getBytes("/plans/import/export");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("牵头单位");
      assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("县工信局");
      assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("县生态环境局");
      assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("县住建局、县城管局");
    }

    // the import and the export are on the record, in the bureau's words
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String audit = admin.get("/audit?q=" + encode("示范县规划.txt")).body();
    assertThat(audit).contains("导入", "导入规划文件 示范县规划.txt，识别任务 3 项");
    assertThat(admin.get("/audit?q=" + encode("规划")).body()).contains("导出");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void aBrokenFileGetsAClearMessageAndKeepsThePreviousImport() throws Exception {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    planner.get("/plans/import");
    planner.upload("/plans/import", "file", "a.txt", PLAN.getBytes(StandardCharsets.UTF_8));
    planner.get("/plans/import");
    HttpResponse<String> broken =
        planner.upload("/plans/import", "file", "损坏.docx", new byte[] {1, 2, 3, 4, 5});
    assertThat(broken.statusCode()).isEqualTo(200);
    assertThat(broken.body()).contains("无法导入“损坏.docx”").doesNotContain("Exception");
    assertThat(planner.get("/plans/import").body()).contains("推进重点行业超低排放改造");
  }

  /** Issue 11: a Word upload whose document part expands far beyond any plan. */
  @Test
  void anExpandingWordFileIsRefusedWithTheLimitNamed() throws Exception {
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    planner.get("/plans/import");
    planner.upload("/plans/import", "file", "a.txt", PLAN.getBytes(StandardCharsets.UTF_8));
    planner.get("/plans/import");
    HttpResponse<String> refused =
        planner.upload("/plans/import", "file", "规划.docx", expandingDocx(24 * 1024 * 1024));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("无法导入“规划.docx”：Word 文档")
        .contains("压缩炸弹")
        .doesNotContain("Exception");
    assertThat(planner.get("/plans/import").body()).contains("推进重点行业超低排放改造");
  }

  /** A zip holding a document part of {@code expanded} bytes of one repeated paragraph. */
  private static byte[] expandingDocx(int expanded) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] paragraph =
          "<w:p><w:r><w:t>加强扬尘管控。</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
      for (int written = 0; written < expanded; written += paragraph.length) {
        zip.write(paragraph);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void theSharedCountyPlanImportsAsTheImporterReadsIt() throws Exception {
    Path file =
        Path.of(System.getProperty("qingshan.shared.dir", "../../shared"))
            .resolve("plans/guanxian-2021-2025.txt");
    Assumptions.assumeTrue(Files.exists(file), "shared plans absent at " + file + "; skipped");
    var plan = new PlanImporter().importFile(file);
    int expected = plan.tasks().size();
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    planner.get("/plans/import");
    planner.upload(
        "/plans/import", "file", file.getFileName().toString(), Files.readAllBytes(file));
    String page = planner.get("/plans/import?size=5&page=2").body();
    assertThat(between(page, "id=\"task-count\">", "<")).isEqualTo(Integer.toString(expected));
    assertThat(page).contains("第 2/");
    assertThat(page).contains(plan.indicators().get(0).name(), plan.title());
  }

  @Test
  void aLiaisonCannotImport() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/plans/import").statusCode()).isEqualTo(403);
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    assertThat(i).as("page contains " + start).isNotNegative();
    i += start.length();
    return s.substring(i, s.indexOf(end, i));
  }
}
