package org.qingshan.server.plandispatch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.web.ExcelExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The demo county's own plan (written for the demo, {@code plandispatch/demo-plan.txt}, with the
 * demo departments' names), read by the importer and published by the planner at first start, with
 * a year of quarterly department reports (every department the plan names, some late against the
 * schedule, some tasks 滞后 and some 已完成, evidence files on a few), the indicators' yearly values
 * with their sources, and the key projects' investment, progress and milestones, so the plan pages,
 * "my tasks" of every demo liaison, the dashboards and the evaluation have data. Created once,
 * through the same services the pages use; only the times are set back afterwards to the days the
 * reports would have come in (the audit trail keeps the real time of writing).
 */
@Component
@Order(70)
class PlanDispatchDemo implements ApplicationRunner {
  static final String FILE = "示范县生态环境保护规划实施方案.txt";

  /** The demo plan is reported on quarterly (its text says 每季度调度). */
  static final DispatchSchedule SCHEDULE = DispatchSchedule.QUARTERLY;

  private static final Logger log = LoggerFactory.getLogger(PlanDispatchDemo.class);
  private static final String HOUSING = "县住房和城乡建设局";
  private static final String ENFORCEMENT = "县综合行政执法局";
  private static final String POLICE = "县公安局";
  private static final String TRANSPORT = "县交通运输局";
  private static final String FARMING = "县农业农村局";
  private static final String REFORM = "县发展和改革局";
  private static final String FINANCE = "县财政局";
  private static final String WATER = "县水利局";
  private static final String LAND = "县自然资源局";
  private static final String HEALTH = "县卫生健康局";
  private static final String BUREAU = "示范县生态环境分局";

  /** Who reports for each department: its demo liaison; the planner for the bureau itself. */
  static final Map<String, String> REPORTERS =
      Map.ofEntries(
          Map.entry(HOUSING, "liaison"),
          Map.entry(ENFORCEMENT, "liaison-zhifa"),
          Map.entry(POLICE, "liaison-gongan"),
          Map.entry(TRANSPORT, "liaison-jiaotong"),
          Map.entry(FARMING, "liaison-nongye"),
          Map.entry(REFORM, "liaison-fagai"),
          Map.entry(FINANCE, "liaison-caizheng"),
          Map.entry(WATER, "liaison-shuili"),
          Map.entry(LAND, "liaison-ziyuan"),
          Map.entry(HEALTH, "liaison-weijian"),
          Map.entry(BUREAU, "planner"));

  /**
   * Quarters (0 = the first of the demo year) in which a department reported late, and how many
   * days after the quarter's due date. A quarter a department has no entry in, it did not report.
   */
  static final Map<String, Integer> LATE =
      Map.of(
          HOUSING + "|2", 9,
          ENFORCEMENT + "|1", 6,
          POLICE + "|1", 11,
          POLICE + "|3", 7,
          FARMING + "|2", 14,
          HEALTH + "|1", 4,
          LAND + "|2", 5);

  /** Indicator no, year, value, source: the yearly values as the county's statistics gave them. */
  private static final String[][] VALUES = {
    {"1", "2023", "41", "2023年示范县环境质量年报"},
    {"1", "2024", "39.6", "2024年示范县环境质量年报"},
    {"1", "2025", "38.7", "2025年示范县环境质量年报"},
    {"2", "2023", "71.8", "2023年示范县环境质量年报"},
    {"2", "2024", "72.9", "2024年示范县环境质量年报"},
    {"2", "2025", "74.2", "2025年示范县环境质量年报"},
    {"3", "2023", "60", "县水质监测站季度通报（2023年）"},
    {"3", "2024", "80", "县水质监测站季度通报（2024年）"},
    {"3", "2025", "80", "县水质监测站季度通报（2025年）"},
    // the bureau of housing counts the collection rate since 2024
    {"4", "2024", "69", "县住房和城乡建设局统计（2024年）"},
    {"4", "2025", "72.6", "县住房和城乡建设局统计（2025年）"},
    {"5", "2024", "46", "县农业农村局农村人居环境整治台账（2024年）"},
    {"5", "2025", "52", "县农业农村局农村人居环境整治台账（2025年）"},
  };

