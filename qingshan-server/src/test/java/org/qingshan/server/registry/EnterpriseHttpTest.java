package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enterprise list and form over HTTP: who may do what, and what a wrong entry is told. */
@DemoServerTest
class EnterpriseHttpTest {
  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired JdbcClient jdbc;

  static Map<String, String> form(String name, String code) {
    Map<String, String> f = new HashMap<>();
    f.put("name", name);
    f.put("creditCode", code);
    f.put("industryCode", "D4411");
    f.put("industryName", "火力发电");
    f.put("address", "示范县工业园 1 号");
    f.put("town", "青山镇");
    f.put("grid", "青山镇第一网格");
    f.put("longitude", "116.8");
    f.put("latitude", "35.5");
    f.put("keyCategories", "AIR");
    f.put("permitNumber", "91370882MA3C0001X001P");
    f.put("permitClass", "KEY");
    f.put("permitValidFrom", "2024-01-01");
    f.put("permitValidTo", "2028-12-31");
    f.put("contactName", "张工");
    f.put("contactPhone", "13900001111");
    return f;
  }

  /** Creates an enterprise through the form and returns its id. */
  static long create(WebSession admin, String name, String code) {
    admin.get("/enterprises/new");
    HttpResponse<String> r = admin.post("/enterprises", form(name, code));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = WebSession.location(r);
    Codes.follow(admin, r);
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void adminRegistersAnEnterpriseThatIsListedFoundAndExported() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String code = Codes.next();
    long id = create(admin, "青山热电有限公司", code);
    Enterprise e = enterprises.findById(id).orElseThrow();
    assertThat(e.creditCode().value()).isEqualTo(code);
    assertThat(e.keyCategories()).containsExactly(KeyPolluterCategory.AIR);
    assertThat(e.permitClass()).contains(PermitClass.KEY);

    assertThat(admin.get("/enterprises?q=" + enc("青山热电")).body())
        .contains("青山热电有限公司", code, "重点管理");
    assertThat(admin.get("/enterprises?q=" + code).body()).contains("青山热电有限公司");
    assertThat(admin.get("/enterprises?town=" + enc("青山镇") + "&q=" + enc("热电")).body())
        .contains("青山热电有限公司");
    assertThat(admin.get("/enterprises?q=" + enc("青山热电") + "&town=" + enc("别的镇")).body())
        .doesNotContain("青山热电有限公司");
    assertThat(admin.get("/enterprises?industry=D4411&q=" + enc("青山热电")).body())
        .contains("青山热电有限公司");

    HttpResponse<byte[]> export = admin.getBytes("/enterprises/export?q=" + enc("青山热电"));
    assertThat(export.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
          .isEqualTo("统一社会信用代码");
      assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(code);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where entity_type = 'enterprise'"
                        + " and action = 'CREATE' and entity_id = :id")
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);

    HttpResponse<String> page = admin.get("/enterprises/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("一企一档", code, "火力发电", "青山镇第一网格", "2028-12-31");
  }

  @Test
  void aWrongCreditCodeIsExplainedAndNothingIsStored() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/enterprises/new");
    long before = enterprises.findAll().size();
    HttpResponse<String> r = admin.post("/enterprises", form("错码化工", Codes.wrongCheck()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("统一社会信用代码不正确", "校验码");
    HttpResponse<String> short_ = admin.post("/enterprises", form("错码化工", "12345"));
    assertThat(short_.body()).contains("统一社会信用代码不正确");
    assertThat(enterprises.findAll()).hasSize((int) before);
  }

  @Test
  void aCreditCodeAlreadyRegisteredIsRefused() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String code = Codes.next();
    create(admin, "先登记的企业", code);
    admin.get("/enterprises/new");
    HttpResponse<String> r = admin.post("/enterprises", form("重复企业", code.toLowerCase()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("已登记为“先登记的企业”");
    assertThat(enterprises.findAll()).noneMatch(e -> e.name().equals("重复企业"));
  }

  @Test
  void aBadIndustryCodeOrPermitPeriodIsExplained() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/enterprises/new");
    Map<String, String> f = form("行业错误企业", Codes.next());
    f.put("industryCode", "火电");
    f.put("permitValidTo", "2020-01-01");
    HttpResponse<String> r = admin.post("/enterprises", f);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("GB/T 4754", "截止日期不能早于起始日期");
  }

  @Test
  void readersReadButOnlyTheAdminChanges() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long id = create(admin, "只读测试企业", Codes.next());
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String list = dispatcher.get("/enterprises?q=" + enc("只读测试")).body();
    assertThat(list).contains("只读测试企业").doesNotContain("新增企业");
    assertThat(dispatcher.get("/enterprises/" + id).statusCode()).isEqualTo(200);
    assertThat(dispatcher.get("/enterprises/" + id + "/edit").statusCode()).isEqualTo(403);
    assertThat(dispatcher.post("/enterprises/" + id, form("改名", Codes.next())).statusCode())
        .isEqualTo(403);
    assertThat(enterprises.findById(id).orElseThrow().name()).isEqualTo("只读测试企业");
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    assertThat(leader.get("/enterprises/" + id).statusCode()).isEqualTo(200);
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/enterprises").statusCode()).isEqualTo(403);
  }

  @Test
  void anEnterpriseUserSeesOnlyItsOwnAndAskingForAnotherIsAudited() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long own = create(admin, "自家化工有限公司", Codes.next());
    long other = create(admin, "别家化工有限公司", Codes.next());
    long userId =
        jdbc.sql("select id from app_user where username = 'enterprise'")
            .query(Long.class)
            .single();
    enterprises.setEnterpriseOfUser(userId, own);

    WebSession user = WebSession.loggedIn(port, "enterprise", "qingshan2026");
    String list = user.get("/enterprises?size=200").body();
    assertThat(list).contains("自家化工有限公司").doesNotContain("别家化工有限公司");
    assertThat(user.get("/enterprises/" + own).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = user.get("/enterprises/" + other);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("别家化工有限公司");
    assertThat(user.get("/enterprises/" + other + "/outlets/1").statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where actor = 'enterprise'"
                        + " and action = 'ACCESS_DENIED' and entity_type = 'enterprise'"
                        + " and entity_id = :id")
                .param("id", String.valueOf(other))
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    assertThat(user.getBytes("/enterprises/export").statusCode()).isEqualTo(403);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
