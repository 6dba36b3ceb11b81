package org.qingshan.server.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.alarm.AlarmRule;
import org.qingshan.server.alarm.AlarmRuleRepository;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.ChannelKind;
import org.qingshan.server.registry.CreditCode;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Facility;
import org.qingshan.server.registry.FacilityChannel;
import org.qingshan.server.registry.FacilityKind;
import org.qingshan.server.registry.FacilityRepository;
import org.qingshan.server.registry.KeyPolluterCategory;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.registry.PermitClass;
import org.qingshan.server.registry.PermitTotal;
import org.qingshan.server.registry.PermitTotalRepository;
import org.qingshan.server.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's pollution sources: enterprises of the industries a county has (热电, 水泥, 造纸, 化工,
 * 污水处理厂, 食品) with their permits, outlets, the limits of the standards that apply, their production
 * lines and treatment facilities on the electricity meters, and the simulated devices bound to
 * their outlets. Created once, after the demo devices are registered.
 */
@Component
@Order(31)
class DemoRegistry implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
  private static final String MN = "010000A8900016F000000";
  private final boolean enabled;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final FacilityRepository facilities;
  private final PermitTotalRepository permits;
  private final DeviceRegistry devices;
  private final DepartmentService departments;
  private final UserRepository users;
  private final AlarmRuleRepository rules;

  DemoRegistry(
      QingshanProperties properties,
      @Value("${qingshan.demo-devices:true}") boolean demoDevices,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      FacilityRepository facilities,
      PermitTotalRepository permits,
      DeviceRegistry devices,
      DepartmentService departments,
      UserRepository users,
      AlarmRuleRepository rules) {
    this.rules = rules;
    this.enabled = properties.demo() && demoDevices;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.facilities = facilities;
    this.permits = permits;
    this.devices = devices;
    this.departments = departments;
    this.users = users;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled || !enterprises.findAll().isEmpty()) {
      return;
    }
    long power = power();
    cement();
    paper();
    long chemical = chemical();
    sewage();
    food();
    users
        .findByUsername("enterprise")
        .ifPresent(u -> enterprises.setEnterpriseOfUser(u.id(), chemical));
    log.info("demo pollution sources created (power plant id {})", power);
  }

  private long power() {
    long id =
        enterprise(
            "青山热电有限公司",
            "91371522MA3C1R0D0",
            "4412",
            "热电联产",
            "青山镇",
            Set.of(KeyPolluterCategory.AIR, KeyPolluterCategory.RISK),
            PermitClass.KEY,
            MN + "101");
    String standard = "GB 13223-2011 火电厂大气污染物排放标准（超低排放）";
    for (int boiler = 1; boiler <= 2; boiler++) {
      long outlet =
          outlet(
              id, "DA00" + boiler, boiler + "号锅炉排口", OutletKind.GAS, standard, MN + "10" + boiler);
      outlets.replaceLimits(
          outlet, gasLimits(standard, 6, new String[] {"a21026", "a21002", "a34013"}, 35, 50, 10));
    }
    permits(id, "a21026", 120, "a21002", 180, "a34013", 30);
    meter(
        id,
        MN + "601",
        List.of(new Line("1号锅炉", 60), new Line("2号锅炉", 70)),
        List.of(new Line("1号脱硫塔", 18), new Line("2号脱硫塔", 22), new Line("电袋除尘器", 26)),
        new int[][] {{1, 1}, {1, 3}, {2, 2}, {2, 3}});
    return id;
  }

  private void cement() {
    long id =
        enterprise(
            "青山水泥有限公司",
            "91371522MA3C2K5T1",
            "3011",
            "水泥制造",
            "白河镇",
            Set.of(KeyPolluterCategory.AIR),
            PermitClass.KEY,
            MN + "103");
    String standard = "GB 4915-2013 水泥工业大气污染物排放标准";
    long outlet = outlet(id, "DA001", "窑尾排口", OutletKind.GAS, standard, MN + "103");
    outlets.replaceLimits(
        outlet, gasLimits(standard, 10, new String[] {"a21026", "a21002", "a34013"}, 200, 400, 30));
    permits(id, "a21026", 90, "a21002", 600, "a34013", 45);
    meter(
        id,
        MN + "602",
        List.of(new Line("回转窑生产线", 60)),
        List.of(new Line("窑尾袋式除尘器", 18), new Line("SNCR脱硝装置", 22)),
        new int[][] {{1, 1}, {1, 2}});
    // a kiln never stops: its treatment must run with it, so three minutes out of step alarm
    rules.insert(
        new AlarmRule(
            0,
            "水泥窑治污设施未同步运行（3分钟）",
            AlarmType.TREATMENT_NOT_RUNNING,
            Optional.of(id),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalInt.of(3),
            Severity.CRITICAL,
            true));
  }

  private void paper() {
    long id =
        enterprise(
            "青山造纸有限公司",
            "91371522MA3C3P8W2",
            "2221",
            "机制纸及纸板制造",
            "柳林镇",
            Set.of(KeyPolluterCategory.WATER),
            PermitClass.KEY,
            MN + "201");
    String standard = "GB 3544-2008 制浆造纸工业水污染物排放标准";
    long outlet = outlet(id, "DW001", "废水总排口", OutletKind.WATER, standard, MN + "201");
    outlets.replaceLimits(outlet, waterLimits(standard, 80, 8, 0.8, 12));
    permits(id, "w01018", 60, "w21003", 6);
    meter(
        id,
        MN + "603",
        List.of(new Line("制浆生产线", 60)),
        List.of(new Line("污水处理站", 18)),
        new int[][] {{1, 1}});
  }

  private long chemical() {
    long id =
        enterprise(
            "青山化工有限公司",
            "91371522MA3C4H2Q3",
            "2614",
            "有机化学原料制造",
            "东湖镇",
            Set.of(KeyPolluterCategory.WATER, KeyPolluterCategory.SOIL, KeyPolluterCategory.RISK),
            PermitClass.KEY,
            MN + "202");
    String standard = "GB 8978-1996 污水综合排放标准 一级";
    long outlet = outlet(id, "DW001", "污水总排口", OutletKind.WATER, standard, MN + "202");
    outlets.replaceLimits(outlet, waterLimits(standard, 100, 15, 0.5, 20));
    permits(id, "w01018", 80, "w21003", 12);
    return id;
  }

  private void sewage() {
    String standard = "GB 18918-2002 城镇污水处理厂污染物排放标准 一级A";
    String[][] plants = {
      {"青山县城市污水处理厂", "91371522MA3C5U6X4", "301", "青山镇"},
      {"青山县第二污水处理厂", "91371522MA3C6E9Y5", "302", "白河镇"}
    };
    for (String[] p : plants) {
      long id =
          enterprise(
              p[0],
              p[1],
              "4620",
              "污水处理及其再生利用",
              p[3],
              Set.of(KeyPolluterCategory.WATER),
              PermitClass.KEY,
              MN + p[2]);
      long outlet = outlet(id, "DW001", "出水口", OutletKind.WATER, standard, MN + p[2]);
      outlets.replaceLimits(outlet, waterLimits(standard, 50, 5, 0.5, 15));
      permits(id, "w01018", 1500, "w21003", 150);
    }
  }

  private void food() {
    long id =
        enterprise(
            "青山食品有限公司",
            "91371522MA3C7F3N6",
            "1469",
            "其他调味品、发酵制品制造",
            "柳林镇",
            Set.of(KeyPolluterCategory.WATER),
            PermitClass.SIMPLIFIED,
            "LD130133000015");
    String water = "GB 8978-1996 污水综合排放标准 三级";
    long drain = outlet(id, "DW001", "废水排口", OutletKind.WATER, water, "LD130133000015");
    outlets.replaceLimits(
        drain,
        List.of(
            limit("011", Averaging.DAY, 500, "mg/L", water, false, 0),
            limit("060", Averaging.DAY, 45, "mg/L", water, false, 0)));
    String gas = "GB 13271-2014 锅炉大气污染物排放标准 燃气锅炉";
    long stack = outlet(id, "DA001", "锅炉排口", OutletKind.GAS, gas, MN + "104");
    outlets.replaceLimits(
        stack, gasLimits(gas, 3.5, new String[] {"a21026", "a21002", "a34013"}, 50, 200, 20));
    // the bureau watches this boiler closely since its logger went quiet: 2 minutes, not 15
    rules.insert(
        new AlarmRule(
            0,
            "锅炉排口联网异常（2分钟）",
            AlarmType.OFFLINE,
            Optional.empty(),
            Optional.of(stack),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalInt.of(2),
            Severity.MAJOR,
            true));
  }

  private long enterprise(
      String name,
      String first17,
      String industryCode,
      String industryName,
      String town,
      Set<KeyPolluterCategory> categories,
      PermitClass permitClass,
      String mainDeviceMn) {
    Optional<Device> main = devices.byMn(mainDeviceMn);
    CreditCode code = new CreditCode(first17 + CreditCode.checkCharacter(first17));
    return enterprises.insert(
        new Enterprise(
            0,
            name,
            code,
            Optional.of(industryCode),
            Optional.of(industryName),
            Optional.of("示范县" + town),
            Optional.of(town),
            Optional.of(town + "网格"),
            departments.resolve(town).map(d -> d.id()),
            main.flatMap(Device::longitude),
            main.flatMap(Device::latitude),
            categories.isEmpty() ? EnumSet.noneOf(KeyPolluterCategory.class) : categories,
            Optional.of(code.value().substring(8, 17) + "001P"),
            Optional.of(permitClass),
            Optional.of(LocalDate.of(2023, 7, 1)),
            Optional.of(LocalDate.of(2028, 6, 30)),
            Optional.of("环保负责人"),
            Optional.of("0635-0000000")));
  }

  private long outlet(
      long enterprise, String code, String name, OutletKind kind, String standard, String mn) {
    Optional<Device> device = devices.byMn(mn);
    long id =
        outlets.insert(
            new Outlet(
                0,
                enterprise,
                code,
                name,
                kind,
                true,
                Optional.of(standard),
                device.flatMap(Device::longitude),
                device.flatMap(Device::latitude)));
    device.ifPresent(d -> outlets.bindDevice(d.id(), id));
    return id;
  }

  /** SO₂, NOx, PM hour limits on the 折算 value, and the same as real-time early warning. */
  private static List<OutletLimit> gasLimits(
      String standard, double referenceO2, String[] factors, double... limits) {
    List<OutletLimit> list = new ArrayList<>();
    for (int i = 0; i < factors.length; i++) {
      list.add(limit(factors[i], Averaging.HOUR, limits[i], "mg/m³", standard, true, referenceO2));
      list.add(
          limit(factors[i], Averaging.REALTIME, limits[i], "mg/m³", standard, true, referenceO2));
    }
    return list;
  }

  /** COD, NH₃-N, TP, TN day limits, and COD and NH₃-N as real-time early warning. */
  private static List<OutletLimit> waterLimits(
      String standard, double cod, double nh3, double tp, double tn) {
    List<OutletLimit> list = new ArrayList<>();
    list.add(limit("w01018", Averaging.DAY, cod, "mg/L", standard, false, 0));
    list.add(limit("w21003", Averaging.DAY, nh3, "mg/L", standard, false, 0));
    list.add(limit("w21011", Averaging.DAY, tp, "mg/L", standard, false, 0));
    list.add(limit("w21001", Averaging.DAY, tn, "mg/L", standard, false, 0));
    list.add(limit("w01018", Averaging.REALTIME, cod, "mg/L", standard, false, 0));
    list.add(limit("w21003", Averaging.REALTIME, nh3, "mg/L", standard, false, 0));
    list.add(
        new OutletLimit(
            0,
            0,
            "w01001",
            Averaging.REALTIME,
            9,
            OptionalDouble.of(6),
            "无量纲",
            Optional.of(standard),
            false,
            OptionalDouble.empty()));
    return list;
  }

  private static OutletLimit limit(
      String factor,
      Averaging averaging,
      double value,
      String unit,
      String standard,
      boolean corrected,
      double referenceO2) {
    return new OutletLimit(
        0,
        0,
        factor,
        averaging,
        value,
        OptionalDouble.empty(),
        unit,
        Optional.of(standard),
        corrected,
        corrected ? OptionalDouble.of(referenceO2) : OptionalDouble.empty());
  }

  private void permits(long enterprise, Object... pollutantTonnes) {
    List<PermitTotal> totals = new ArrayList<>();
    for (int i = 0; i < pollutantTonnes.length; i += 2) {
      totals.add(
          new PermitTotal(
              enterprise,
              (String) pollutantTonnes[i],
              ((Number) pollutantTonnes[i + 1]).doubleValue()));
    }
    permits.replace(enterprise, totals);
  }

  /** A production line or treatment facility on the meter, with its rated current. */
  private record Line(String name, double ratedAmps) {}

  /**
   * The meter's facilities: production {@code n} on channel d204nn, treatment {@code n} on d304nn;
   * {@code links} pairs production and treatment numbers (which treatment serves which line).
   */
  private void meter(
      long enterprise, String mn, List<Line> production, List<Line> treatment, int[][] links) {
    Optional<Device> meter = devices.byMn(mn);
    List<Long> lines = new ArrayList<>();
    List<Long> treatments = new ArrayList<>();
    for (int i = 0; i < production.size(); i++) {
      lines.add(facility(enterprise, production.get(i), FacilityKind.PRODUCTION, meter, 2, i + 1));
    }
    for (int i = 0; i < treatment.size(); i++) {
      treatments.add(
          facility(enterprise, treatment.get(i), FacilityKind.TREATMENT, meter, 3, i + 1));
    }
    for (int[] link : links) {
      facilities.link(lines.get(link[0] - 1), treatments.get(link[1] - 1));
    }
  }

  private long facility(
      long enterprise,
      Line line,
      FacilityKind kind,
      Optional<Device> meter,
      int codeKind,
      int number) {
    long id =
        facilities.insert(
            new Facility(
                0,
                enterprise,
                line.name(),
                kind,
                OptionalDouble.of(Math.round(line.ratedAmps() * 0.38 * 1.732 * 0.85)),
                OptionalDouble.of(line.ratedAmps())));
    meter.ifPresent(
        m ->
            facilities.addChannel(
                new FacilityChannel(
                    0,
                    id,
                    m.id(),
                    String.format("d%d04%02d", codeKind, number),
                    ChannelKind.CURRENT)));
    return id;
  }
}
