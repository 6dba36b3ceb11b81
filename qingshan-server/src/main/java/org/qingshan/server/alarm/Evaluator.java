package org.qingshan.server.alarm;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Suffix;
import org.qingshan.server.alarm.RuleSet.Channel;
import org.qingshan.server.alarm.RuleSet.Check;
import org.qingshan.server.alarm.RuleSet.DeviceRules;
import org.qingshan.server.alarm.RuleSet.FacilityInfo;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.ChannelKind;
import org.qingshan.server.registry.FacilityKind;
import org.qingshan.server.registry.OutletLimit;

/**
 * Judges data by its data time against a {@link RuleSet}: what each rule needs to remember (values
 * in a row, since when a flag or a facility's state lasts) lives here, so one evaluator serves one
 * thread. It tells what it found through {@link Finding}s: a condition seen, or over after the
 * configured number of periods back within the rule. Late data is judged on what it shows alone and
 * leaves the memory of the present untouched.
 */
public final class Evaluator {
  static final String OXYGEN = "a19001";

  /** Factors that are negative in nature (temperatures, flue pressure): no 负值 without a rule. */
  private static final Set<String> MAY_BE_NEGATIVE = Set.of("a01001", "a01012", "a01013");

  private static final int TYPES = AlarmType.values().length;
  private static final ObservationKind[] KINDS = ObservationKind.values();
  private static final Averaging[] AVERAGING = new Averaging[KINDS.length];

  static {
    for (ObservationKind k : KINDS) {
      AVERAGING[k.ordinal()] = averaging(k).orElse(null);
    }
  }

  /** A factor as the bureau reads it in an alarm's message: "二氧化硫 (a21026)". */
  private final Function<String, String> factorLabel;

  private final Map<Long, DeviceState> devices = new HashMap<>();
  private final Map<Long, Runs> facilities = new HashMap<>();
  private final Set<AlarmKey> ongoing = new HashSet<>();

  /** Messages name factors by their codes. */
  public Evaluator() {
    this(code -> code);
  }

  public Evaluator(Function<String, String> factorLabel) {
    this.factorLabel = factorLabel;
  }

  /** What is remembered of a source: runs of conditions per type. */
  private static class Runs {
    final int[] run = new int[TYPES];
    final int[] normal = new int[TYPES];
    final boolean[] active = new boolean[TYPES];
    final LocalDateTime[] since = new LocalDateTime[TYPES];
  }

  /** One factor's values of one kind. */
  private static final class FactorState extends Runs {
    double last = Double.NaN;
  }

  /** A facility's newest state from its meter. */
  private static final class FacilityState extends Runs {
    boolean known;
    boolean on;
    double value;
    ChannelKind channel;
    LocalDateTime at;
  }

  private static final class DeviceState {
    @SuppressWarnings("unchecked")
    final Map<String, FactorState>[] byKind = new Map[KINDS.length];

    DeviceState() {
      for (int i = 0; i < byKind.length; i++) {
        byKind[i] = new HashMap<>();
      }
    }
  }

  /**
   * Alarms still lasting (after a restart): their condition may end with the first data back within
   * the rule, although this evaluator did not see it begin.
   */
  public void seedOngoing(Collection<AlarmKey> keys) {
    ongoing.addAll(keys);
  }

  /**
   * Judges the readings of one packet of one device.
   *
   * @param late re-sent or back-filled data: judged on its own, alarms found late, nothing ended
   */
  public void packet(
      RuleSet set,
      long deviceId,
      ObservationKind kind,
      LocalDateTime time,
      List<FactorReading> readings,
      boolean late,
      List<Finding> out) {
    DeviceRules rules = set.device(deviceId);
    DeviceState device = late ? null : devices.computeIfAbsent(deviceId, d -> new DeviceState());
    Suffix valueSuffix = kind == ObservationKind.REALTIME ? Suffix.RTD : Suffix.AVG;
    for (int i = 0, n = readings.size(); i < n; i++) {
      FactorReading r = readings.get(i);
      OptionalDouble read = r.value(valueSuffix);
      if (read.isEmpty()) {
        continue;
      }
      double v = read.getAsDouble();
      if (!Double.isFinite(v)) {
        continue;
      }
      if (!rules.channels.isEmpty()) {
        Channel channel = rules.channels.get(r.factor());
        if (channel != null) {
          if (!late) {
            facilityReading(channel, v, time);
          }
          continue;
        }
      }
      Check[] checks = rules.checks(r.factor(), kind);
      if (checks.length == 0) {
        continue;
      }
      FactorState st = late ? null : factorState(device, rules, kind, r.factor());
      judge(set, rules, kind, time, readings, r, v, checks, st, out);
      if (st != null) {
        st.last = v;
      }
    }
    if (!touched.isEmpty()) {
      facilities(set, rules, time, out);
    }
    if (kind == ObservationKind.HOUR && !late && rules.missingFactor != null) {
      missingFactors(rules, device, time, readings, out);
    }
  }

