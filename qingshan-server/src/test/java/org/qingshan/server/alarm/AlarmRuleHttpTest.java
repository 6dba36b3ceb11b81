package org.qingshan.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules page: the admin edits with warnings and audit, a dispatcher reads, Excel both ways. */
@DemoServerTest
class AlarmRuleHttpTest {
  @LocalServerPort int port;
  @Autowired AlarmRuleRepository rules;
  @Autowired JdbcClient jdbc;

  private static Map<String, String> form(String name, String type, String threshold) {
    Map<String, String> f = new HashMap<>();
    f.put("name", name);
    f.put("type", type);
    f.put("threshold", threshold);
    f.put("severity", "MINOR");
    f.put("enabled", "true");
    return f;
  }

  private long ruleId(String name) {
    return jdbc.sql("SELECT id FROM alarm_rule WHERE name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  @Test
  void aRuleThatFiresOnEveryValueIsSavedWithAWarningAndAudited() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> saved = admin.post("/alarm-rules", form("量程零测试", "out-of-range", "0"));
    assertThat(saved.statusCode()).isEqualTo(302);
    String page = admin.get("/alarm-rules?q=量程零测试").body();
    assertThat(page).contains("量程零测试", "几乎每个数据都会报警", "超量程");
    long id = ruleId("量程零测试");
    assertThat(rules.find(id).orElseThrow().threshold()).hasValue(0);
    long audited =
        jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'alarm-rule' AND entity_id ="
                    + " :id")
            .param("id", String.valueOf(id))
            .query(Long.class)
            .single();
    assertThat(audited).isEqualTo(1);

    admin.post("/alarm-rules/" + id + "/enable", Map.of("enabled", "false"));
    assertThat(rules.find(id).orElseThrow().enabled()).isFalse();
  }

  @Test
  void aMistakeIsNamedAndNothingIsSaved() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> r = admin.post("/alarm-rules", form("无量程", "out-of-range", ""));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("需要填写量程上限");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM alarm_rule WHERE name = '无量程'")
                .query(Long.class)
                .single())
        .isZero();
    Map<String, String> badDevice = form("坏设备", "negative", "");
    badDevice.put("deviceMn", "NOSUCHMN");
    assertThat(admin.post("/alarm-rules", badDevice).body()).contains("没有 MN 为 NOSUCHMN 的设备");
  }

  @Test
  void aDispatcherReadsTheRulesButChangesNothing() {
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    HttpResponse<String> list = dispatcher.get("/alarm-rules");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("联网异常").doesNotContain("新建规则");
    assertThat(dispatcher.post("/alarm-rules", form("调度新建", "negative", "")).statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM alarm_rule WHERE name = '调度新建'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void exportedRulesImportBackAndABadRowChangesNothing() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    byte[] sheet = admin.getBytes("/alarm-rules/export").body();
    long before = jdbc.sql("SELECT COUNT(*) FROM alarm_rule").query(Long.class).single();
    long constant = ruleId("恒值");

    byte[] edited;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
      Sheet s = book.getSheetAt(0);
      for (Row row : s) {
        if (row.getRowNum() > 0 && row.getCell(0).toString().equals(String.valueOf(constant))) {
          // A new cell: POI keeps the old text of an exported (inline) string cell it sets.
          row.removeCell(row.getCell(9));
          row.createCell(9).setCellValue("12");
        }
      }
      Row added = s.createRow(s.getLastRowNum() + 1);
      String[] values = {
        "", "导入的突变规则", "jump", "", "", "", "a21026", "HOUR", "2", "", "MINOR", "是"
      };
      for (int c = 0; c < values.length; c++) {
        added.createCell(c).setCellValue(values[c]);
      }
      Row bad = s.createRow(s.getLastRowNum() + 1);
      String[] badValues = {"", "坏行", "no-such-type", "", "", "", "", "", "", "", "MINOR", "是"};
      for (int c = 0; c < badValues.length; c++) {
        bad.createCell(c).setCellValue(badValues[c]);
      }
      edited = bytes(book);
      int badRow = bad.getRowNum() + 1;
      HttpResponse<String> refused = admin.upload("/alarm-rules/import", "file", "r.xlsx", edited);
      assertThat(refused.body()).contains("第 " + badRow + " 行", "no-such-type");
      assertThat(jdbc.sql("SELECT COUNT(*) FROM alarm_rule").query(Long.class).single())
          .isEqualTo(before);
      assertThat(rules.find(constant).orElseThrow().countOrMinutes()).hasValue(10);

      s.removeRow(bad);
      edited = bytes(book);
    }
    HttpResponse<String> imported = admin.upload("/alarm-rules/import", "file", "r.xlsx", edited);
    assertThat(imported.statusCode()).isEqualTo(302);
    assertThat(rules.find(constant).orElseThrow().countOrMinutes()).hasValue(12);
    assertThat(rules.find(ruleId("导入的突变规则")).orElseThrow().threshold()).hasValue(2);

    HttpResponse<String> notExcel =
        admin.upload(
            "/alarm-rules/import",
            "file",
            "x.xlsx",
            "not a sheet".getBytes(StandardCharsets.UTF_8));
    assertThat(notExcel.body()).contains("请上传 Excel");
  }

  private static byte[] bytes(XSSFWorkbook book) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    book.write(out);
    return out.toByteArray();
  }

  @Test
  void theApiRefusesAnUnknownStatusOrTypeWithAClearMessage() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<byte[]> bad = admin.getBytes("/api/v1/alarms?status=maybe");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("open、closed 或 all");
    HttpResponse<byte[]> type = admin.getBytes("/api/v1/alarms?type=fire");
    assertThat(type.statusCode()).isEqualTo(400);
    assertThat(new String(type.body(), StandardCharsets.UTF_8)).contains("未知的报警类型");
    String docs = new String(admin.getBytes("/v3/api-docs/json").body(), StandardCharsets.UTF_8);
    assertThat(docs).contains("/api/v1/alarms");
  }

  @Test
  void anAdminListsAndAddsCurtailmentPeriodsAndABadOneIsRefused() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long enterprise =
        jdbc.sql("SELECT MIN(id) FROM enterprise").query(Long.class).optional().orElse(0L);
    Map<String, String> backwards =
        Map.of("enterpriseId", "1", "start", "2026-12-02T08:00", "end", "2026-12-01T08:00");
    assertThat(admin.post("/alarm-rules/curtailments", backwards).body()).contains("结束时间应晚于开始时间");
    assertThat(admin.get("/alarm-rules/curtailments").statusCode()).isEqualTo(200);
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/alarm-rules/curtailments").statusCode()).isEqualTo(403);
    if (enterprise > 0) {
      Map<String, String> good =
          Map.of(
              "enterpriseId", String.valueOf(enterprise),
              "start", "2026-12-01T08:00",
              "end", "2026-12-03T08:00",
              "reason", "重污染天气橙色预警");
      assertThat(admin.post("/alarm-rules/curtailments", good).statusCode()).isEqualTo(302);
      assertThat(admin.get("/alarm-rules/curtailments").body()).contains("重污染天气橙色预警");
    }
  }
}
