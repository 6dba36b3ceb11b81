package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo county's grids: three levels from its towns and villages, 赵强 (user grid) a member of
 * 青山镇网格 who has not patrolled this week, and patrols of the weeks before.
 */
@DemoServerTest
class DemoGridsHttpTest {
  @LocalServerPort int port;
  @Autowired GridService grids;
  @Autowired Clock clock;
  @Autowired ZoneId zone;

  @Test
  void theDemoCountyHasGridsMembersAndPatrols() {
    assertThat(grids.all())
        .extracting(Grid::name)
        .contains("示范县网格", "青山镇网格", "城东街道网格", "青山村网格", "白河村网格");
    Grid town =
        grids.all().stream().filter(g -> g.name().equals("青山镇网格")).findFirst().orElseThrow();
    assertThat(town.level()).isEqualTo(2);
    assertThat(town.geometry()).isPresent();
    assertThat(grids.members(town.id())).extracting(GridMember::username).contains("grid");

    WebSession grid = WebSession.loggedIn(port, "grid", "qingshan2026");
    assertThat(grid.get("/m/patrol").body()).contains("青山镇网格", "本周已巡 0 次");

    // by this week's Sunday 赵强 owes two patrols and has done none
    LocalDate sunday =
        LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String coverage = dispatcher.get("/grids/coverage?on=" + sunday + "&q=赵强").body();
    assertThat(coverage).contains("网格员 赵强（grid）");
    assertThat(dispatcher.get("/grids/patrols?user=grid").body()).contains("青山镇网格");
    assertThat(dispatcher.get("/grids/coverage").body()).contains("东湖镇网格", "无网格员的网格");
  }
}