  private void judge(
      RuleSet set,
      DeviceRules rules,
      ObservationKind kind,
      LocalDateTime time,
      List<FactorReading> readings,
      FactorReading r,
      double v,
      Check[] checks,
      FactorState st,
      List<Finding> out) {
    String flag = r.flagCode().orElse("N");
    boolean normalFlag = flag.equals("N");
    for (Check c : checks) {
      switch (c.type) {
        case EXCEEDANCE, CONTINUOUS_EXCEEDANCE -> {
          if (!normalFlag) {
            break;
          }
          Averaging averaging = AVERAGING[kind.ordinal()];
          OutletLimit limit = averaging == null ? null : rules.limit(r.factor(), averaging);
          if (limit == null && averaging != null && c.hasThreshold) {
            // The outlet has no limit for this factor: the rule's own threshold stands in.
            limit = ruleLimit(r.factor(), averaging, c.threshold);
          }
          if (limit == null) {
            break;
          }
          double judged = limit.corrected() ? corrected(r, kind, limit, readings) : v;
          if (Double.isNaN(judged)) {
            break;
          }
          boolean over =
              judged > limit.limit()
                  || (limit.lowerLimit().isPresent() && judged < limit.lowerLimit().getAsDouble());
          double bound =
              over && judged <= limit.limit() ? limit.lowerLimit().getAsDouble() : limit.limit();
          {
            int o = step(set, st, c, over, c.count);
            if (o != NONE) {
              out.add(
                  deviceFinding(
                      rules,
                      c,
                      o == RAISE,
                      time,
                      r.factor(),
                      judged,
                      bound,
                      st == null,
                      exceedanceText(factorLabel.apply(r.factor()), kind, judged, bound, limit)));
            }
          }
        }
        case FLAG -> {
          if (st == null) {
            break;
          }
          int t = c.type.ordinal();
          if (normalFlag) {
            st.since[t] = null;
          } else if (st.since[t] == null) {
            st.since[t] = time;
          }
          boolean lasting =
              st.since[t] != null && Duration.between(st.since[t], time).toMinutes() >= c.count;
          if (!lasting && !normalFlag) {
            break; // flagged, but not yet beyond its allowed time: neither raised nor over
          }
          {
            int o = step(set, st, c, lasting, 1);
            if (o != NONE) {
              out.add(
                  deviceFinding(
                      rules,
                      c,
                      o == RAISE,
                      time,
                      r.factor(),
                      v,
                      Double.NaN,
                      st == null,
                      factorLabel.apply(r.factor())
                          + " 数据标识 "
                          + flag
                          + " 持续超过 "
                          + c.count
                          + " 分钟"));
            }
          }
        }
        case CONSTANT -> {
          if (st == null) {
            break;
          }
          boolean same = v != 0 && v == st.last;
          {
            int o = step(set, st, c, same, c.count - 1);
            if (o != NONE) {
              out.add(
                  deviceFinding(
                      rules,
                      c,
                      o == RAISE,
                      time,
                      r.factor(),
                      v,
                      Double.NaN,
                      st == null,
                      factorLabel.apply(r.factor()) + " 连续 " + c.count + " 个数据恒为 " + number(v)));
            }
          }
        }
        case ZERO -> {
          int o = step(set, st, c, v == 0, c.count);
          if (o != NONE) {
            out.add(
                deviceFinding(
                    rules,
                    c,
                    o == RAISE,
                    time,
                    r.factor(),
                    v,
                    0,
                    st == null,
                    factorLabel.apply(r.factor()) + " 连续 " + c.count + " 个数据为零"));
          }
        }
        case NEGATIVE -> {
          if (c.rule.factor().isEmpty() && MAY_BE_NEGATIVE.contains(r.factor())) {
            break;
          }
          {
            int o = step(set, st, c, v < 0, c.count);
            if (o != NONE) {
              out.add(
                  deviceFinding(
                      rules,
                      c,
                      o == RAISE,
                      time,
                      r.factor(),
                      v,
                      0,
                      st == null,
                      factorLabel.apply(r.factor()) + " 出现负值 " + number(v)));
            }
          }
        }
        case OUT_OF_RANGE -> {
          if (!c.hasThreshold) {
            break;
          }
          {
            int o = step(set, st, c, v > c.threshold, c.count);
            if (o != NONE) {
              out.add(
                  deviceFinding(
                      rules,
                      c,
                      o == RAISE,
                      time,
                      r.factor(),
                      v,
                      c.threshold,
                      st == null,
                      factorLabel.apply(r.factor())
                          + " "
                          + number(v)
                          + " 超出量程 "
                          + number(c.threshold)));
            }
          }
        }
        case JUMP -> {
          if (st == null || Double.isNaN(st.last)) {
            break;
          }
          double base = Math.abs(st.last);
          boolean jump = base > 1e-9 && Math.abs(v - st.last) / base > c.threshold;
          {
            int o = step(set, st, c, jump, c.count);
            if (o != NONE) {
              out.add(
                  deviceFinding(
                      rules,
                      c,
                      o == RAISE,
                      time,
                      r.factor(),
                      v,
                      c.threshold,
                      st == null,
                      factorLabel.apply(r.factor())
                          + " 由 "
                          + number(st.last)
                          + " 突变为 "
                          + number(v)));
            }
          }
        }
        default -> {}
      }
    }
  }

