package org.qingshan.simulator;

import static org.qingshan.simulator.Factor.plain;
import static org.qingshan.simulator.Factor.pollutant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.hj212.packet.ProtocolVersion;

/**
 * The simulated devices of the demo county (青山县): stacks, waste-water outlets, sewage plants, air
 * and surface-water stations. MNs are 24 hex characters (2017) or 14 (the legacy 2005 unit); one HJ
 * 212-2025 logger has none yet and asks the centre for it.
 */
public final class DemoCounty {
  private DemoCounty() {}

  /** Password of every demo device. */
  public static final String PASSWORD = "123456";

  public static List<DeviceProfile> devices() {
    return List.of(
        stack("010000A8900016F000000101", "青山热电有限公司 1号锅炉排口", 22, 32, 3.5),
        // desulfurisation of boiler 2 has failed: SO₂ above its limit from the start
        stack("010000A8900016F000000102", "青山热电有限公司 2号锅炉排口", 70, 38, 4.2),
        stack2025("010000A8900016F000000103", "青山水泥有限公司 窑尾排口", 60, 180, 8)
            .encrypting("3B9A61F0C4E2875D1A6C0F93B7D25E48"),
        wastewater("010000A8900016F000000201", "青山造纸有限公司 废水总排口", 38, 3.2, 60, 100, 8)
            .with(Faults.stuckAnalysers("w01018")),
        wastewater("010000A8900016F000000202", "青山化工园区 污水总排口", 55, 4.1, 80, 150, 15),
        sewage("010000A8900016F000000301", "青山县城市污水处理厂 出水口", 260),
        sewage("010000A8900016F000000302", "青山县第二污水处理厂 出水口", 120),
        air("010000A8900016F000000401", "县环境监测站 空气自动站", 38),
        air("010000A8900016F000000402", "青山开发区 空气自动站", 46),
        air("010000A8900016F000000403", "青龙镇 空气自动站", 31),
        water("010000A8900016F000000501", "青河 入境断面 水质自动站", 0.35),
        water("010000A8900016F000000502", "青河 出境断面 水质自动站", 0.55),
        legacyWastewater("LD130133000015", "青山食品有限公司 废水排口（旧数采仪）"),
        stack("010000A8900016F000000104", "青山食品有限公司 锅炉排口", 18, 60, 6).with(Faults.silentForHours()),
        meter("010000A8900016F000000601", "青山热电有限公司 用电监控", 2, 3)
            .encrypting("C7152E9A08D4B36F5E21A97C40B8D3F1"),
        meter("010000A8900016F000000602", "青山水泥有限公司 用电监控", 1, 2)
            .with(Faults.treatmentStoppedAroundTheClock(2)),
        meter("010000A8900016F000000603", "青山造纸有限公司 用电监控", 1, 1),
        activatingWastewater());
  }

  /** The serial of the demo's logger that gets its MN from the centre at its first start. */
  public static final String ACTIVATING_SERIAL = "6970000000001QS2025A0001";

  /**
   * A waste-water outlet whose new HJ 212-2025 logger was just installed: it has no MN and asks the
   * centre for one (CN=1001) with its fingerprint; the demo registers it as an admin would.
   */
  private static DeviceProfile activatingWastewater() {
    DeviceProfile p = wastewater("", "青山制药有限公司 废水总排口（新装数采仪）", 42, 3.6, 100, 45, 10);
    return new DeviceProfile(
            p.mn(), p.pw(), p.kind(), p.site(), ProtocolVersion.HJ_212_2025, p.factors())
        .activating(
            new Hardware(ACTIVATING_SERIAL, "A800200A8C6D", "E86A643C7BBC", "A763742C1AE1"));
  }

  /**
   * An electricity meter on an enterprise's production and treatment facilities: per facility three
   * phase voltages and a current, named by the {@code d} codes of HJ 212-2025 (see {@link
   * ElectricityModel}).
   */
  private static DeviceProfile meter(String mn, String site, int production, int treatment) {
    List<Factor> factors = new ArrayList<>();
    for (int i = 1; i <= production; i++) {
      factors.addAll(facility(2, i, "生产设施", 45 + 10 * i));
    }
    for (int i = 1; i <= treatment; i++) {
      factors.addAll(facility(3, i, "治理设施", 12 + 4 * i));
    }
    return new DeviceProfile(
        mn, PASSWORD, DeviceKind.ELECTRICITY, site, ProtocolVersion.HJ_212_2025, factors);
  }

