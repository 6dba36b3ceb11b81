package org.qingshan.server.demo;

import java.util.List;
import java.util.Optional;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.cases.Assignees;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.StepInput;
import org.qingshan.server.report.PublicReport;
import org.qingshan.server.report.ReportForm;
import org.qingshan.server.report.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's 随手拍 reports, through the same service the public page uses: one waiting to be
 * accepted, one handed to the grid member, one refused with its reason and one closed with the
 * bureau's answer, so the tracking page and the bureau's list show every outcome. Created once.
 */
@Component
@Order(40)
class DemoReports implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
  private final boolean enabled;
  private final ReportService reports;
  private final CaseService cases;
  private final Assignees assignees;
  private final UserDetailsService users;

  DemoReports(
      QingshanProperties properties,
      ReportService reports,
      CaseService cases,
      Assignees assignees,
      UserDetailsService users) {
    this.enabled = properties.demo();
    this.reports = reports;
    this.cases = cases;
    this.assignees = assignees;
    this.users = users;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled || reports.anyReports()) {
      return;
    }
    PublicReport pending =
        report(
            "白河桥下游河水发黑发臭，岸边有一根管子在往河里排水，晚上排得更多。", CaseType.WATER, 36.58, 115.50, "13800000001", 1);
    PublicReport dispatched =
        report("青山镇工业园北侧工地没有围挡，渣土车进出不冲洗，路上扬尘很大。", CaseType.DUST, 36.60, 115.70, null, 2);
    PublicReport refused =
        report("小区楼下烧烤店油烟大，晚上十二点还很吵。", CaseType.NOISE, 36.50, 115.64, "13800000003", 3);
    PublicReport closed =
        report("柳林镇南边田里有人焚烧秸秆，烟很大。", CaseType.AIR, 36.45, 115.50, "13800000004", 4);
    try {
      as("dispatcher");
      long d = dispatched.caseId();
      cases.accept(d, StepInput.text(""));
      cases.dispatch(d, assignees.user("grid"), Optional.empty(), StepInput.text("请现场核实"));
      cases.reject(refused.caseId(), StepInput.text("餐饮油烟和夜间噪声由县综合行政执法局管理，已告知举报人拨打 12345 反映。"));
      long c = closed.caseId();
      cases.accept(c, StepInput.text(""));
      cases.dispatch(c, assignees.user("grid"), Optional.empty(), StepInput.text("请尽快到场"));
      as("grid");
      cases.take(c, StepInput.text(""));
      cases.handle(c, StepInput.text("已到场，火已扑灭，对农户进行了禁烧宣传。"));
      as("dispatcher");
      cases.verify(c, true, StepInput.text("经核查，焚烧点已扑灭，已对当事农户批评教育并加强巡查。感谢您的举报。"));
    } finally {
      SecurityContextHolder.clearContext();
    }
    log.info("demo public reports created (first case {})", pending.caseNo());
  }

  private PublicReport report(
      String text, CaseType type, double lat, double lng, String phone, int n) {
    return reports.submit(
        new ReportForm(
            text,
            Optional.of(type),
            List.of(),
            Optional.of(lat),
            Optional.of(lng),
            Optional.ofNullable(phone)),
        "demo-" + n);
  }

  private void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }
}
