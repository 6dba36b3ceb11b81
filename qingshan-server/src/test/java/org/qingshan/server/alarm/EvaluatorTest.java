package org.qingshan.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Suffix;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.ChannelKind;
import org.qingshan.server.registry.Facility;
import org.qingshan.server.registry.FacilityChannel;
import org.qingshan.server.registry.FacilityKind;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;

/** Each rule type judged without Spring: what raises, what keeps quiet, what ends. */
class EvaluatorTest {
  private static final long DEVICE = 7;
  private static final long OUTLET = 70;
  private static final long ENTERPRISE = 700;
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 8, 0);

  private final Evaluator evaluator = new Evaluator();
  private final List<Finding> found = new ArrayList<>();
  private long ruleIds = 1;

  private AlarmRule rule(AlarmType type, String factor, Double threshold, Integer count) {
    return new AlarmRule(
        ruleIds++,
        type.apiName(),
        type,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(factor),
        Optional.empty(),
        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
        count == null ? OptionalInt.empty() : OptionalInt.of(count),
        Severity.MAJOR,
        true);
  }

  private static OutletLimit limit(String factor, Averaging a, double value, Double referenceO2) {
    return new OutletLimit(
        1,
        OUTLET,
        factor,
        a,
        value,
        OptionalDouble.empty(),
        "mg/m³",
        Optional.empty(),
        referenceO2 != null,
        referenceO2 == null ? OptionalDouble.empty() : OptionalDouble.of(referenceO2));
  }

  private static RuleSet.Builder base(AlarmRule... rules) {
    return RuleSet.builder(AlarmSettings.defaults())
        .rules(List.of(rules))
        .deviceOutlets(Map.of(DEVICE, OUTLET))
        .outlets(
            List.of(
                new Outlet(
                    OUTLET,
                    ENTERPRISE,
                    "DA001",
                    "烟囱",
                    OutletKind.GAS,
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())));
  }

  private static FactorReading reading(String factor, String flag, FactorValue... values) {
    return FactorReading.of(factor, List.of(values), Optional.ofNullable(flag));
  }

  private static FactorReading avg(String factor, double v) {
    return reading(factor, "N", new FactorValue(Suffix.AVG, v));
  }

  private static FactorReading rtd(String factor, double v) {
    return reading(factor, "N", new FactorValue(Suffix.RTD, v));
  }

  private List<Finding> hour(RuleSet set, int hour, FactorReading... readings) {
    found.clear();
    evaluator.packet(
        set, DEVICE, ObservationKind.HOUR, T0.plusHours(hour), List.of(readings), false, found);
    return List.copyOf(found);
  }

  private List<Finding> realtime(RuleSet set, int minute, FactorReading... readings) {
    found.clear();
    evaluator.packet(
        set,
        DEVICE,
        ObservationKind.REALTIME,
        T0.plusMinutes(minute),
        List.of(readings),
        false,
        found);
    return List.copyOf(found);
  }

  @Test
  void hourMeansAboveTheHourLimitRaiseEachHourAndTheFirstNormalHourEnds() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    assertThat(hour(set, 0, avg("a21026", 150))).isEmpty();
    List<Finding> over = hour(set, 1, avg("a21026", 250));
    assertThat(over)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.raised()).isTrue();
              assertThat(f.key())
                  .isEqualTo(AlarmKey.device(DEVICE, "a21026", AlarmType.EXCEEDANCE));
              assertThat(f.value()).hasValue(250);
              assertThat(f.limit()).hasValue(200);
              assertThat(f.outletId()).contains(OUTLET);
              assertThat(f.enterpriseId()).contains(ENTERPRISE);
            });
    assertThat(hour(set, 2, avg("a21026", 260))).singleElement().matches(Finding::raised);
    assertThat(hour(set, 3, avg("a21026", 100))).singleElement().matches(f -> !f.raised());
    assertThat(hour(set, 4, avg("a21026", 100))).isEmpty();
  }

  @Test
  void realtimeValuesAreJudgedAgainstTheRealtimeLimitOnly() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    assertThat(realtime(set, 0, rtd("a21026", 500))).isEmpty();
    RuleSet warned =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.REALTIME, 180, null)))
            .build();
    assertThat(realtime(warned, 1, rtd("a21026", 190))).singleElement().matches(Finding::raised);
  }

  @Test
  void correctedLimitsJudgeTheSentZsValueOrTheOneComputedFromOxygen() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 100, 6.0)))
            .build();
    // Measured 90 is within 100, but the 折算 value the logger sent is 120.
    assertThat(
            hour(
                set,
                0,
                reading(
                    "a21026",
                    "N",
                    new FactorValue(Suffix.AVG, 90),
                    new FactorValue(Suffix.ZS_AVG, 120))))
        .singleElement()
        .satisfies(f -> assertThat(f.value()).hasValue(120));
    // Without ZsAvg: 90 × (21 − 6) / (21 − 11) = 135.
    assertThat(hour(set, 1, avg("a21026", 90), avg("a19001", 11)))
        .singleElement()
        .satisfies(f -> assertThat(f.value()).hasValue(135));
    // Oxygen of 21 % makes 折算 meaningless: nothing is judged.
    assertThat(hour(set, 2, avg("a21026", 90), avg("a19001", 21))).isEmpty();
    assertThat(Evaluator.correct(90, 6, 21)).isNaN();
  }

  @Test
  void valuesFlaggedOtherThanNAreNotJudgedForExceedance() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    assertThat(hour(set, 0, reading("a21026", "C", new FactorValue(Suffix.AVG, 900)))).isEmpty();
    assertThat(hour(set, 1, reading("a21026", "M", new FactorValue(Suffix.AVG, 900)))).isEmpty();
  }

  @Test
  void continuousExceedanceNeedsItsCountOfPeriodsInARow() {
    RuleSet set =
        base(rule(AlarmType.CONTINUOUS_EXCEEDANCE, null, null, 3))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    assertThat(hour(set, 0, avg("a21026", 250))).isEmpty();
    assertThat(hour(set, 1, avg("a21026", 250))).isEmpty();
    assertThat(hour(set, 2, avg("a21026", 250))).singleElement().matches(Finding::raised);
  }

  @Test
  void aFlagLastingBeyondItsAllowedMinutesRaises() {
    RuleSet set = base(rule(AlarmType.FLAG, null, null, 120)).build();
    assertThat(hour(set, 0, reading("a21026", "M", new FactorValue(Suffix.AVG, 1)))).isEmpty();
    assertThat(hour(set, 1, reading("a21026", "M", new FactorValue(Suffix.AVG, 1)))).isEmpty();
    assertThat(hour(set, 2, reading("a21026", "M", new FactorValue(Suffix.AVG, 1))))
        .singleElement()
        .matches(Finding::raised);
    assertThat(hour(set, 3, avg("a21026", 1))).singleElement().matches(f -> !f.raised());
  }

  @Test
  void anExceedanceRulesThresholdStandsInWhereTheOutletHasNoLimit() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, 50.0, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    assertThat(hour(set, 0, avg("a21026", 150))).as("the registered limit decides").isEmpty();
    List<Finding> over = hour(set, 1, avg("a34013", 60));
    assertThat(over).singleElement().matches(Finding::raised);
    assertThat(over.get(0).limit()).hasValue(50);
    assertThat(over.get(0).message()).isEqualTo("a34013 小时均值 60 超过限值 50");
    assertThat(hour(base(rule(AlarmType.EXCEEDANCE, null, null, 1)).build(), 2, avg("a34013", 60)))
        .as("no limit and no threshold: nothing to judge by")
        .isEmpty();
  }

  @Test
  void messagesNameTheFactorAsTheBureauReadsIt() {
    Evaluator named = new Evaluator(code -> code.equals("a21026") ? "二氧化硫 (a21026)" : code);
    RuleSet negative = base(rule(AlarmType.NEGATIVE, null, null, null)).build();
    List<Finding> out = new ArrayList<>();
    named.packet(
        negative, DEVICE, ObservationKind.HOUR, T0, List.of(avg("a21026", -1)), false, out);
    assertThat(out).singleElement().extracting(Finding::message).isEqualTo("二氧化硫 (a21026) 出现负值 -1");
  }

  @Test
  void constantZeroNegativeOutOfRangeAndJump() {
    RuleSet constant = base(rule(AlarmType.CONSTANT, null, null, 3)).build();
    assertThat(hour(constant, 0, avg("a21026", 5))).isEmpty();
    assertThat(hour(constant, 1, avg("a21026", 5))).isEmpty();
    assertThat(hour(constant, 2, avg("a21026", 5))).singleElement().matches(Finding::raised);
    assertThat(hour(constant, 3, avg("a21026", 6))).singleElement().matches(f -> !f.raised());

    Evaluator fresh = new Evaluator();
    RuleSet zero = base(rule(AlarmType.ZERO, null, null, 2)).build();
    List<Finding> out = new ArrayList<>();
    fresh.packet(zero, DEVICE, ObservationKind.HOUR, T0, List.of(avg("a21026", 0)), false, out);
    assertThat(out).isEmpty();
    fresh.packet(
        zero, DEVICE, ObservationKind.HOUR, T0.plusHours(1), List.of(avg("a21026", 0)), false, out);
    assertThat(out).singleElement().matches(f -> f.key().type() == AlarmType.ZERO);

    RuleSet negative = base(rule(AlarmType.NEGATIVE, null, null, null)).build();
    assertThat(hour(negative, 0, avg("a21026", -1))).singleElement().matches(Finding::raised);
    assertThat(hour(negative, 1, avg("a01012", -3))).as("flue temperature").isEmpty();

    RuleSet range = base(rule(AlarmType.OUT_OF_RANGE, "a21026", 500.0, null)).build();
    assertThat(hour(range, 0, avg("a21026", 499))).isEmpty();
    assertThat(hour(range, 1, avg("a21026", 501))).singleElement().matches(Finding::raised);
    assertThat(hour(range, 2, avg("a34013", 900))).as("another factor").isEmpty();

    Evaluator jumps = new Evaluator();
    RuleSet jump = base(rule(AlarmType.JUMP, null, 0.5, null)).build();
    out.clear();
    jumps.packet(jump, DEVICE, ObservationKind.HOUR, T0, List.of(avg("a21026", 100)), false, out);
    jumps.packet(
        jump,
        DEVICE,
        ObservationKind.HOUR,
        T0.plusHours(1),
        List.of(avg("a21026", 140)),
        false,
        out);
    assertThat(out).isEmpty();
    jumps.packet(
        jump,
        DEVICE,
        ObservationKind.HOUR,
        T0.plusHours(2),
        List.of(avg("a21026", 300)),
        false,
        out);
    assertThat(out).singleElement().matches(f -> f.key().type() == AlarmType.JUMP);
  }

  @Test
  void aFactorWithALimitMissingFromHourDataRaises() {
    RuleSet set =
        base(rule(AlarmType.MISSING_FACTOR, null, null, null))
            .limits(
                List.of(
                    limit("a21026", Averaging.HOUR, 200, null),
                    limit("a21002", Averaging.HOUR, 100, null)))
            .build();
    assertThat(hour(set, 0, avg("a21026", 1), avg("a21002", 1))).isEmpty();
    assertThat(hour(set, 1, avg("a21026", 1)))
        .singleElement()
        .satisfies(f -> assertThat(f.key().factor()).isEqualTo("a21002"));
  }

  @Test
  void theMostSpecificRuleOfATypeApplies() {
    AlarmRule everywhere = rule(AlarmType.OUT_OF_RANGE, null, 10.0, null);
    AlarmRule device =
        new AlarmRule(
            99,
            "本设备",
            AlarmType.OUT_OF_RANGE,
            Optional.empty(),
            Optional.empty(),
            Optional.of(DEVICE),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.of(1000),
            OptionalInt.empty(),
            Severity.MINOR,
            true);
    RuleSet set = base(everywhere, device).build();
    assertThat(hour(set, 0, avg("a21026", 500))).isEmpty();
    assertThat(hour(set, 1, avg("a21026", 1500))).singleElement().matches(f -> f.rule() == device);
  }

  @Test
  void lateDataRaisesFoundLateWithoutDisturbingThePresent() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    assertThat(hour(set, 5, avg("a21026", 300))).singleElement().matches(f -> !f.late());
    found.clear();
    evaluator.packet(
        set, DEVICE, ObservationKind.HOUR, T0, List.of(avg("a21026", 100)), true, found);
    assertThat(found).as("late normal data ends nothing").isEmpty();
    evaluator.packet(
        set,
        DEVICE,
        ObservationKind.HOUR,
        T0.minusDays(2),
        List.of(avg("a21026", 300)),
        true,
        found);
    assertThat(found).singleElement().matches(Finding::late);
  }

  @Test
  void anOngoingAlarmFromBeforeARestartEndsWithTheFirstNormalPeriod() {
    RuleSet set =
        base(rule(AlarmType.EXCEEDANCE, null, null, 1))
            .limits(List.of(limit("a21026", Averaging.HOUR, 200, null)))
            .build();
    evaluator.seedOngoing(List.of(AlarmKey.device(DEVICE, "a21026", AlarmType.EXCEEDANCE)));
    assertThat(hour(set, 0, avg("a21026", 100))).singleElement().matches(f -> !f.raised());
  }

  private static final long METER = 8;
  private static final long KILN = 81;
  private static final long FILTER = 82;

  private RuleSet electricity(AlarmRule... rules) {
    return RuleSet.builder(AlarmSettings.defaults())
        .rules(List.of(rules))
        .facilities(
            List.of(
                new Facility(
                    KILN,
                    ENTERPRISE,
                    "窑",
                    FacilityKind.PRODUCTION,
                    OptionalDouble.of(1000),
                    OptionalDouble.empty()),
                new Facility(
                    FILTER,
                    ENTERPRISE,
                    "除尘",
                    FacilityKind.TREATMENT,
                    OptionalDouble.of(200),
                    OptionalDouble.empty())))
        .channels(
            List.of(
                new FacilityChannel(1, KILN, METER, "d20101", ChannelKind.POWER),
                new FacilityChannel(2, FILTER, METER, "d30101", ChannelKind.POWER)))
        .links(List.of(Map.entry(KILN, FILTER)))
        .build();
  }

  private List<Finding> meter(RuleSet set, int minute, double kiln, double filter) {
    found.clear();
    evaluator.packet(
        set,
        METER,
        ObservationKind.REALTIME,
        T0.plusMinutes(minute),
        List.of(rtd("d20101", kiln), rtd("d30101", filter)),
        false,
        found);
    return List.copyOf(found);
  }

  @Test
  void treatmentOffWhileProductionRunsRaisesAfterItsMinutes() {
    RuleSet set = electricity(rule(AlarmType.TREATMENT_NOT_RUNNING, null, null, 15));
    assertThat(meter(set, 0, 800, 10)).isEmpty(); // filter below 20 % of 200 kW: off
    assertThat(meter(set, 14, 800, 10)).isEmpty();
    assertThat(meter(set, 15, 800, 10))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.key().source()).isEqualTo(AlarmKey.SourceKind.FACILITY);
              assertThat(f.key().sourceId()).isEqualTo(FILTER);
              assertThat(f.facilityId()).contains(FILTER);
              assertThat(f.limit()).hasValue(40);
            });
    assertThat(meter(set, 16, 800, 150)).singleElement().matches(f -> !f.raised());
    assertThat(meter(set, 17, 100, 10)).as("kiln below 20 %: both off").isEmpty();
  }

  @Test
  void treatmentFarBelowItsRatingWhileProductionRunsIsLowLoad() {
    RuleSet set = electricity(rule(AlarmType.TREATMENT_LOW_LOAD, null, 0.3, null));
    assertThat(meter(set, 0, 800, 150)).isEmpty();
    assertThat(meter(set, 1, 800, 50))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.key().type()).isEqualTo(AlarmType.TREATMENT_LOW_LOAD);
              assertThat(f.limit()).hasValue(60);
            });
  }

  @Test
  void productionDuringACurtailmentPeriodRaises() {
    RuleSet set =
        RuleSet.builder(AlarmSettings.defaults())
            .rules(List.of(rule(AlarmType.PRODUCTION_DURING_CURTAILMENT, null, null, null)))
            .facilities(
                List.of(
                    new Facility(
                        KILN,
                        ENTERPRISE,
                        "窑",
                        FacilityKind.PRODUCTION,
                        OptionalDouble.of(1000),
                        OptionalDouble.empty())))
            .channels(List.of(new FacilityChannel(1, KILN, METER, "d20101", ChannelKind.POWER)))
            .curtailments(
                List.of(
                    new RuleSet.Curtailment(
                        ENTERPRISE, Optional.empty(), T0.plusMinutes(10), T0.plusMinutes(60))))
            .build();
    found.clear();
    evaluator.packet(
        set, METER, ObservationKind.REALTIME, T0, List.of(rtd("d20101", 900)), false, found);
    assertThat(found).isEmpty();
    evaluator.packet(
        set,
        METER,
        ObservationKind.REALTIME,
        T0.plusMinutes(20),
        List.of(rtd("d20101", 900)),
        false,
        found);
    assertThat(found)
        .singleElement()
        .matches(f -> f.key().type() == AlarmType.PRODUCTION_DURING_CURTAILMENT);
  }
}
