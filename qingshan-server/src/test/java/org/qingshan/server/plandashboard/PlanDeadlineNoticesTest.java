package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.plandashboard.TestNotifications.overdue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Passed deadlines of the demo plan told to the planners and leaders, once per task. */
@DemoServerTest
class PlanDeadlineNoticesTest {
  private static final LocalDate LATER = LocalDate.of(2031, 1, 1);
  @Autowired PlanDeadlineNotices notices;
  @Autowired JdbcClient jdbc;

  private List<Long> passed(String status) {
    return jdbc.sql(
            "SELECT t.id FROM dispatch_task t JOIN dispatch_plan p ON p.id = t.plan_id"
                + " WHERE p.status = 'PUBLISHED' AND t.kind = 'TASK' AND t.due < :d"
                // a task of a published correction whose notice was told for the task it descends
                // from is not told again (PlanVersionNoticesHttpTest)
                + " AND NOT EXISTS (SELECT 1 FROM plan_deadline_notice n WHERE n.task_id = t.id"
                + " AND n.carried_from_task_id IS NOT NULL)"
                + " AND t.status "
                + status
                + " ORDER BY t.id")
        .param("d", Date.valueOf(LATER))
        .query(Long.class)
        .list();
  }

  @Test
  void eachTaskPastItsDateAndNotDoneIsToldOnceToPlannersAndLeaders() {
    List<Long> open = passed("<> 'DONE'");
    List<Long> done = passed("= 'DONE'");
    assertThat(open).as("the demo plan has tasks past their dates by 2031").isNotEmpty();
    assertThat(done).as("and a task done").isNotEmpty();

    notices.run(LATER);
    for (long id : open) {
      assertThat(overdue(jdbc, "planner", id)).as("planner, task " + id).isEqualTo(1);
      assertThat(overdue(jdbc, "leader", id)).as("leader, task " + id).isEqualTo(1);
      assertThat(overdue(jdbc, "liaison", id)).isZero();
    }
    for (long id : done) {
      assertThat(overdue(jdbc, "leader", id)).as("done task " + id).isZero();
    }
    // never told twice
    assertThat(notices.run(LATER)).isZero();
    assertThat(overdue(jdbc, "leader", open.get(0))).isEqualTo(1);
  }
}
