package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.DepartmentForm;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.HeadlessChromium;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "done when" in a real Chromium: a planner imports a shared plan through the progress
 * bar and lands on its review, corrects a task, adds a unit the county does not know and resolves
 * it to a department of the test's own, publishes; that department's liaison finds the task and
 * reports it done with a PDF; the planner's dashboard counts it for the department; an indicator
 * value is entered; the mid-term evaluation's .docx and .pdf, downloaded from its page, hold each
 * indicator's value and status as the page shows them; once published the public page shows it.
 */
class PlanCycleBrowserTest extends BrowserTestBase {
  private static final String PASSWORD = TestUsers.PASSWORD;
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;
  @Autowired DepartmentService departments;

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The cells of the dashboard's department table row of {@code department}. */
  private static List<String> departmentRow(Page page, String department) {
    Locator row =
        page.locator("#table-departments tbody tr")
            .filter(new Locator.FilterOptions().setHasText(department));
    assertThat(row.count()).as("dashboard row of " + department).isEqualTo(1);
    return row.locator("td").allInnerTexts();
  }

  private static byte[] download(Page page, String format) throws Exception {
    Download d = page.waitForDownload(() -> page.locator("button[value=" + format + "]").click());
    return Files.readAllBytes(d.path());
  }

  private static String noSpace(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void aSharedPlanGoesFromImportThroughAReportToAPublishedMidTermEvaluation() throws Exception {
    Path shared =
        Path.of(System.getProperty("qingshan.shared.dir", "../../shared"))
            .resolve("plans/guanxian-2021-2025.txt");
    Assumptions.assumeTrue(
        Files.isRegularFile(shared),
        "../shared is absent at " + shared + ": the end-to-end plan cycle is not tested");

    // A department, a planner and a liaison of the test's own.
    String n = TestAlarms.unique("");
    String departmentName = "端到端调度测试局" + n;
    long parent =
        jdbc.sql("SELECT parent_id FROM department WHERE name = '县住房和城乡建设局'")
            .query(Long.class)
            .single();
    long department =
        departments
            .create(new DepartmentForm(departmentName, DepartmentKind.DEPARTMENT, parent, 0))
            .id();
    String planner = people.user(Role.PLANNER, "示范县生态环境分局", "e2ep");
    String liaison = people.user(Role.LIAISON, departmentName, "e2el");
    String unitName = "端到端牵头办" + n;

    List<String> problems = new ArrayList<>();
    List<String> jobAnswers = new ArrayList<>();
    try (BrowserContext context =
        browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions().setAcceptDownloads(true))) {
      Page page = login(context, planner, PASSWORD, problems);
      page.onResponse(
          r -> {
            if (r.url().contains("/dispatch/plans/jobs")) {
              jobAnswers.add(r.request().method() + " " + r.status());
            }
          });

      // ---- import through the progress bar, landing on the review page
      page.navigate(url("/dispatch/plans"));
      assertThat(page.locator("#import-progress").isVisible()).isFalse();
      page.setInputFiles("#plan-upload input[type=file]", shared);
      assertThat(page.locator("#import-progress li").allTextContents())
          .containsExactly("上传文件", "读取文件", "识别章节", "拆分任务", "匹配部门", "保存");
      page.locator("#plan-upload button[type=submit]").click();
      // the bar shows at once; the page polls at least 0.4 s before it may leave
      assertThat(page.locator("#import-progress").isVisible()).isTrue();
      page.waitForURL("**/review", new Page.WaitForURLOptions().setTimeout(180_000));
      assertThat(jobAnswers).contains("POST 202", "GET 200");
      String review = page.url();
      long plan = Long.parseLong(review.replaceAll(".*/dispatch/plans/(\\d+)/review$", "$1"));
      assertThat(page.locator("h1").innerText()).startsWith("审核：");

      // ---- correct a task, add a unit and resolve it to the test's department
      Map<String, Object> first =
          jdbc.sql(
                  "SELECT id, title FROM dispatch_task WHERE plan_id = :p AND kind = 'TASK'"
                      + " ORDER BY position LIMIT 1")
              .param("p", plan)
              .query()
              .singleRow();
      long task = ((Number) first.get("id")).longValue();
      String corrected = "端到端核对任务" + n;
      page.navigate(
          url("/dispatch/plans/" + plan + "/review?q=" + encode(first.get("title").toString())));
      Locator row = page.locator("#t" + task);
      row.locator("summary").click();
      row.locator("form[action$='/review/tasks/" + task + "'] input[name=title]").fill(corrected);
      row.locator("form[action$='/review/tasks/" + task + "'] button[type=submit]").click();
      page.waitForURL("**/review**");
      page.navigate(url("/dispatch/plans/" + plan + "/review?q=" + encode(corrected)));
      assertThat(row.locator("strong").first().innerText()).contains(corrected);

      row.locator("summary").click();
      Locator add = row.locator("form:has(input[name=action][value=add])");
      add.locator("input[name=name]").fill(unitName);
      add.locator("select[name=role]").selectOption("LEAD");
      add.locator("button").click();
      page.waitForURL("**/review**");
      // one row per unknown name in the table, one 保存 for all rows
      Locator resolve =
          page.locator("table.unresolved tr:has(input[name=name][value='" + unitName + "'])");
      assertThat(resolve.count()).as("the unknown unit offered for resolution").isEqualTo(1);
      resolve.locator("select[name=department]").selectOption(String.valueOf(department));
      page.locator("#resolve-all").click();
      page.waitForURL("**/review**");
      assertThat(
              page.locator("table.unresolved tr:has(input[name=name][value='" + unitName + "'])")
                  .count())
          .isZero();
      assertThat(page.locator("table.history").innerText()).contains(unitName);

      // ---- publish
      page.navigate(url("/dispatch/plans/" + plan));
      // No reporting schedule yet: the page warns, and 发布 needs the box ticked.
      assertThat(page.locator("#publish-warnings").innerText()).contains("报送周期");
      page.locator("#publish-confirmed").check();
      page.locator("form[action$='/dispatch/plans/" + plan + "/publish'] button").click();
      page.waitForURL("**/dispatch/plans/" + plan);
      assertThat(page.locator(".notice").innerText()).contains("发布");
      assertThat(
              jdbc.sql("SELECT status FROM dispatch_plan WHERE id = :p")
                  .param("p", plan)
                  .query(String.class)
                  .single())
          .isEqualTo("PUBLISHED");

      // ---- the dashboard before the department reports
      page.navigate(url("/plan-dashboard?plan=" + plan + "&q=" + encode(departmentName)));
      page.waitForSelector("#plan-chart-chapters[data-rendered=true]");
      List<String> before = departmentRow(page, departmentName);
      assertThat(before.get(2)).as("assigned (lead) tasks").isEqualTo("1");
      assertThat(before.get(4)).as("done").isEqualTo("0");

      // ---- the liaison reports with a file
      try (BrowserContext other = browser.newContext()) {
        Page l = login(other, liaison, PASSWORD, problems);
        l.navigate(url("/dispatch/my-tasks?q=" + encode(corrected)));
        l.locator("a", new Page.LocatorOptions().setHasText(corrected)).first().click();
        l.waitForURL("**/dispatch/tasks/" + task);
        l.locator("select[name=status]").selectOption("done");
        l.locator("textarea[name=text]").fill("端到端：已全部完成，附验收报告");
        l.locator("input[name=files]")
            .setInputFiles(new FilePayload("验收报告.pdf", "application/pdf", PDF));
        l.locator("form[action$='/progress'] button[type=submit]").click();
        l.waitForURL("**/dispatch/tasks/" + task);
        assertThat(l.locator("table.list").last().innerText())
            .contains("端到端：已全部完成，附验收报告", "验收报告.pdf", departmentName);
      }

      // ---- the dashboard after it
      page.navigate(url("/plan-dashboard?plan=" + plan + "&q=" + encode(departmentName)));
      List<String> after = departmentRow(page, departmentName);
      assertThat(after.get(4)).as("done").isEqualTo("1");
      assertThat(after.get(7)).as("completion rate").isNotEqualTo(before.get(7)).contains("100");

      // ---- an indicator value, then the mid-term evaluation
      page.navigate(url("/dispatch/plans/" + plan + "/indicators"));
      Locator value = page.locator("form[action$='/indicators/values']");
      String no = value.locator("select[name=no] option").first().getAttribute("value");
      value.locator("select[name=no]").selectOption(no);
      value.locator("input[name=year]").fill("2023");
      value.locator("input[name=value]").fill("50");
      value.locator("input[name=source]").fill("端到端测试填报");
      value.locator("button[type=submit]").click();
      page.waitForURL("**/indicators");

      page.navigate(url("/evaluation?plan=" + plan + "&kind=midterm"));
      String date = page.locator("#evaluation-form input[name=date]").inputValue();
      List<String[]> shown = new ArrayList<>();
      for (Locator r : page.locator("#evaluation-indicators tbody tr").all()) {
        List<String> cells = r.locator("td").allInnerTexts();
        shown.add(new String[] {cells.get(0), cells.get(1), cells.get(5), cells.get(6)});
      }
      assertThat(shown).hasSizeGreaterThan(10);
      assertThat(shown).anySatisfy(i -> assertThat(i[2]).contains("50"));

      String docx;
      try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download(page, "docx")));
          XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
        docx = text.getText().replace("\r", "");
      }
      String pdf;
      try (PDDocument doc = Loader.loadPDF(download(page, "pdf"))) {
        pdf = noSpace(new PDFTextStripper().getText(doc));
      }
      for (String[] i : shown) {
        String line = i[0] + " " + i[1] + "：" + i[2] + " " + i[3];
        assertThat(docx).as("docx: " + line).contains(line);
        assertThat(pdf).as("pdf: " + line).contains(noSpace(line));
      }
      assertThat(docx).contains("中期评估", departmentName);

      // ---- published, the public page shows it
      String title =
          jdbc.sql("SELECT title FROM dispatch_plan WHERE id = :p")
              .param("p", plan)
              .query(String.class)
              .single();
      String label = title + "中期评估（" + date + "）";
      try (BrowserContext anonymous = browser.newContext()) {
        Page pub = HeadlessChromium.watchedPage(anonymous, problems);
        pub.navigate(url("/public/plans"));
        assertThat(pub.locator("#published-evaluations").innerText()).doesNotContain(label);
        page.locator("form[action$='/evaluation/publish'] button").click();
        // back to the evaluation just published: its plan, kind and date
        page.waitForURL("**/evaluation?plan=" + plan + "&kind=midterm&date=" + date);
        pub.navigate(url("/public/plans"));
        pub.locator("#published-evaluations a", new Page.LocatorOptions().setHasText(label))
            .click();
        pub.waitForURL("**/public/plans/evaluations/*");
        String body = pub.locator("body").innerText();
        assertThat(body).contains(title);
        for (String[] i : shown) {
          assertThat(body).contains(i[1]);
        }
        assertThat(body).doesNotContain(departmentName, planner);
      }
    }
    assertThat(problems).isEmpty();
  }

  private long plans() {
    return jdbc.sql("SELECT COUNT(*) FROM dispatch_plan").query(Long.class).single();
  }

  @Test
  void aRefusedFileIsToldInTheBarsPlaceAndWithoutAScriptTheFormStillImports() {
    String planner = people.user(Role.PLANNER, "示范县生态环境分局", "e2eb");
    byte[] letter =
        "关于召开会议的通知\n各单位：\n定于下周一上午九点在三楼会议室召开工作会议，请准时参加。\n特此通知。\n".getBytes(StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    List<String> posts = new ArrayList<>();
    long before = plans();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, planner, PASSWORD, problems);
      page.onRequest(
          r -> {
            if (r.method().equals("POST") && r.url().contains("/dispatch/plans/jobs")) {
              posts.add(r.url());
            }
          });
      page.navigate(url("/dispatch/plans"));
      Locator file = page.locator("#plan-upload input[type=file]");
      Locator submit = page.locator("#plan-upload button[type=submit]");
      Locator error = page.locator("#import-error");

      // not a plan: the job fails, its reason replaces the bar
      file.setInputFiles(new FilePayload("会议通知.txt", "text/plain", letter));
      submit.click();
      error.waitFor();
      assertThat(error.innerText()).startsWith("导入失败，未保存任何内容：").contains("会议通知.txt");
      assertThat(page.locator("#import-progress").isVisible()).isFalse();
      assertThat(submit.isEnabled()).isTrue();
      assertThat(page.url()).endsWith("/dispatch/plans");

      // a wrong type: refused at once
      file.setInputFiles(
          new FilePayload("规划.exe", "application/octet-stream", new byte[] {77, 90}));
      submit.click();
      page.locator("#import-error", new Page.LocatorOptions().setHasText("规划.exe")).waitFor();
      assertThat(error.innerText()).contains("“规划.exe”不是支持的规划文件类型");

      // too large: said before anything is sent
      int sent = posts.size();
      file.setInputFiles(new FilePayload("巨大.txt", "text/plain", new byte[21 * 1024 * 1024]));
      submit.click();
      page.locator("#import-error", new Page.LocatorOptions().setHasText("最多接受")).waitFor();
      assertThat(error.innerText()).contains("上传的文件太大：此处最多接受 20 MB");
      assertThat(posts).hasSize(sent);
    }
    assertThat(plans()).isEqualTo(before);
    // the wrong type answered 400 as it should (and the browser logged it); nothing else went wrong
    assertThat(problems)
        .containsExactly(
            "400 " + url("/dispatch/plans/jobs"),
            "console: Failed to load resource: the server responded with a status of 400 ()");

    try (BrowserContext noScript =
        browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = login(noScript, planner, PASSWORD, problems);
      page.navigate(url("/dispatch/plans"));
      page.locator("#plan-upload input[type=file]")
          .setInputFiles(new FilePayload("无脚本方案.txt", "text/plain", PlanDispatchDemo.text()));
      page.locator("#plan-upload button[type=submit]").click();
      page.waitForURL(u -> u.matches(".*/dispatch/plans/\\d+$"));
      assertThat(page.locator(".notice").innerText()).contains("草稿");
    }
    assertThat(plans()).isEqualTo(before + 1);
  }
}