  private void missingFactors(
      DeviceRules rules,
      DeviceState device,
      LocalDateTime time,
      List<FactorReading> readings,
      List<Finding> out) {
    for (String expected : rules.expectedHourFactors) {
      boolean present = false;
      for (int i = 0, n = readings.size(); i < n && !present; i++) {
        present = readings.get(i).factor().equals(expected);
      }
      FactorState st = factorState(device, rules, ObservationKind.HOUR, expected);
      Check c = rules.missingFactor;
      {
        int o = step(null, st, c, !present, c.count);
        if (o != NONE) {
          out.add(
              deviceFinding(
                  rules,
                  c,
                  o == RAISE,
                  time,
                  expected,
                  Double.NaN,
                  Double.NaN,
                  st == null,
                  "小时数据缺少 " + expected));
        }
      }
    }
  }

  private static final int NONE = 0;
  private static final int RAISE = 1;
  private static final int END = 2;

  /**
   * Moves a run on: a condition seen {@code required} times in a row raises (late data, with no
   * run, raises at once when one is enough); an active condition not seen {@code endAfter} times in
   * a row ends. Messages are made only for what is found: judging must not build strings.
   */
  private int step(RuleSet set, Runs st, Check c, boolean condition, int required) {
    if (st == null) {
      return condition && required <= 1 ? RAISE : NONE;
    }
    int t = c.type.ordinal();
    if (condition) {
      st.normal[t] = 0;
      if (++st.run[t] >= required) {
        st.run[t] = required; // no overflow however long it lasts
        st.active[t] = true;
        return RAISE;
      }
      return NONE;
    }
    st.run[t] = 0;
    if (st.active[t] && ++st.normal[t] >= endAfter(set)) {
      st.active[t] = false;
      st.normal[t] = 0;
      return END;
    }
    return NONE;
  }

  private int endAfter = 1;

  /** Periods back within the rule that end an alarm (from the rule set's settings). */
  private int endAfter(RuleSet set) {
    if (set != null) {
      endAfter = Math.max(1, set.settings().endAfter());
    }
    return endAfter;
  }