  private static List<Factor> facility(int kind, int number, String name, double amps) {
    String facility = String.format(Locale.ROOT, "%02d", number);
    List<Factor> factors = new ArrayList<>();
    String[] phases = {"A", "B", "C"};
    for (int p = 1; p <= 3; p++) {
      factors.add(
          plain(
              "d" + kind + "0" + p + facility,
              name + number + " " + phases[p - 1] + "相电压",
              "V",
              220,
              0,
              0,
              0));
    }
    factors.add(plain("d" + kind + "04" + facility, name + number + " 电流", "A", amps, 0, 0, 0));
    return factors;
  }

  /** A stack whose data logger was replaced this year: it speaks HJ 212-2025. */
  private static DeviceProfile stack2025(
      String mn, String site, double so2, double nox, double dust) {
    DeviceProfile p = stack(mn, site, so2, nox, dust);
    return new DeviceProfile(
        p.mn(), p.pw(), p.kind(), p.site(), ProtocolVersion.HJ_212_2025, p.factors());
  }

  private static DeviceProfile stack(String mn, String site, double so2, double nox, double dust) {
    return new DeviceProfile(
        mn,
        PASSWORD,
        DeviceKind.STACK_GAS,
        site,
        ProtocolVersion.HJ_212_2017,
        List.of(
            pollutant("a21026", "二氧化硫", "mg/m³", so2, 35, true, "kg"),
            pollutant("a21002", "氮氧化物", "mg/m³", nox, Math.max(50, nox * 1.4), true, "kg"),
            pollutant("a34013", "颗粒物", "mg/m³", dust, Math.max(5, dust * 1.5), true, "kg"),
            plain("a19001", "氧含量", "%", 8.5, 0.05, 14, 0.03),
            plain("a01012", "烟气温度", "°C", 52, 0.05, 14, 0.02),
            plain("a01011", "烟气流速", "m/s", 11, 0.15, 11, 0.04),
            plain("a01013", "烟气压力", "kPa", 0.12, 0.05, 11, 0.05),
            plain("a01014", "烟气湿度", "%", 9, 0.1, 11, 0.05),
            new Factor(
                "a00000",
                "烟气流量",
                "m³/s",
                95,
                0.2,
                11,
                0.04,
                OptionalDouble.empty(),
                false,
                Optional.of("m³"))));
  }

  private static DeviceProfile wastewater(
      String mn, String site, double cod, double nh3, double codLimit, double flowBase, double ss) {
    return new DeviceProfile(
        mn,
        PASSWORD,
        DeviceKind.WASTE_WATER,
        site,
        ProtocolVersion.HJ_212_2017,
        List.of(
            pollutant("w01018", "化学需氧量", "mg/L", cod, codLimit, false, "kg"),
            pollutant("w21003", "氨氮", "mg/L", nh3, 8, false, "kg"),
            pollutant("w21011", "总磷", "mg/L", 0.35, 1.0, false, "kg"),
            pollutant("w21001", "总氮", "mg/L", 11, 20, false, "kg"),
            plain("w01001", "pH值", "无量纲", 7.3, 0.03, 15, 0.01),
            new Factor(
                "w00000",
                "废水流量",
                "L/s",
                flowBase,
                0.4,
                10,
                0.06,
                OptionalDouble.empty(),
                false,
                Optional.of("m³"))));
  }

  private static DeviceProfile sewage(String mn, String site, double flowBase) {
    return new DeviceProfile(
        mn,
        PASSWORD,
        DeviceKind.SEWAGE_PLANT,
        site,
        ProtocolVersion.HJ_212_2017,
        List.of(
            pollutant("w01018", "化学需氧量", "mg/L", 24, 50, false, "kg"),
            pollutant("w21003", "氨氮", "mg/L", 1.6, 5, false, "kg"),
            pollutant("w21011", "总磷", "mg/L", 0.22, 0.5, false, "kg"),
            pollutant("w21001", "总氮", "mg/L", 9.5, 15, false, "kg"),
            plain("w01001", "pH值", "无量纲", 7.1, 0.02, 15, 0.01),
            new Factor(
                "w00000",
                "出水流量",
                "L/s",
                flowBase,
                0.35,
                9,
                0.05,
                OptionalDouble.empty(),
                false,
                Optional.of("m³"))));
  }

