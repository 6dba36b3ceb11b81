package org.qingshan.server.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.analysis.CampaignForm;
import org.qingshan.server.analysis.CampaignRepository;
import org.qingshan.server.cases.AssigneeKind;
import org.qingshan.server.cases.CaseAction;
import org.qingshan.server.cases.CaseDeadlines;
import org.qingshan.server.cases.CaseSettings;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.roster.RosterRepository;
import org.qingshan.server.roster.RosterShifts;
import org.qingshan.server.roster.ShiftSlot;
import org.qingshan.server.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's last month of cases in every state (some closed late, some overdue and 催办 or 督办
 * as the escalation clock would have done), handed to the grid member, to 县住房和城乡建设局 (whose liaison
 * is the demo user {@code liaison}) and to the enterprises themselves; this month's duty roster of
 * {@code dispatcher} and {@code admin} with hand-over notes; and a campaign holding the dust and
 * air cases. Written once, on the first start, dated back from the real time then: each case's
 * steps follow the workflow, with the deadlines the case rules give.
 */
@Component
@Order(60)
class DemoCases implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
  private static final String HOUSING = "县住房和城乡建设局";

  private final boolean enabled;
  private final JdbcClient jdbc;
  private final CaseDeadlines deadlines;
  private final CaseSettings caseSettings;
  private final DepartmentService departments;
  private final UserRepository users;
  private final RosterRepository roster;
  private final RosterShifts shifts;
  private final CampaignRepository campaigns;
  private final Clock clock;
  private final ZoneId zone;

  DemoCases(
      QingshanProperties properties,
      JdbcClient jdbc,
      CaseDeadlines deadlines,
      CaseSettings caseSettings,
      DepartmentService departments,
      UserRepository users,
      RosterRepository roster,
      RosterShifts shifts,
      CampaignRepository campaigns,
      Clock clock,
      ZoneId zone) {
    this.enabled = properties.demo();
    this.jdbc = jdbc;
    this.deadlines = deadlines;
    this.caseSettings = caseSettings;
    this.departments = departments;
    this.users = users;
    this.roster = roster;
    this.shifts = shifts;
    this.campaigns = campaigns;
    this.clock = clock;
    this.zone = zone;
  }

  /** Where a case ends up. */
  enum End {
    PENDING,
    REJECTED,
    ACCEPTED,
    DISPATCHED,
    IN_PROGRESS,
    AWAITING,
    CLOSED,
    CLOSED_LATE
  }

  /** To whom a case is handed. */
  enum To {
    GRID,
    HOUSING,
    ENTERPRISE
  }

  /**
   * One demo case.
   *
   * @param enterprise the index of a demo enterprise, or -1 for a place without one
   */
  record Spec(
      int daysAgo,
      CaseType type,
      CaseSource source,
      Severity severity,
      String title,
      String description,
      int enterprise,
      To to,
      End end) {}

  static final List<Spec> SPECS =
      List.of(
          new Spec(
              29,
              CaseType.DUST,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "城东建筑工地裸土未覆盖",
              "检查发现工地约2000平方米裸土未覆盖，出入口车辆未冲洗。",
              -1,
              To.HOUSING,
              End.CLOSED),
          new Spec(
              28,
              CaseType.AIR,
              CaseSource.PATROL,
              Severity.MINOR,
              "村民露天焚烧秸秆",
              "网格巡查发现青山村东侧农田焚烧秸秆。",
              -1,
              To.GRID,
              End.CLOSED),
          new Spec(
              27,
              CaseType.WATER,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "造纸厂雨水排口有浑浊水排出",
              "雨水排口在非降雨时段有浑浊废水排出，疑似混排。",
              2,
              To.ENTERPRISE,
              End.CLOSED_LATE),
          new Spec(
              26,
              CaseType.DUST,
              CaseSource.DEPARTMENT,
              Severity.MINOR,
              "渣土车未密闭沿路撒漏",
              "交警转来：渣土运输车沿滨河路撒漏。",
              -1,
              To.HOUSING,
              End.IN_PROGRESS),
          new Spec(
              25,
              CaseType.SOLID_WASTE,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "危险废物贮存间标识不全",
              "危废贮存间无标识、台账不全，废包装桶露天堆放。",
              3,
              To.ENTERPRISE,
              End.CLOSED),
          new Spec(
              24,
              CaseType.ODOUR,
              CaseSource.PATROL,
              Severity.MINOR,
              "化工园区夜间异味",
              "巡查闻到明显刺激性气味，持续约一小时。",
              3,
              To.GRID,
              End.IN_PROGRESS),
          new Spec(
              23,
              CaseType.NOISE,
              CaseSource.DEPARTMENT,
              Severity.WARNING,
              "夜间施工噪声扰民",
              "住户反映工地夜间22点后仍在浇筑混凝土。",
              -1,
              To.HOUSING,
              End.CLOSED),
          new Spec(
              22,
              CaseType.AIR,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "水泥厂无组织排放粉尘",
              "熟料库顶部及输送廊道粉尘外逸。",
              1,
              To.ENTERPRISE,
              End.CLOSED_LATE),
          new Spec(
              21,
              CaseType.WATER,
              CaseSource.PATROL,
              Severity.MINOR,
              "白河支流漂浮垃圾",
              "白河村段河面漂浮生活垃圾。",
              -1,
              To.GRID,
              End.CLOSED),
          new Spec(
              20,
              CaseType.DUST,
              CaseSource.INSPECTION,
              Severity.MINOR,
              "城西道路清扫扬尘",
              "干扫作业扬尘明显，未洒水降尘。",
              -1,
              To.HOUSING,
              End.DISPATCHED),
          new Spec(
              19,
              CaseType.ONLINE_MONITORING,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "热电厂在线监测数据长时间恒值",
              "1号锅炉排口二氧化硫小时值连续8小时不变。",
              0,
              To.ENTERPRISE,
              End.CLOSED),
          new Spec(
              18,
              CaseType.AIR,
              CaseSource.PATROL,
              Severity.MINOR,
              "餐饮油烟直排",
              "城东街道两家餐馆油烟净化器未开启。",
              -1,
              To.GRID,
              End.IN_PROGRESS),
          new Spec(
              17,
              CaseType.SOLID_WASTE,
              CaseSource.PATROL,
              Severity.MINOR,
              "建筑垃圾倾倒在河滩",
              "柳林镇河滩有新倾倒的建筑垃圾约20方。",
              -1,
              To.GRID,
              End.CLOSED),
          new Spec(
              16,
              CaseType.WATER,
              CaseSource.INSPECTION,
              Severity.CRITICAL,
              "污水处理厂出水氨氮偏高",
              "现场快检出水氨氮高于排放标准。",
              4,
              To.ENTERPRISE,
              End.AWAITING),
          new Spec(
              15,
              CaseType.DUST,
              CaseSource.DEPARTMENT,
              Severity.MINOR,
              "搅拌站料场未苫盖",
              "商混站砂石料场未苫盖、喷淋未开启。",
              -1,
              To.HOUSING,
              End.CLOSED),
          new Spec(
              14,
              CaseType.OTHER,
              CaseSource.DEPARTMENT,
              Severity.WARNING,
              "小区物业垃圾清运纠纷",
              "转来的物业纠纷，不属生态环境部门职责。",
              -1,
              To.GRID,
              End.REJECTED),
          new Spec(
              13,
              CaseType.AIR,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "化工厂VOCs收集设施破损",
              "反应釜废气收集管道破损，活性炭久未更换。",
              3,
              To.ENTERPRISE,
              End.CLOSED),
          new Spec(
              12,
              CaseType.NOISE,
              CaseSource.PATROL,
              Severity.WARNING,
              "食品厂冷却塔噪声",
              "厂界北侧夜间噪声明显。",
              5,
              To.GRID,
              End.AWAITING),
          new Spec(
              11,
              CaseType.DUST,
              CaseSource.INSPECTION,
              Severity.MINOR,
              "拆迁工地未湿法作业",
              "拆除作业未洒水，扬尘飘散至周边。",
              -1,
              To.HOUSING,
              End.CLOSED),
          new Spec(
              10,
              CaseType.WATER,
              CaseSource.PATROL,
              Severity.MINOR,
              "养殖场粪污外溢",
              "南岭村养殖场粪污沿沟渠外溢。",
              -1,
              To.GRID,
              End.CLOSED),
          new Spec(
              9,
              CaseType.AIR,
              CaseSource.INSPECTION,
              Severity.MINOR,
              "热电厂煤场扬尘",
              "煤场防风抑尘网破损，装卸扬尘明显。",
              0,
              To.ENTERPRISE,
              End.IN_PROGRESS),
          new Spec(
              8,
              CaseType.SOLID_WASTE,
              CaseSource.DEPARTMENT,
              Severity.MINOR,
              "废旧轮胎露天堆放",
              "城西一处空地堆放废旧轮胎，存在火灾隐患。",
              -1,
              To.GRID,
              End.CLOSED),
          new Spec(
              7,
              CaseType.ODOUR,
              CaseSource.DEPARTMENT,
              Severity.MINOR,
              "造纸厂污水站臭气",
              "周边住户反映污水站臭气。",
              2,
              To.ENTERPRISE,
              End.AWAITING),
          new Spec(
              6,
              CaseType.DUST,
              CaseSource.PATROL,
              Severity.MINOR,
              "工地出入口道路积尘",
              "出入口道路积尘，车辆带泥上路。",
              -1,
              To.HOUSING,
              End.IN_PROGRESS),
          new Spec(
              5,
              CaseType.WATER,
              CaseSource.INSPECTION,
              Severity.MINOR,
              "洗车店废水直排雨水井",
              "洗车废水未经沉淀直接排入雨水井。",
              -1,
              To.GRID,
              End.DISPATCHED),
          new Spec(
              4,
              CaseType.NOISE,
              CaseSource.DEPARTMENT,
              Severity.WARNING,
              "广场舞音响扰民",
              "转来的噪声投诉，属公安部门管辖。",
              -1,
              To.GRID,
              End.REJECTED),
          new Spec(
              3,
              CaseType.AIR,
              CaseSource.INSPECTION,
              Severity.MAJOR,
              "水泥厂窑尾烟气颜色异常",
              "窑尾烟囱烟气发黄，疑似脱硝异常。",
              1,
              To.ENTERPRISE,
              End.ACCEPTED),
          new Spec(
              2,
              CaseType.DUST,
              CaseSource.PATROL,
              Severity.MINOR,
              "运输车辆带泥上路",
              "青山镇主干道运输车辆带泥上路。",
              -1,
              To.GRID,
              End.DISPATCHED),
          new Spec(
              1,
              CaseType.SOLID_WASTE,
              CaseSource.PATROL,
              Severity.MINOR,
              "生活垃圾堆放点溢满",
              "白河村垃圾堆放点溢满未清运。",
              -1,
              To.GRID,
              End.PENDING),
          new Spec(
              0,
              CaseType.AIR,
              CaseSource.INSPECTION,
              Severity.MINOR,
              "汽修厂喷漆房无废气处理",
              "喷漆房废气未经处理直排。",
              -1,
              To.GRID,
              End.PENDING));

  /** A demo enterprise: its town and position for the cases about it. */
  private record Place(long id, String name, String town, Double lat, Double lng) {}

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled || campaigns.any() || roster.anyRoster()) {
      return;
    }
    Optional<Long> housing = departments.resolve(HOUSING).map(Department::id);
    if (users.findByUsername("dispatcher").isEmpty()
        || users.findByUsername("grid").isEmpty()
        || housing.isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> dust = cases(now, housing.get());
    roster(now);
    campaign(now, housing.get(), dust);
    log.info("demo cases, duty roster and campaign created ({} cases)", SPECS.size());
  }

  private List<Place> enterprises() {
    return jdbc.sql("SELECT id, name, town, latitude, longitude FROM enterprise ORDER BY id")
        .query(
            (rs, n) ->
                new Place(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("town"),
                    (Double) rs.getObject("latitude"),
                    (Double) rs.getObject("longitude")))
        .list();
  }

  /** The cases; returns the ids of the dust and air ones, for the campaign. */
  private List<Long> cases(OffsetDateTime now, long housing) {
    List<Place> places = enterprises();
    Optional<Long> enterpriseOfUser =
        users
            .findByUsername("enterprise")
            .flatMap(
                u ->
                    jdbc.sql("SELECT enterprise_id FROM enterprise_user WHERE user_id = :u")
                        .param("u", u.id())
                        .query(Long.class)
                        .optional());
    List<String> towns = List.of("青山镇", "白河镇", "柳林镇", "东湖镇", "城东街道", "城西街道");
    List<Long> campaignCases = new ArrayList<>();
    for (int i = 0; i < SPECS.size(); i++) {
      Spec s = SPECS.get(i);
      Optional<Place> place =
          s.enterprise() >= 0 && s.enterprise() < places.size()
              ? Optional.of(places.get(s.enterprise()))
              : Optional.empty();
      // only the enterprise whose demo user answers in the portal gets its cases itself
      To to =
          s.to() == To.ENTERPRISE
                  && (place.isEmpty() || !enterpriseOfUser.equals(Optional.of(place.get().id())))
              ? To.GRID
              : s.to();
      String town =
          place.map(Place::town).filter(t -> t != null).orElse(towns.get(i % towns.size()));
      Optional<Double> lat = place.map(Place::lat);
      Optional<Double> lng = place.map(Place::lng);
      if (place.isEmpty() && !places.isEmpty()) {
        // a place without an enterprise: near one of the demo county's enterprises
        Place near = places.get(i % places.size());
        if (near.lat() != null && near.lng() != null) {
          lat = Optional.of(near.lat() + 0.004 * ((i % 5) - 2));
          lng = Optional.of(near.lng() + 0.005 * ((i % 3) - 1));
          town = near.town() == null ? town : near.town();
        }
      }
      NewCase c = NewCase.of(s.title(), s.type(), s.source(), s.severity(), s.description());
      if (place.isPresent()) {
        c = c.withEnterprise(place.get().id());
      } else {
        c = c.withPlace(town + "（网格上报位置）", lat, lng);
      }
      Optional<Long> townId = departments.resolve(town).map(Department::id);
      if (townId.isPresent()) {
        c = c.withTown(townId.get());
      }
      OffsetDateTime created =
          now.atZoneSameInstant(zone)
              .toLocalDate()
              .minusDays(s.daysAgo())
              .atTime(8 + (i % 9), 10 * (i % 6))
              .atZone(zone)
              .toOffsetDateTime();
      if (!created.isBefore(now)) {
        created = now.minusMinutes(30 + i);
      }
      long id = new History(c, s, to, created, now, housing, place.map(Place::id)).write();
      if (s.type() == CaseType.DUST || s.type() == CaseType.AIR) {
        campaignCases.add(id);
      }
    }
    return campaignCases;
  }

  /**
   * One case written step by step as the people (and the escalation clock) would have taken them.
   */
  private final class History {
    private final NewCase c;
    private final Spec spec;
    private final To to;
    private final OffsetDateTime now;
    private final long housing;
    private final Optional<Long> enterprise;
    private final OffsetDateTime deadline;
    private long id;
    private CaseStatus status = CaseStatus.PENDING;
    private OffsetDateTime at;
    private int version;
    private String answer;
    private OffsetDateTime closedAt;
    private int escalation;

    History(
        NewCase c,
        Spec spec,
        To to,
        OffsetDateTime created,
        OffsetDateTime now,
        long housing,
        Optional<Long> enterprise) {
      this.c = c;
      this.spec = spec;
      this.to = to;
      this.now = now;
      this.housing = housing;
      this.enterprise = enterprise;
      this.at = created;
      this.deadline = deadlines.deadline(c, created);
    }

    long write() {
      String registeredBy = spec.source() == CaseSource.PATROL ? "grid" : "dispatcher";
      int year = at.atZoneSameInstant(zone).getYear();
      long count =
          jdbc.sql("SELECT COUNT(*) FROM case_file WHERE case_no LIKE :p")
              .param("p", year + "-%")
              .query(Long.class)
              .single();
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql(
              "INSERT INTO case_file (case_no, title, type, source, severity, status, description,"
                  + " enterprise_id, place, lat, lng, town_id, deadline, created_by, created_at,"
                  + " updated_at) VALUES (:no, :title, :type, :source, :severity, 'PENDING', :d,"
                  + " :e, :place, :lat, :lng, :town, :deadline, :by, :at, :at)")
          .param("no", String.format("%d-%04d", year, count + 1))
          .param("title", c.title())
          .param("type", c.type().name())
          .param("source", c.source().name())
          .param("severity", c.severity().name())
          .param("d", c.description())
          .param("e", c.enterpriseId().orElse(null))
          .param("place", c.place().orElse(null))
          .param("lat", c.lat().orElse(null))
          .param("lng", c.lng().orElse(null))
          .param("town", c.townId().orElse(null))
          .param("deadline", deadline)
          .param("by", registeredBy)
          .param("at", at)
          .update(keys, "id");
      id = keys.getKey().longValue();
      step(CaseAction.REGISTER, registeredBy, c.description(), CaseStatus.PENDING, 0);
      version = 0;
      End end = spec.end();
      if (end == End.PENDING) {
        return finish();
      }
      if (end == End.REJECTED) {
        answer = "经核实，该事项不属于生态环境部门职责，已告知反映人向主管部门反映。";
        step(CaseAction.REJECT, "dispatcher", answer, CaseStatus.REJECTED, 2 * 60);
        closedAt = at;
        return finish();
      }
      step(CaseAction.ACCEPT, "dispatcher", "", CaseStatus.ACCEPTED, 40);
      if (end == End.ACCEPTED) {
        return finish();
      }
      assign();
      step(
          CaseAction.DISPATCH,
          "dispatcher",
          assigneeName() + "：请核实并限期整改",
          CaseStatus.DISPATCHED,
          30);
      if (end == End.DISPATCHED) {
        return escalate();
      }
      step(CaseAction.TAKE, handler(), "", CaseStatus.IN_PROGRESS, 3 * 60);
      if (end == End.IN_PROGRESS) {
        return escalate();
      }
      OffsetDateTime handled =
          end == End.CLOSED_LATE ? deadline.plusDays(2) : at.plusDays(2).plusHours(3);
      if (end == End.CLOSED_LATE) {
        // the clock urged it on the day after its deadline, before it was handled
        atLeast(deadline.plusHours(1));
        escalation = 1;
        step(CaseAction.URGE, "system", "已超过办理期限，请尽快办理。", status, 0);
      }
      atLeast(handled);
      step(CaseAction.HANDLE, handler(), "已现场整改，整改照片及台账已上传。", CaseStatus.AWAITING_VERIFICATION, 0);
      if (end == End.AWAITING) {
        return finish();
      }
      answer = "经现场核查，问题已整改到位，予以办结。";
      step(CaseAction.VERIFY, "dispatcher", answer, CaseStatus.CLOSED, 20 * 60);
      closedAt = at;
      return finish();
    }

    /** An open case past its deadline is urged, and some days later supervised, by the clock. */
    private long escalate() {
      OffsetDateTime urge = deadline.plusHours(1);
      if (urge.isBefore(now)) {
        atLeast(urge);
        escalation = 1;
        step(CaseAction.URGE, "system", "已超过办理期限，请尽快办理。", status, 0);
        OffsetDateTime supervise = deadline.plusDays(caseSettings.superviseAfterDays());
        if (supervise.isBefore(now)) {
          atLeast(supervise);
          escalation = 2;
          step(CaseAction.SUPERVISE, "system", "超期未办结，已报县领导督办。", status, 0);
        }
      }
      return finish();
    }

    private void atLeast(OffsetDateTime t) {
      if (t.isAfter(at)) {
        at = t;
      }
    }

    private void step(CaseAction action, String by, String text, CaseStatus next, int minutes) {
      at = at.plusMinutes(minutes);
      if (at.isAfter(now)) {
        at = now.minusMinutes(1);
      }
      jdbc.sql(
              "INSERT INTO case_step (case_id, action, by_user, at, text, from_status, to_status)"
                  + " VALUES (:c, :a, :by, :at, :t, :f, :to)")
          .param("c", id)
          .param("a", action.name())
          .param("by", by)
          .param("at", at)
          .param("t", text)
          .param("f", action == CaseAction.REGISTER ? null : status.name())
          .param("to", next.name())
          .update();
      status = next;
      version++;
    }

    private void assign() {
      AssigneeKind kind =
          switch (to) {
            case GRID -> AssigneeKind.USER;
            case HOUSING -> AssigneeKind.DEPARTMENT;
            case ENTERPRISE -> AssigneeKind.ENTERPRISE;
          };
      jdbc.sql(
              "UPDATE case_file SET assignee_kind = :k, assignee_user = :u,"
                  + " assignee_department_id = :d, assignee_enterprise_id = :e WHERE id = :id")
          .param("k", kind.name())
          .param("u", to == To.GRID ? "grid" : null)
          .param("d", to == To.HOUSING ? housing : null)
          .param("e", to == To.ENTERPRISE ? enterprise.orElse(null) : null)
          .param("id", id)
          .update();
    }

    private String assigneeName() {
      return switch (to) {
        case GRID -> "网格员 赵强";
        case HOUSING -> HOUSING;
        case ENTERPRISE -> "企业";
      };
    }

    private String handler() {
      return switch (to) {
        case GRID -> "grid";
        case HOUSING -> "liaison";
        case ENTERPRISE -> "enterprise";
      };
    }

    private long finish() {
      jdbc.sql(
              "UPDATE case_file SET status = :s, updated_at = :at, closed_at = :closed,"
                  + " escalation = :esc, answer = :answer, version = :v WHERE id = :id")
          .param("s", status.name())
          .param("at", at)
          .param("closed", closedAt)
          .param("esc", escalation)
          .param("answer", answer)
          .param("v", version)
          .param("id", id)
          .update();
      return id;
    }
  }

  /** This month's roster: dispatcher and admin take the day and night shifts in turn. */
  private void roster(OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    YearMonth month = YearMonth.from(today);
    List<String> codes = shifts.all().stream().map(s -> s.code()).toList();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      for (int k = 0; k < codes.size(); k++) {
        String who = (d.getDayOfMonth() + k) % 2 == 0 ? "dispatcher" : "admin";
        roster.replace(d, codes.get(k), List.of(who), "system", now);
      }
    }
    // hand-over notes of the last shifts that ended, each taken over by the next shift
    Optional<ShiftSlot> current = shifts.at(now.atZoneSameInstant(zone));
    if (current.isEmpty()) {
      return;
    }
    List<String> notes =
        List.of(
            "青山热电2号炉脱硫出口二氧化硫报警已确认，企业称喷淋泵检修，需跟进恢复情况。",
            "城东工地扬尘案件已转办住建局，明早联系联络员核实整改进度。",
            "夜间无新增报警；白河镇网格员上报的垃圾堆放点已登记待受理。",
            "污水处理厂出水氨氮案件待核查，请白班安排现场复核。");
    ShiftSlot slot = current.get();
    List<ShiftSlot> ended = new ArrayList<>();
    for (int k = 0; k < notes.size(); k++) {
      slot = shifts.previous(slot);
      if (YearMonth.from(slot.date()).equals(month)) {
        ended.add(0, slot);
      }
    }
    for (int k = 0; k < ended.size(); k++) {
      ShiftSlot s = ended.get(k);
      String writer = roster.of(s.date(), s.shift()).get(0).username();
      long id =
          roster.insertNote(
              s.date(),
              s.shift(),
              notes.get(k),
              writer,
              s.end().minusMinutes(15).toOffsetDateTime());
      ShiftSlot next = shifts.next(s);
      List<org.qingshan.server.roster.RosterEntry> taking = roster.of(next.date(), next.shift());
      // the shift on duty now has not taken its note over yet: the duty screen shows it waiting
      if (!taking.isEmpty() && next.end().toOffsetDateTime().isBefore(now)) {
        roster.acknowledge(
            id, taking.get(0).username(), next.start().plusMinutes(10).toOffsetDateTime());
      }
    }
  }

  private void campaign(OffsetDateTime now, long housing, List<Long> cases) {
    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    long id =
        campaigns.insert(
            new CampaignForm(
                "冬季扬尘与大气污染专项整治",
                "工地裸土全覆盖、渣土车密闭运输、露天焚烧动态清零，涉气企业无组织排放全部整改到位。",
                today.plusDays(20),
                housing),
            "dispatcher",
            now.minusDays(20));
    campaigns.addCases(id, cases, "dispatcher", now.minusDays(20));
  }
}