  private static Finding deviceFinding(
      DeviceRules rules,
      Check c,
      boolean raised,
      LocalDateTime time,
      String factor,
      double value,
      double limit,
      boolean late,
      String message) {
    return new Finding(
        AlarmKey.device(rules.deviceId, factor, c.type),
        raised,
        c.rule,
        time,
        Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value),
        Double.isNaN(limit) ? OptionalDouble.empty() : OptionalDouble.of(limit),
        Optional.of(rules.deviceId),
        rules.outletId,
        rules.enterpriseId,
        Optional.empty(),
        late,
        message);
  }

  private FactorState factorState(
      DeviceState device, DeviceRules rules, ObservationKind kind, String factor) {
    Map<String, FactorState> states = device.byKind[kind.ordinal()];
    FactorState st = states.get(factor);
    if (st == null) {
      st = new FactorState();
      if (!ongoing.isEmpty()) {
        for (AlarmType type : AlarmType.values()) {
          st.active[type.ordinal()] =
              ongoing.contains(AlarmKey.device(rules.deviceId, factor, type));
        }
      }
      states.put(factor, st);
    }
    return st;
  }

  // ---- electricity -------------------------------------------------------------------------

  /** Takes a meter reading into its facility's state; judged once per packet afterwards. */
  private void facilityReading(Channel channel, double v, LocalDateTime time) {
    FacilityInfo f = channel.facility();
    FacilityState fs = facilityState(f);
    if (fs.at != null && time.isBefore(fs.at)) {
      return; // older than what is known of the facility: the present state stands
    }
    fs.known = true;
    fs.on = f.on(channel.kind(), v);
    fs.value = v;
    fs.channel = channel.kind();
    fs.at = time;
    if (!touched.contains(f)) {
      touched.add(f);
    }
  }

  private final List<FacilityInfo> touched = new ArrayList<>();
  private final List<FacilityInfo> treatments = new ArrayList<>();

  /** Judges the facilities a packet's readings moved: each treatment and production once. */
  private void facilities(RuleSet set, DeviceRules rules, LocalDateTime time, List<Finding> out) {
    treatments.clear();
    for (FacilityInfo f : touched) {
      if (f.kind == FacilityKind.TREATMENT) {
        if (!treatments.contains(f)) {
          treatments.add(f);
        }
        continue;
      }
      for (long t : f.linked) {
        FacilityInfo treatment = set.facility(t);
        if (treatment != null && !treatments.contains(treatment)) {
          treatments.add(treatment);
        }
      }
      if (f.curtailment != null) {
        FacilityState fs = facilityState(f);
        boolean during = fs.on && set.curtailed(f, time);
        facilityApply(
            set,
            rules,
            f,
            fs,
            f.curtailment,
            during,
            1,
            time,
            fs.value,
            Double.NaN,
            out,
            f.facility.name() + " 停限产期间生产");
      }
    }
    for (FacilityInfo t : treatments) {
      treatment(set, rules, t, time, out);
    }
    touched.clear();
  }

  /** 治污设施未同步运行 and 低负荷 of one treatment facility against its production lines. */
  private void treatment(
      RuleSet set, DeviceRules rules, FacilityInfo t, LocalDateTime time, List<Finding> out) {
    FacilityState ts = facilityState(t);
    if (!ts.known) {
      return;
    }
    boolean productionOn = false;
    for (long p : t.linked) {
      FacilityInfo production = set.facility(p);
      if (production != null && facilityState(production).on) {
        productionOn = true;
        break;
      }
    }
    if (t.notRunning != null) {
      int i = AlarmType.TREATMENT_NOT_RUNNING.ordinal();
      boolean mismatch = productionOn && !ts.on;
      if (!mismatch) {
        ts.since[i] = null;
      } else if (ts.since[i] == null) {
        ts.since[i] = time;
      }
      boolean lasting =
          mismatch && Duration.between(ts.since[i], time).toMinutes() >= t.notRunning.count;
      if (lasting || !mismatch) {
        double rated = t.rated(ts.channel);
        facilityApply(
            set,
            rules,
            t,
            ts,
            t.notRunning,
            lasting,
            1,
            time,
            ts.value,
            Double.isNaN(rated) ? Double.NaN : rated * t.onPercent / 100,
            out,
            t.facility.name() + " 生产设施运行而治污设施未运行");
      }
    }
    if (t.lowLoad != null) {
      double rated = t.rated(ts.channel);
      if (!Double.isNaN(rated)) {
        double floor = t.lowLoad.threshold * rated;
        boolean low = productionOn && ts.on && ts.value < floor;
        facilityApply(
            set,
            rules,
            t,
            ts,
            t.lowLoad,
            low,
            1,
            time,
            ts.value,
            floor,
            out,
            t.facility.name() + " 治污设施低负荷运行");
      }
    }
  }

  private void facilityApply(
      RuleSet set,
      DeviceRules rules,
      FacilityInfo f,
      FacilityState st,
      Check c,
      boolean condition,
      int required,
      LocalDateTime time,
      double value,
      double limit,
      List<Finding> out,
      String message) {
    int t = c.type.ordinal();
    boolean raise = false;
    boolean end = false;
    if (condition) {
      st.normal[t] = 0;
      if (++st.run[t] >= required) {
        st.run[t] = required;
        st.active[t] = true;
        raise = true;
      }
    } else {
      st.run[t] = 0;
      if (st.active[t] && ++st.normal[t] >= endAfter(set)) {
        st.active[t] = false;
        st.normal[t] = 0;
        end = true;
      }
    }
    if (raise || end) {
      out.add(
          new Finding(
              new AlarmKey(AlarmKey.SourceKind.FACILITY, f.id, AlarmKey.NO_FACTOR, c.type),
              raise,
              c.rule,
              time,
              Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value),
              Double.isNaN(limit) ? OptionalDouble.empty() : OptionalDouble.of(limit),
              Optional.of(rules.deviceId),
              Optional.empty(),
              Optional.of(f.enterpriseId),
              Optional.of(f.id),
              false,
              message));
    }
  }

  private FacilityState facilityState(FacilityInfo f) {
    Runs r = facilities.get(f.id);
    if (r == null) {
      FacilityState fs = new FacilityState();
      for (AlarmType type : AlarmType.values()) {
        fs.active[type.ordinal()] =
            ongoing.contains(
                new AlarmKey(AlarmKey.SourceKind.FACILITY, f.id, AlarmKey.NO_FACTOR, type));
      }
      facilities.put(f.id, fs);
      return fs;
    }
    return (FacilityState) r;
  }

  // ---- values ------------------------------------------------------------------------------

  /** The limit a kind of data is judged against: real-time values the early warning, … */
  static Optional<Averaging> averaging(ObservationKind kind) {
    return switch (kind) {
      case REALTIME -> Optional.of(Averaging.REALTIME);
      case HOUR -> Optional.of(Averaging.HOUR);
      case DAY -> Optional.of(Averaging.DAY);
      case MINUTE -> Optional.empty();
    };
  }

  /**
   * The 折算 value: the one the logger sent, else ρ × (21 − O₂ref) / (21 − O₂) from the packet's
   * oxygen; NaN when neither can be had (no oxygen, or oxygen of 21 % or more, where the formula
   * has no meaning).
   */
  static double corrected(
      FactorReading r, ObservationKind kind, OutletLimit limit, List<FactorReading> readings) {
    boolean realtime = kind == ObservationKind.REALTIME;
    OptionalDouble sent = r.value(realtime ? Suffix.ZS_RTD : Suffix.ZS_AVG);
    if (sent.isPresent() && Double.isFinite(sent.getAsDouble())) {
      return sent.getAsDouble();
    }
    if (limit.referenceO2().isEmpty()) {
      return Double.NaN;
    }
    OptionalDouble measured = r.value(realtime ? Suffix.RTD : Suffix.AVG);
    double o2 = Double.NaN;
    for (int i = 0, n = readings.size(); i < n; i++) {
      FactorReading o = readings.get(i);
      if (o.factor().equals(OXYGEN)) {
        o2 = o.value(realtime ? Suffix.RTD : Suffix.AVG).orElse(Double.NaN);
        break;
      }
    }
    return correct(measured.orElse(Double.NaN), limit.referenceO2().getAsDouble(), o2);
  }

  /** ρ × (21 − O₂ref) / (21 − O₂); NaN for oxygen of 21 % or more (or below zero). */
  public static double correct(double measured, double referenceO2, double o2) {
    if (Double.isNaN(measured) || Double.isNaN(o2) || o2 >= 21 || o2 < 0) {
      return Double.NaN;
    }
    return measured * (21 - referenceO2) / (21 - o2);
  }

  private static OutletLimit ruleLimit(String factor, Averaging averaging, double threshold) {
    return new OutletLimit(
        0,
        0,
        factor,
        averaging,
        threshold,
        OptionalDouble.empty(),
        "",
        Optional.empty(),
        false,
        OptionalDouble.empty());
  }

  private static String exceedanceText(
      String factor, ObservationKind kind, double value, double bound, OutletLimit limit) {
    String period =
        switch (kind) {
          case REALTIME -> "实时值";
          case HOUR -> "小时均值";
          case DAY -> "日均值";
          case MINUTE -> "分钟值";
        };
    return factor
        + " "
        + period
        + (limit.corrected() ? "（折算）" : "")
        + " "
        + number(value)
        + " 超过限值 "
        + (number(bound) + " " + limit.unit()).strip();
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return String.valueOf(Math.round(v * 1000) / 1000.0);
  }
}