  private static DeviceProfile air(String mn, String site, double pm25) {
    return new DeviceProfile(
        mn,
        PASSWORD,
        DeviceKind.AMBIENT_AIR,
        site,
        ProtocolVersion.HJ_212_2017,
        List.of(
            new Factor(
                "a34004",
                "PM2.5",
                "μg/m³",
                pm25,
                0.3,
                8,
                0.1,
                OptionalDouble.of(75),
                false,
                Optional.empty()),
            new Factor(
                "a34002",
                "PM10",
                "μg/m³",
                pm25 * 1.8,
                0.3,
                8,
                0.1,
                OptionalDouble.of(150),
                false,
                Optional.empty()),
            plain("a21026", "二氧化硫", "μg/m³", 9, 0.3, 10, 0.1),
            plain("a21004", "二氧化氮", "μg/m³", 28, 0.45, 8, 0.1),
            plain("a21005", "一氧化碳", "mg/m³", 0.8, 0.3, 8, 0.08),
            new Factor(
                "a05024",
                "臭氧",
                "μg/m³",
                85,
                0.6,
                15,
                0.1,
                OptionalDouble.of(200),
                false,
                Optional.empty()),
            plain("a01001", "温度", "°C", 18, 0.25, 14, 0.02),
            plain("a01002", "湿度", "%", 62, 0.2, 4, 0.04),
            plain("a01006", "气压", "kPa", 101.2, 0.002, 4, 0.001),
            plain("a01007", "风速", "m/s", 2.4, 0.4, 14, 0.2),
            plain("a01008", "风向", "°", 180, 0.5, 14, 0.3)));
  }

  private static DeviceProfile water(String mn, String site, double nh3) {
    return new DeviceProfile(
        mn,
        PASSWORD,
        DeviceKind.SURFACE_WATER,
        site,
        ProtocolVersion.HJ_212_2017,
        List.of(
            plain("w01001", "pH值", "无量纲", 7.8, 0.02, 15, 0.01),
            plain("w01009", "溶解氧", "mg/L", 7.4, 0.15, 15, 0.03),
            plain("w01010", "水温", "°C", 17, 0.06, 16, 0.01),
            plain("w01014", "电导率", "μS/cm", 520, 0.03, 12, 0.02),
            plain("w01003", "浊度", "NTU", 12, 0.2, 12, 0.1),
            new Factor(
                "w01019",
                "高锰酸盐指数",
                "mg/L",
                4.1,
                0.08,
                12,
                0.05,
                OptionalDouble.of(6),
                false,
                Optional.empty()),
            new Factor(
                "w21003",
                "氨氮",
                "mg/L",
                nh3,
                0.1,
                12,
                0.08,
                OptionalDouble.of(1.0),
                false,
                Optional.empty()),
            new Factor(
                "w21011",
                "总磷",
                "mg/L",
                0.12,
                0.1,
                12,
                0.08,
                OptionalDouble.of(0.2),
                false,
                Optional.empty()),
            plain("w21001", "总氮", "mg/L", 1.4, 0.1, 12, 0.06)));
  }

  private static DeviceProfile legacyWastewater(String mn, String site) {
    return new DeviceProfile(
        mn,
        PASSWORD,
        DeviceKind.WASTE_WATER,
        site,
        ProtocolVersion.HJT_212_2005,
        List.of(
            pollutant("011", "化学需氧量", "mg/L", 45, 100, false, "kg"),
            pollutant("060", "氨氮", "mg/L", 4, 15, false, "kg"),
            new Factor(
                "B01",
                "污水流量",
                "L/s",
                12,
                0.4,
                10,
                0.06,
                OptionalDouble.empty(),
                false,
                Optional.of("m³"))));
  }
}
