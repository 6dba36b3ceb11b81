package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry workbook: template, two-step import with bad rows reported, export. */
@DemoServerTest
class RegistryImportHttpTest {
  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired FacilityRepository facilities;
  @Autowired PermitTotalRepository permits;
  @Autowired DeviceRegistry registry;
  @Autowired JdbcClient jdbc;

  /** A workbook of the template's sheets and columns with the given rows. */
  static byte[] workbook(Map<String, List<List<String>>> rows) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (Map.Entry<String, List<List<String>>> s : rows.entrySet()) {
        Sheet sheet = book.createSheet(s.getKey());
        List<String> headers = RegistrySheets.headers(s.getKey());
        Row head = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
          head.createCell(c).setCellValue(headers.get(c));
        }
        int r = 1;
        for (List<String> values : s.getValue()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  static List<String> firm(String code, String name) {
    return List.of(
        code,
        name,
        "C3011",
        "水泥制造",
        "示范县建材园",
        "青山镇",
        "第二网格",
        "116.9",
        "35.6",
        "大气环境、环境风险",
        "P-001",
        "重点管理",
        "2024-01-01",
        "2028-12-31",
        "李工",
        "13900002222");
  }

  Device meter() {
    return registry.register(
        new DeviceForm(
            "QSIMP" + System.nanoTime() % 1_000_000_000L,
            "pw-i",
            "44",
            "导入测试电表",
            DeviceKind.ELECTRICITY,
            "",
            null,
            ProtocolVersion.HJ_212_2025,
            CrcDialect.STRICT,
            false,
            null,
            null));
  }

  @Test
  void aGoodWorkbookIsPreviewedThenImportedAndExportedAgain() throws Exception {
    String code = Codes.next();
    Device meter = meter();
    byte[] file =
        workbook(
            Map.of(
                RegistrySheets.ENTERPRISES, List.of(firm(code, "导入水泥有限公司")),
                RegistrySheets.OUTLETS,
                    List.of(List.of(code, "DA001", "窑尾排口", "废气", "是", "GB 4915-2013", "", "", "")),
                RegistrySheets.LIMITS,
                    List.of(
                        List.of(
                            code,
                            "DA001",
                            "a21026",
                            "小时均值",
                            "100",
                            "",
                            "mg/m³",
                            "GB 4915-2013",
                            "是",
                            "10"),
                        List.of(
                            code, "DA001", "a21002", "小时均值", "320", "", "mg/m³", "", "是", "10")),
                RegistrySheets.PERMITS, List.of(List.of(code, "a21026", "88.5")),
                RegistrySheets.FACILITIES,
                    List.of(
                        List.of(code, "熟料生产线", "生产设施", "1500", "", ""),
                        List.of(code, "窑尾脱硝", "治污设施", "", "80", "熟料生产线")),
                RegistrySheets.CHANNELS,
                    List.of(List.of(code, "窑尾脱硝", meter.mn(), "d30104", "电流"))));
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/registry/import");
    HttpResponse<String> up = admin.upload("/registry/import", "file", "档案.xlsx", file);
    assertThat(WebSession.location(up)).endsWith("/registry/import");
    String preview = admin.get("/registry/import").body();
    assertThat(preview).contains("导入预览：档案.xlsx", "所有行均无误", "确认导入");
    assertThat(enterprises.findByCreditCode(new CreditCode(code))).as("nothing yet").isEmpty();

    HttpResponse<String> confirmed = admin.post("/registry/import/confirm", Map.of());
    assertThat(WebSession.location(confirmed)).endsWith("/enterprises");
    assertThat(Codes.follow(admin, confirmed)).contains("导入完成");
    Enterprise e = enterprises.findByCreditCode(new CreditCode(code)).orElseThrow();
    assertThat(e.keyCategories())
        .containsExactlyInAnyOrder(KeyPolluterCategory.AIR, KeyPolluterCategory.RISK);
    Outlet o = outlets.ofEnterprise(e.id()).get(0);
    assertThat(outlets.limits(o.id()))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.referenceO2().getAsDouble()).isEqualTo(10));
    assertThat(permits.ofEnterprise(e.id()))
        .singleElement()
        .extracting(PermitTotal::tonnes)
        .isEqualTo(88.5);
    assertThat(facilities.linksOfEnterprise(e.id())).hasSize(1);
    assertThat(facilities.channelsOfEnterprise(e.id()))
        .singleElement()
        .extracting(FacilityChannel::code)
        .isEqualTo("d30104");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'IMPORT'"
                        + " and entity_type = 'enterprise' and summary like '%档案.xlsx%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    HttpResponse<byte[]> export = admin.getBytes("/registry/export");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      assertThat(book.getSheet("限值").getRow(0).getCell(3).getStringCellValue()).isEqualTo("判定周期");
      boolean found = false;
      for (Row r : book.getSheet("计量通道")) {
        found |=
            r.getCell(3).getStringCellValue().equals("d30104")
                && r.getCell(2).getStringCellValue().equals(meter.mn());
      }
      assertThat(found).isTrue();
    }
  }

  @Test
  void badRowsAreReportedAndNothingChangesUntilTheGoodOnesAreConfirmed() throws Exception {
    String good = Codes.next();
    String bad = Codes.wrongCheck();
    byte[] file =
        workbook(
            Map.of(
                RegistrySheets.ENTERPRISES, List.of(firm(good, "好企业"), firm(bad, "坏代码企业")),
                RegistrySheets.OUTLETS,
                    List.of(
                        List.of(good, "DA001", "排口", "废气", "是", "", "", "", ""),
                        List.of(bad, "DA001", "排口", "废气", "是", "", "", "", "")),
                RegistrySheets.LIMITS,
                    List.of(
                        List.of(good, "DA001", "a21026", "小时均值", "-3", "", "mg/m³", "", "否", ""),
                        List.of(good, "DA001", "a21002", "小时均值", "100", "", "mg/m³", "", "是", "21"),
                        List.of(good, "DA001", "a34013", "小时均值", "10", "", "mg/m³", "", "否", ""))));
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/registry/import");
    admin.upload("/registry/import", "file", "有错.xlsx", file);
    String preview = admin.get("/registry/import").body();
    assertThat(preview)
        .contains("有误的行", "只导入无误的行")
        .contains("<td>企业</td><td>3</td><td>统一社会信用代码</td><td>统一社会信用代码不正确")
        .contains("<td>排放口</td><td>3</td><td>统一社会信用代码</td>")
        .contains("<td>限值</td><td>2</td><td>限值</td><td>a21026 的限值不能为负数</td>")
        .contains("<td>限值</td><td>3</td><td>基准含氧量</td>");
    assertThat(enterprises.findByCreditCode(new CreditCode(good))).isEmpty();

    admin.post("/registry/import/confirm", Map.of());
    Enterprise e = enterprises.findByCreditCode(new CreditCode(good)).orElseThrow();
    assertThat(enterprises.findAll()).noneMatch(x -> x.name().equals("坏代码企业"));
    Outlet o = outlets.ofEnterprise(e.id()).get(0);
    assertThat(outlets.limits(o.id()))
        .singleElement()
        .extracting(OutletLimit::factor)
        .isEqualTo("a34013");
  }

  @Test
  void aSheetWithoutARequiredColumnIsRefusedAsAWhole() throws Exception {
    byte[] file;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Row head = book.createSheet("限值").createRow(0);
      List<String> headers =
          RegistrySheets.headers("限值").stream().filter(h -> !h.equals("单位")).toList();
      for (int c = 0; c < headers.size(); c++) {
        head.createCell(c).setCellValue(headers.get(c));
      }
      book.write(out);
      file = out.toByteArray();
    }
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/registry/import");
    HttpResponse<String> up = admin.upload("/registry/import", "file", "缺列.xlsx", file);
    String page = Codes.follow(admin, up);
    assertThat(page).contains("缺少必需的列", "工作表“限值”缺少列 单位").doesNotContain("导入预览");

    HttpResponse<String> junk =
        admin.upload("/registry/import", "file", "x.xlsx", "not a workbook".getBytes());
    assertThat(Codes.follow(admin, junk)).contains("不是可读取的 Excel 工作簿");
  }

  @Test
  void theTemplateHasEverySheetAndOnlyTheAdminImports() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<byte[]> template = admin.getBytes("/registry/template");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
      for (String s : RegistrySheets.SHEETS.keySet()) {
        assertThat(book.getSheet(s)).as(s).isNotNull();
      }
      assertThat(book.getSheet("企业").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("*统一社会信用代码");
    }
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/registry/import").statusCode()).isEqualTo(403);
    dispatcher.get("/enterprises");
    assertThat(
            dispatcher
                .upload("/registry/import", "file", "a.xlsx", workbook(Map.of()))
                .statusCode())
        .isEqualTo(403);
    assertThat(dispatcher.getBytes("/registry/export").statusCode()).isEqualTo(200);
  }
}