  private final boolean enabled;
  private final PlanDispatchService plans;
  private final DispatchRepository repository;
  private final UserDetailsService users;
  private final PlanReviewService review;
  private final PlanDispatchDepartments departments;
  private final JdbcClient jdbc;
  private final ExcelExport excel;
  private final Clock clock;

  PlanDispatchDemo(
      QingshanProperties properties,
      PlanDispatchService plans,
      DispatchRepository repository,
      UserDetailsService users,
      PlanReviewService review,
      PlanDispatchDepartments departments,
      JdbcClient jdbc,
      ExcelExport excel,
      Clock clock) {
    this.review = review;
    this.departments = departments;
    this.enabled = properties.demo();
    this.plans = plans;
    this.repository = repository;
    this.users = users;
    this.jdbc = jdbc;
    this.excel = excel;
    this.clock = clock;
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
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = PlanDispatchService.today(clock);
    // The demo year: the quarter a year ago is the first the departments report on, the current
    // one (quarter 4) the last; the plan was published in the system a few days into the first.
    LocalDate first = SCHEDULE.periodStart(today.minusMonths(12));
    OffsetDateTime published = at(first.plusDays(4), 9, 30);
    try {
      as("planner");
      PlanDispatchService.Imported imported = plans.importPlan(FILE, text(), Optional.empty());
      long id = imported.plan().id();
      plans.publish(id);
      jdbc.sql("UPDATE dispatch_plan SET created_at = :c, published_at = :p WHERE id = :id")
          .param("c", published.minusDays(2))
          .param("p", published)
          .param("id", id)
          .update();
      for (String[] v : VALUES) {
        value(id, v[0], Integer.parseInt(v[1]), v[2], v[3], published, now);
      }
      review.setSchedule(id, Optional.of(SCHEDULE));
      // inside the demo county (geo/demo-county.geojson): the county town, 东湖镇, 白河镇
      project(id, "县城雨污分流改造工程", "县住房和城乡建设局", "36.530", "115.630", "2024-03-31", "2025-06-30");
      project(id, "建筑垃圾资源化利用工程", "县住房和城乡建设局", "36.450", "115.700", "2024-06-30", null);
      project(id, "白河生态缓冲带建设工程", "县水利局", "36.590", "115.500", "2024-09-30", "2025-12-31");
      milestoneDone(id, "县城雨污分流改造工程", "开工", "2024-04-18");
      milestoneDone(id, "白河生态缓冲带建设工程", "开工", "2024-09-26");
      List<DispatchTask> tasks = plans.tasks(id, Optional.empty());
      int reports = 0;
      for (Report r : year(first)) {
        if (r.at().isAfter(now)) {
          continue; // later this quarter: not reported yet
        }
        as(REPORTERS.get(r.department()));
        if (report(tasks, r)) {
          reports++;
        }
      }
      as("liaison");
      reportProject(id, "县城雨污分流改造工程", 55, "3600");
      reportProject(id, "建筑垃圾资源化利用工程", 10, "300");
      as("liaison-shuili");
      reportProject(id, "白河生态缓冲带建设工程", 70, "1850");
      log.info("demo plan created and published with {} department reports", reports);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** A time of a county day, as an instant. */
  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(PlanDispatchService.ZONE).toOffsetDateTime();
  }

  /**
   * The demo year's reports in the order they came in: each entry's department reports in its
   * quarter a few days before the quarter's report is due, or some days after it when that
   * department was late that quarter ({@link #LATE}).
   */
  static List<Report> year(LocalDate first) {
    List<Report> out = new ArrayList<>();
    Map<String, Integer> perQuarter = new HashMap<>();
    for (Entry e : ENTRIES) {
      LocalDate due = SCHEDULE.nextDue(first.plusMonths(3L * e.quarter()));
      // several tasks of one department in one quarter: reported a day apart
      int n = perQuarter.merge(e.department() + "|" + e.quarter(), 1, Integer::sum) - 1;
      int spread = Math.floorMod(e.department().hashCode(), 9);
      Integer late = LATE.get(e.department() + "|" + e.quarter());
      LocalDate day =
          e.quarter() == 4
              ? due.minusDays(62 - spread - n) // this quarter's early reporters
              : late != null ? due.plusDays(late + n) : due.minusDays(3 + spread + n);
      out.add(
          new Report(
              at(day, 9 + (spread + n) % 8, 10 + 7 * n % 50),
              e.department(),
              e.task(),
              e.status(),
              e.text(),
              e.figure(),
              e.files()));
    }
    out.sort(Comparator.comparing(Report::at));
    return out;
  }

  /**
   * One report of the demo year; {@code figure}: the number it states for the task's dated target
   * (empty: none).
   */
  record Report(
      OffsetDateTime at,
      String department,
      String task,
      DispatchTaskStatus status,
      String text,
      String figure,
      List<String> files) {}

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

  /** A milestone the responsible department reported done on {@code day}. */
  private void milestoneDone(long plan, String project, String milestone, String day) {
    review.projects(plan).stream()
        .filter(p -> p.name().equals(project))
        .findFirst()
        .ifPresent(
            p ->
                p.milestones().stream()
                    .filter(m -> m.name().equals(milestone))
                    .findFirst()
                    .ifPresent(
                        m ->
                            review.milestoneDone(
                                p.id(), m.id(), Optional.of(LocalDate.parse(day)))));
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

  /**
   * A year's value, entered when the year's statistics came out (spring of the next year), or on
   * the day the plan was published for the years before.
   */
  private void value(
      long plan,
      String no,
      int year,
      String value,
      String source,
      OffsetDateTime published,
      OffsetDateTime now) {
    DispatchIndicator i = plans.putValue(plan, no, year, new BigDecimal(value), source);
    OffsetDateTime entered = at(LocalDate.of(year + 1, 3, 20), 10, 0);
    if (entered.isBefore(published)) {
      entered = published.plusHours(2);
    }
    if (entered.isAfter(now)) {
      entered = now;
    }
    jdbc.sql(
            "UPDATE dispatch_indicator_value SET entered_at = :at WHERE indicator_id = :i"
                + " AND value_year = :y")
        .param("at", entered)
        .param("i", i.id())
        .param("y", year)
        .update();
  }

  /** A department's report through the service, then set back to the day it came in. */
  private boolean report(List<DispatchTask> tasks, Report r) {
    Optional<DispatchTask> task =
        tasks.stream()
            .filter(t -> t.title().equals(r.task()) || t.text().contains(r.task()))
            .findFirst();
    if (task.isEmpty()) {
      log.warn("demo report skipped: no task {}", r.task());
      return false;
    }
    List<MultipartFile> files = r.files().stream().map(this::evidence).toList();
    // the figure the text states, for the task's first target with a number and a date
    Map<Integer, PlanDispatchService.FigureInput> figures =
        r.figure().isEmpty()
            ? Map.of()
            : plans.targets(task.get().id()).stream()
                .filter(g -> g.measurable() && g.deadline().isPresent())
                .findFirst()
                .map(g -> Map.of(g.position(), new PlanDispatchService.FigureInput(r.figure(), "")))
                .orElse(Map.of());
    if (!r.figure().isEmpty() && figures.isEmpty()) {
      log.warn("demo figure skipped: no dated target with a number on {}", r.task());
    }
    DispatchProgress p =
        plans.report(task.get().id(), r.status(), r.text(), files, figures, Optional.empty());
    jdbc.sql("UPDATE dispatch_progress SET reported_at = :at WHERE id = :id")
        .param("at", r.at())
        .param("id", p.id())
        .update();
    jdbc.sql("UPDATE dispatch_task SET updated_at = :at WHERE id = :id")
        .param("at", r.at())
        .param("id", task.get().id())
        .update();
    return true;
  }

  /** An evidence file of the demo: a ledger (.xlsx) or a site photo (.png) made on the spot. */
  private MultipartFile evidence(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (name.endsWith(".xlsx")) {
        String title = name.substring(0, name.length() - 5);
        excel.write(
            out,
            title,
            List.of("序号", "名称", "位置", "检查情况", "责任人"),
            List.of(
                List.of(1, title + "（一）", "城东街道", "已整改", "王伟"),
                List.of(2, title + "（二）", "青山镇", "已整改", "李娜"),
                List.of(3, title + "（三）", "白河镇", "持续巩固", "张敏")));
      } else {
        ImageIO.write(photo(name.hashCode()), "png", out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoFile(name, out.toByteArray());
  }

  /** A drawn "site photo": sky, ground and a fenced site, different for each file. */
  private static BufferedImage photo(int seed) {
    BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(170, 205, 235));
      g.fillRect(0, 0, 480, 170);
      g.setColor(new Color(150, 140, 110));
      g.fillRect(0, 170, 480, 150);
      g.setColor(new Color(40, 120, 70));
      g.setStroke(new BasicStroke(6));
      int x = 60 + Math.floorMod(seed, 80);
      g.drawRect(x, 120, 300, 140);
      g.setColor(new Color(90, 90, 90));
      g.fillRect(x + 40, 150, 90, 90);
      g.fillRect(x + 170, 170, 70, 70);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** A generated file handed to the service as an upload would be. */
  private record DemoFile(String fileName, byte[] content) implements MultipartFile {
    @Override
    public String getName() {
      return "files";
    }

    @Override
    public String getOriginalFilename() {
      return fileName;
    }

    @Override
    public String getContentType() {
      return fileName.endsWith(".png")
          ? "image/png"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public boolean isEmpty() {
      return content.length == 0;
    }

    @Override
    public long getSize() {
      return content.length;
    }

    @Override
    public byte[] getBytes() {
      return content.clone();
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(content);
    }

    @Override
    public void transferTo(File dest) throws IOException {
      Files.write(dest.toPath(), content);
    }
  }

  private void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  /**
   * One department's report in one quarter of the demo year (4: the current quarter); {@code
   * figure}: the number its text states for the task's dated target, empty where it states none.
   */
  record Entry(
      int quarter,
      String department,
      String task,
      DispatchTaskStatus status,
      String text,
      String figure,
      List<String> files) {}

  private static Entry e(
      int quarter,
      String department,
      String task,
      DispatchTaskStatus status,
      String text,
      String... files) {
    return new Entry(quarter, department, task, status, text, "", List.of(files));
  }

  /** A lead department's report stating {@code figure} for the task's dated target. */
  private static Entry f(
      int quarter,
      String department,
      String task,
      DispatchTaskStatus status,
      String figure,
      String text,
      String... files) {
    return new Entry(quarter, department, task, status, text, figure, List.of(files));
  }

  private static final DispatchTaskStatus DONE = DispatchTaskStatus.DONE;
  private static final DispatchTaskStatus GOING = DispatchTaskStatus.IN_PROGRESS;
  private static final DispatchTaskStatus BEHIND = DispatchTaskStatus.BEHIND;
  private static final String DUST = "强化施工扬尘管控";
  private static final String SWEEP = "推进道路机械化清扫";
  private static final String DIESEL = "加强柴油货车污染治理";
  private static final String STRAW = "严禁秸秆露天焚烧";
  private static final String SEWERS = "补齐城镇污水收集管网短板";
  private static final String OUTLETS = "开展入河排污口排查整治";
  private static final String RURAL = "推进农村生活污水治理";
  private static final String RUBBLE = "推进建筑垃圾资源化利用";
  private static final String MEDICAL = "加强医疗废物收集处置";
  private static final String DISPATCH = "每季度调度各项任务进展";

  /**
   * What each department reported, quarter by quarter: the lead department's report sets the task's
   * status, a supporting department's is its contribution. 县交通运输局 last reported in the second
   * quarter and 县自然资源局 in the third, so both are overdue on the dashboard. A lead's report that
   * states a number for the task's dated target carries it as the target's figure, so the task
   * pages and the timeline judge it: 秸秆综合利用率 95.3 % by the end of 2025 (met), 机械化清扫率 91 % only in
   * 2026 (missed).
   */
  static final List<Entry> ENTRIES =
      List.of(
          // quarter 0
          e(
              0,
              HOUSING,
              DUST,
              DONE,
              "全县32个在建工地已全部落实“六个百分之百”，每月联合执法检查一次。",
              "施工工地扬尘管控台账.xlsx",
              "工地围挡及冲洗设施现场照片.png"),
          e(0, HOUSING, SEWERS, GOING, "已完成新建改造污水管网12.5公里，老城区北片正在施工。"),
          e(0, HOUSING, RUBBLE, BEHIND, "项目用地手续尚未办结，生产线未开工，已提请县政府协调。"),
          e(0, HOUSING, SWEEP, GOING, "配合综合行政执法局完成新建道路移交，纳入机扫范围。"),
          f(0, ENFORCEMENT, SWEEP, GOING, "86", "县城建成区道路机械化清扫率达到86%，新购置洗扫车2台。"),
          e(0, POLICE, DIESEL, GOING, "开展路检路查12次，检查柴油货车236辆，淘汰国三营运柴油货车41辆。"),
          e(0, TRANSPORT, DIESEL, GOING, "配合开展营运车辆排放核查，注销国三营运车辆道路运输证19张。"),
          f(0, FARMING, STRAW, GOING, "95.3", "秋收期间网格化巡查未发现露天焚烧火点，秸秆综合利用率达到95.3%，实现年度目标。"),
          e(0, FARMING, RURAL, GOING, "完成12个村生活污水治理，全县农村生活污水治理率达到46%。"),
          e(0, REFORM, SEWERS, GOING, "县城雨污分流改造工程已列入县重点项目，争取中央预算内投资1500万元。"),
          e(0, BUREAU, OUTLETS, DONE, "白河、青山河排污口排查已完成，共排查排污口46个，名录已建立并逐一明确责任主体。", "入河排污口名录.xlsx"),
          e(0, WATER, OUTLETS, DONE, "配合完成白河、青山河沿线排污口现场核查，提供河道管理范围划定资料。"),
          e(0, HEALTH, MEDICAL, DONE, "全县256个村卫生室医疗废物已全部纳入集中收集转运体系，实现全覆盖。", "医疗废物收集转运台账.xlsx"),
          e(0, BUREAU, DISPATCH, GOING, "完成本季度任务调度，印发调度通报1期，对2项滞后任务提出督办意见。"),
          // quarter 1
          e(1, HOUSING, DUST, DONE, "本季度开展联合检查3次，发现问题工地2个，已全部整改到位。"),
          e(1, HOUSING, SEWERS, GOING, "累计完成污水管网14.8公里，北片主干管已贯通。"),
          e(1, HOUSING, RUBBLE, BEHIND, "用地预审已通过，正在办理农用地转用手续，生产线仍未开工。"),
          f(1, ENFORCEMENT, SWEEP, GOING, "88", "机械化清扫率提高到88%，城东片区新建道路纳入作业范围。"),
          e(1, ENFORCEMENT, DUST, DONE, "配合开展渣土车密闭运输专项检查，查处违规车辆6辆。"),
          e(1, POLICE, DIESEL, BEHIND, "剩余国三营运柴油货车63辆因淘汰补贴未到位，进度滞后，已制定分类处置清单。"),
          e(1, TRANSPORT, DIESEL, BEHIND, "配合公安局核实剩余国三营运柴油货车车主信息，已逐户告知淘汰政策。"),
          e(1, FARMING, STRAW, GOING, "制定年度秸秆综合利用实施方案，新增秸秆打捆机8台。"),
          e(1, FARMING, RURAL, GOING, "新开工8个村生活污水治理项目，已完成管网铺设60%。"),
          e(1, FINANCE, SEWERS, GOING, "拨付雨污分流改造工程建设资金2100万元。"),
          e(1, LAND, RUBBLE, BEHIND, "已完成建筑垃圾资源化利用项目用地预审和选址意见书核发。"),
          e(1, BUREAU, RURAL, GOING, "对已建农村生活污水处理设施开展出水水质抽测，抽测18座，达标16座。"),
          e(1, HEALTH, MEDICAL, DONE, "开展医疗废物专项检查，检查医疗机构48家，责令整改3家。"),
          e(1, BUREAU, DISPATCH, GOING, "完成本季度任务调度，对柴油货车淘汰、建筑垃圾项目两项滞后任务发出催办。"),
          // quarter 2
          e(2, HOUSING, DUST, DONE, "本季度新开工工地5个，均已落实“六个百分之百”；检查中对1个工地立案处罚。"),
          e(2, HOUSING, SEWERS, GOING, "累计完成污水管网17.2公里，南片因拆迁影响进度较计划滞后约两个月。"),
          e(2, HOUSING, RUBBLE, GOING, "项目已开工建设，完成厂房基础施工。"),
          f(2, ENFORCEMENT, SWEEP, DONE, "91", "县城建成区道路机械化清扫率达到91%，完成目标任务。", "道路机扫作业统计表.xlsx"),
          e(2, POLICE, DIESEL, BEHIND, "累计淘汰国三及以下营运柴油货车82辆，尚余22辆未淘汰，已提请县政府协调补贴资金。"),
          e(2, BUREAU, DIESEL, BEHIND, "开展柴油货车入户抽查，抽测尾气42辆，超标3辆已移交公安交管部门。"),
          e(2, FARMING, STRAW, GOING, "夏收期间出动巡查人员1260人次，卫星遥感监测未发现火点。", "夏收禁烧巡查现场照片.png"),
          e(2, FARMING, RURAL, GOING, "8个村生活污水治理项目主体完工，正在调试。"),
          e(2, BUREAU, STRAW, GOING, "配合开展夏收期间禁烧巡查和卫星火点核查。"),
          e(2, REFORM, SEWERS, GOING, "雨污分流改造工程二期已完成立项批复。"),
          e(2, LAND, RUBBLE, GOING, "建筑垃圾资源化利用项目农用地转用已获批。"),
          e(2, BUREAU, OUTLETS, DONE, "开展排污口整治“回头看”，46个排污口整治完成41个，其余5个纳入年度计划。"),
          e(2, HEALTH, MEDICAL, DONE, "乡镇医疗废物暂存点规范化改造完成，转运频次提高到每周2次。"),
          e(2, BUREAU, MEDICAL, DONE, "联合卫健局检查医疗废物暂存点，督促整改问题4个。"),
          e(2, BUREAU, DISPATCH, GOING, "完成本季度任务调度，开展规划实施中期自评估。"),
          // quarter 3: the last quarter whose report is due by now
          e(3, HOUSING, DUST, DONE, "本季度对38个在建工地开展全覆盖检查，扬尘在线监测设备接入率100%。"),
          e(3, HOUSING, SEWERS, GOING, "累计完成污水管网18.6公里，剩余1.4公里预计年底前完成。", "雨污分流管网施工现场照片.png"),
          e(3, HOUSING, RUBBLE, BEHIND, "设备采购流标一次，投产时间推迟至明年二季度，进度滞后。"),
          e(3, HOUSING, RURAL, GOING, "配合做好乡镇污水处理厂管网向周边村庄延伸，完成3个村接管。"),
          e(3, ENFORCEMENT, SWEEP, DONE, "持续保持机械化清扫率90%以上，夜间洗扫作业常态化。"),
          e(3, POLICE, DIESEL, BEHIND, "尚余15辆国三营运柴油货车未淘汰，已逐车约谈车主并下达限期淘汰通知。"),
          f(3, FARMING, STRAW, GOING, "95.6", "秸秆综合利用率达到95.6%，保持在95%以上。"),
          e(3, FARMING, RURAL, GOING, "全县农村生活污水治理率达到52%，完成市下达年度任务。"),
          e(3, FINANCE, SEWERS, GOING, "拨付雨污分流改造工程建设资金1200万元。"),
          e(3, REFORM, SEWERS, GOING, "雨污分流改造工程二期已完成施工招标。"),
          e(3, WATER, OUTLETS, DONE, "配合完成5个剩余排污口整治的河道工程审批。"),
          e(3, HEALTH, MEDICAL, DONE, "医疗废物集中收集处置率保持100%，本季度收集处置医疗废物21.6吨。"),
          e(3, BUREAU, DISPATCH, GOING, "完成本季度任务调度，对逾期未完成任务报县政府督办。"),
          // quarter 4, the current one: early reporters only
          e(4, HOUSING, DUST, DONE, "本季度第一轮检查已完成，未发现新的扬尘问题工地。"),
          e(4, ENFORCEMENT, SWEEP, DONE, "冬季除尘洗扫方案已印发，作业频次增至每日2次。"),
          e(4, HEALTH, MEDICAL, DONE, "完成医疗废物收集转运车辆年度检修。"));
}
