package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.cases.StepInput;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dispatcher handing a case sees each grid member's grids, the case's own grid first. */
@DemoServerTest
class GridHandlersHttpTest {
  @LocalServerPort int port;
  @Autowired GridService grids;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired EnterpriseRepository enterprises;
  @Autowired CaseService cases;

  @Test
  void theMembersOfTheEnterprisesGridComeFirstWithTheirGrid() {
    GridTestData data = new GridTestData(grids, users, departments, enterprises);
    Grid g = data.grid(GridTestData.unique("派单网格"), 3, null, null, "");
    AppUser member = data.member(GridTestData.unique("派单网格员"));
    Enterprise e = data.enterprise(GridTestData.unique("派单企业"), Optional.empty(), null, null);
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    dispatcher.post("/grids/" + g.id() + "/members", Map.of("username", member.username()));
    dispatcher.post(
        "/grids/" + g.id() + "/enterprises", Map.of("enterpriseId", String.valueOf(e.id())));
    CaseFile c =
        cases.open(
            NewCase.of("企业外排废水", CaseType.WATER, CaseSource.INSPECTION, Severity.MINOR, "排口发黑")
                .withEnterprise(e.id()),
            "dispatcher",
            StepInput.text(""));

    String page = dispatcher.get("/cases/" + c.id()).body();
    String select = page.substring(page.indexOf("id=\"dispatch-user\""));
    select = select.substring(0, select.indexOf("</select>"));
    int first = select.indexOf("<option value=\"", select.indexOf("<option") + 1);
    assertThat(select.substring(first, select.indexOf("</option>", first)))
        .contains(member.username(), g.name(), "本案所在网格");
    // another case, of no grid: the member is listed with the grid but not as the case's own
    CaseFile other =
        cases.open(
            NewCase.of("路边焚烧", CaseType.AIR, CaseSource.INSPECTION, Severity.MINOR, "秸秆"),
            "dispatcher",
            StepInput.text(""));
    String otherPage = dispatcher.get("/cases/" + other.id()).body();
    int at = otherPage.indexOf("value=\"" + member.username() + "\"");
    assertThat(otherPage.substring(at, otherPage.indexOf("</option>", at)))
        .contains(g.name())
        .doesNotContain("本案所在网格");
  }
}
