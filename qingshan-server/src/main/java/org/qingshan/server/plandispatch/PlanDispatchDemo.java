package org.qingshan.server.plandispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.QingshanProperties;
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
 * The demo county's own plan (written for the demo, {@code plandispatch/demo-plan.txt}, with the
 * demo departments' names), read by the importer and published by the planner at first start, with
 * reports of the 住建局 liaison and the bureau and two years of indicator values, so the plan pages
 * and "my tasks" have data. Created once, through the same service the pages use.
 */
@Component
@Order(70)
class PlanDispatchDemo implements ApplicationRunner {
  static final String FILE = "示范县生态环境保护规划实施方案.txt";
  private static final Logger log = LoggerFactory.getLogger(PlanDispatchDemo.class);
  private final boolean enabled;
  private final PlanDispatchService plans;
  private final DispatchRepository repository;
  private final UserDetailsService users;
  private final PlanReviewService review;
  private final PlanDispatchDepartments departments;

  PlanDispatchDemo(
      QingshanProperties properties,
      PlanDispatchService plans,
      DispatchRepository repository,
      UserDetailsService users,
      PlanReviewService review,
      PlanDispatchDepartments departments) {
    this.review = review;
    this.departments = departments;
    this.enabled = properties.demo();
    this.plans = plans;
    this.repository = repository;
    this.users = users;
  }

  /** The demo plan's text, also used by tests. */
  static byte[] text() {
    try (InputStream in =
        PlanDispatchDemo.class.getResourceAsStream("/plandispatch/demo-plan.txt")) {
      if (in == null) {
        throw new IllegalStateException("demo plan missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled || repository.planCount() > 0) {
      return;
    }
    try {
      as("planner");
      PlanDispatchService.Imported imported = plans.importPlan(FILE, text(), Optional.empty());
      long id = imported.plan().id();
      plans.publish(id);
      value(id, "1", 2023, "41", "2023年示范县环境质量年报");
      value(id, "1", 2024, "39.6", "2024年示范县环境质量年报");
      value(id, "2", 2023, "71.8", "2023年示范县环境质量年报");
      value(id, "2", 2024, "72.9", "2024年示范县环境质量年报");
      value(id, "3", 2023, "60", "县水质监测站季度通报（2023年）");
      value(id, "3", 2024, "80", "县水质监测站季度通报（2024年）");
      value(id, "4", 2024, "69", "县住房和城乡建设局统计（2024年）");
      review.setSchedule(id, Optional.of(DispatchSchedule.QUARTERLY));
      project(id, "县城雨污分流改造工程", "县住房和城乡建设局", "36.612", "115.781", "2024-03-31", "2025-06-30");
      project(id, "建筑垃圾资源化利用工程", "县住房和城乡建设局", "36.574", "115.846", "2024-06-30", null);
      project(id, "白河生态缓冲带建设工程", "县水利局", "36.648", "115.752", "2024-09-30", "2025-12-31");
      List<DispatchTask> tasks = plans.tasks(id, Optional.empty());
      report(
          tasks,
          "开展入河排污口排查整治",
          DispatchTaskStatus.DONE,
          "白河、青山河排污口排查已完成，共排查排污口46个，名录已建立并逐一明确责任主体。");
      as("liaison");
      report(tasks, "强化施工扬尘管控", DispatchTaskStatus.DONE, "全县32个在建工地已全部落实“六个百分之百”，每月联合执法检查一次。");
      report(tasks, "补齐城镇污水收集管网短板", DispatchTaskStatus.IN_PROGRESS, "已完成新建改造污水管网12.5公里，老城区北片正在施工。");
      report(tasks, "推进建筑垃圾资源化利用", DispatchTaskStatus.BEHIND, "项目用地手续尚未办结，生产线未开工，已提请县政府协调。");
      reportProject(id, "县城雨污分流改造工程", 55, "3600");
      reportProject(id, "建筑垃圾资源化利用工程", 10, "300");
      report(tasks, "推进道路机械化清扫", DispatchTaskStatus.IN_PROGRESS, "配合综合行政执法局完成新建道路移交，纳入机扫范围。");
    } finally {
      SecurityContextHolder.clearContext();
    }
    log.info("demo plan created and published");
  }

  /** A key project's responsible department, location and milestones, set by the planner. */
  private void project(
      long plan,
      String name,
      String department,
      String lat,
      String lng,
      String first,
      String second) {
    review.projects(plan).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .ifPresent(
            p -> {
              review.editProject(
                  p.id(),
                  p.investment(),
                  Optional.of(new BigDecimal(lat)),
                  Optional.of(new BigDecimal(lng)),
                  departments.find(department).map(d -> d.id()));
              review.addMilestone(p.id(), "开工", Optional.of(java.time.LocalDate.parse(first)));
              if (second != null) {
                review.addMilestone(p.id(), "完工", Optional.of(java.time.LocalDate.parse(second)));
              }
            });
  }

  /** Progress reported by the responsible department's liaison. */
  private void reportProject(long plan, String name, int progress, String actual) {
    review.projects(plan).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .ifPresent(
            p ->
                review.reportProject(
                    p.id(), progress, Optional.of(new BigDecimal(actual)), Optional.empty()));
  }

  private void value(long plan, String no, int year, String value, String source) {
    plans.putValue(plan, no, year, new BigDecimal(value), source);
  }

  private void report(
      List<DispatchTask> tasks, String title, DispatchTaskStatus status, String text) {
    tasks.stream()
        .filter(t -> t.title().equals(title))
        .findFirst()
        .ifPresent(t -> plans.report(t.id(), status, text, List.of(), Optional.empty()));
  }

  private void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }
}
