package org.qingshan.server.alarm;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.ChannelKind;
import org.qingshan.server.registry.Facility;
import org.qingshan.server.registry.FacilityChannel;
import org.qingshan.server.registry.FacilityKind;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletLimit;

/**
 * Everything the evaluator needs, compiled once and read without locks: the enabled rules that
 * apply to each device (the most specific rule per type, factor and kind of data), the limits of
 * each device's outlet, the facilities each meter channel reports for, which treatment serves which
 * production, and the curtailment periods. A new snapshot replaces the old one on change.
 */
public final class RuleSet {
  /** The types judged value by value. */
  static final AlarmType[] VALUE_TYPES = {
    AlarmType.EXCEEDANCE,
    AlarmType.CONTINUOUS_EXCEEDANCE,
    AlarmType.FLAG,
    AlarmType.CONSTANT,
    AlarmType.ZERO,
    AlarmType.NEGATIVE,
    AlarmType.OUT_OF_RANGE,
    AlarmType.JUMP
  };

  private static final Check[] NO_CHECKS = new Check[0];
  private static final ObservationKind[] KINDS = ObservationKind.values();

  /** A 停限产 period of an enterprise, or of one facility when {@code facilityId} is given. */
  public record Curtailment(
      long enterpriseId, Optional<Long> facilityId, LocalDateTime start, LocalDateTime end) {
    boolean covers(FacilityInfo f, LocalDateTime t) {
      return enterpriseId == f.enterpriseId
          && facilityId.map(id -> id == f.id).orElse(true)
          && !t.isBefore(start)
          && t.isBefore(end);
    }
  }

  /** A rule as the evaluator applies it: its count and threshold resolved against the defaults. */
  static final class Check {
    final AlarmRule rule;
    final AlarmType type;
    final int count;
    final double threshold;
    final boolean hasThreshold;
    final int specificity;

    Check(AlarmRule rule, int count, double threshold, boolean hasThreshold, int specificity) {
      this.rule = rule;
      this.type = rule.type();
      this.count = Math.max(1, count);
      this.threshold = threshold;
      this.hasThreshold = hasThreshold;
      this.specificity = specificity;
    }
  }

  /** A facility with the rules of its enterprise and what makes it run. */
  static final class FacilityInfo {
    final long id;
    final long enterpriseId;
    final FacilityKind kind;
    final Facility facility;
    final double onPercent;
    long[] linked = new long[0];
    Check notRunning;
    Check lowLoad;
    Check curtailment;

    FacilityInfo(Facility f, double onPercent) {
      this.id = f.id();
      this.enterpriseId = f.enterpriseId();
      this.kind = f.kind();
      this.facility = f;
      this.onPercent = onPercent;
    }

    /** The rating a channel's reading compares with, or NaN when none is known. */
    double rated(ChannelKind channel) {
      return switch (channel) {
        case POWER -> facility.ratedPowerKw().orElse(Double.NaN);
        case CURRENT -> facility.ratedCurrentA().orElse(Double.NaN);
        default -> Double.NaN;
      };
    }

    /** Running: at least the share of its rating; without a rating, anything above zero. */
    boolean on(ChannelKind channel, double value) {
      if (channel == ChannelKind.STATE) {
        return value > 0;
      }
      double rated = rated(channel);
      return Double.isNaN(rated) ? value > 0 : value >= rated * onPercent / 100.0;
    }
  }

  /** A meter channel of a device: which facility it reports for and what. */
  record Channel(FacilityInfo facility, ChannelKind kind) {}

  /** What applies to one device. */
  final class DeviceRules {
    final long deviceId;
    final Optional<Long> outletId;
    final Optional<Long> enterpriseId;
    private final Map<String, OutletLimit[]> limits;
    final List<String> expectedHourFactors;
    final Check missingFactor;
    final Check[] checks;
    final Map<String, Channel> channels;
    private final Map<String, Check[][]> byFactor = new ConcurrentHashMap<>();

    DeviceRules(
        long deviceId,
        Optional<Long> outletId,
        Optional<Long> enterpriseId,
        Map<String, OutletLimit[]> limits,
        Map<String, Channel> channels) {
      this.deviceId = deviceId;
      this.outletId = outletId;
      this.enterpriseId = enterpriseId;
      this.limits = limits;
      this.channels = channels;
      this.checks = applicable(deviceId, outletId, enterpriseId);
      Set<String> hourly = new LinkedHashSet<>();
      limits.forEach(
          (factor, byAveraging) -> {
            if (byAveraging[Averaging.HOUR.ordinal()] != null) {
              hourly.add(factor);
            }
          });
      if (hourly.isEmpty()) {
        hourly.addAll(limits.keySet());
      }
      this.expectedHourFactors = List.copyOf(hourly);
      this.missingFactor =
          Arrays.stream(checks)
              .filter(c -> c.type == AlarmType.MISSING_FACTOR)
              .filter(c -> c.rule.dataKind().map(k -> k == ObservationKind.HOUR).orElse(true))
              .findFirst()
              .orElse(null);
    }

    /** The limit of a factor over an averaging period, or null. */
    OutletLimit limit(String factor, Averaging averaging) {
      OutletLimit[] byAveraging = limits.get(factor);
      return byAveraging == null ? null : byAveraging[averaging.ordinal()];
    }

    /** The checks of a factor's values of one kind: at most one per type, the most specific. */
    Check[] checks(String factor, ObservationKind kind) {
      Check[][] byKind = byFactor.get(factor);
      if (byKind == null) {
        byKind = new Check[KINDS.length][];
        for (ObservationKind k : KINDS) {
          byKind[k.ordinal()] = choose(factor, k);
        }
        byFactor.put(factor, byKind);
      }
      return byKind[kind.ordinal()];
    }

    private Check[] choose(String factor, ObservationKind kind) {
      List<Check> chosen = new ArrayList<>();
      for (AlarmType type : VALUE_TYPES) {
        for (Check c : checks) {
          if (c.type == type
              && c.rule.factor().map(factor::equals).orElse(true)
              && c.rule.dataKind().map(k -> k == kind).orElse(true)) {
            chosen.add(c);
            break;
          }
        }
      }
      return chosen.isEmpty() ? NO_CHECKS : chosen.toArray(Check[]::new);
    }
  }

  private final AlarmSettings settings;
  private final List<Check> rules;
  private final Map<Long, Long> deviceOutlets;
  private final Map<Long, Long> outletEnterprises;
  private final Map<Long, Map<String, OutletLimit[]>> limitsByOutlet;
  private final Map<Long, Map<String, Channel>> channelsByDevice;
  private final Map<Long, FacilityInfo> facilities;
  private final List<Curtailment> curtailments;
  private final Map<Long, DeviceRules> devices = new ConcurrentHashMap<>();

  private RuleSet(Builder b) {
    this.settings = b.settings;
    this.rules =
        b.rules.stream()
            .filter(AlarmRule::enabled)
            .map(r -> compile(r, b.settings))
            .sorted(Comparator.comparingInt((Check c) -> -c.specificity))
            .toList();
    this.deviceOutlets = Map.copyOf(b.deviceOutlets);
    Map<Long, Long> oe = new HashMap<>();
    b.outlets.forEach(o -> oe.put(o.id(), o.enterpriseId()));
    this.outletEnterprises = oe;
    Map<Long, Map<String, OutletLimit[]>> lb = new HashMap<>();
    for (OutletLimit l : b.limits) {
      lb.computeIfAbsent(l.outletId(), x -> new HashMap<>())
              .computeIfAbsent(l.factor(), x -> new OutletLimit[Averaging.values().length])[
              l.averaging().ordinal()] =
          l;
    }
    this.limitsByOutlet = lb;
    Map<Long, FacilityInfo> fs = new HashMap<>();
    for (Facility f : b.facilities) {
      fs.put(f.id(), new FacilityInfo(f, b.onPercent.getOrDefault(f.id(), settings.onPercent())));
    }
    Map<Long, List<Long>> links = new HashMap<>();
    for (Map.Entry<Long, Long> l : b.links) {
      links.computeIfAbsent(l.getKey(), x -> new ArrayList<>()).add(l.getValue());
      links.computeIfAbsent(l.getValue(), x -> new ArrayList<>()).add(l.getKey());
    }
    for (FacilityInfo f : fs.values()) {
      f.linked = links.getOrDefault(f.id, List.of()).stream().mapToLong(Long::longValue).toArray();
      f.notRunning = facilityCheck(f, AlarmType.TREATMENT_NOT_RUNNING);
      f.lowLoad = facilityCheck(f, AlarmType.TREATMENT_LOW_LOAD);
      f.curtailment = facilityCheck(f, AlarmType.PRODUCTION_DURING_CURTAILMENT);
    }
    this.facilities = fs;
    Map<Long, Map<String, Channel>> cd = new HashMap<>();
    for (FacilityChannel c : b.channels) {
      FacilityInfo f = fs.get(c.facilityId());
      if (f != null && c.kind() != ChannelKind.ENERGY) {
        cd.computeIfAbsent(c.deviceId(), x -> new HashMap<>())
            .put(c.code(), new Channel(f, c.kind()));
      }
    }
    this.channelsByDevice = cd;
    this.curtailments = List.copyOf(b.curtailments);
  }

  public static Builder builder(AlarmSettings settings) {
    return new Builder(settings);
  }

  public AlarmSettings settings() {
    return settings;
  }

  /** What applies to a device, compiled on first use. */
  DeviceRules device(long deviceId) {
    DeviceRules d = devices.get(deviceId);
    if (d == null) {
      d = devices.computeIfAbsent(deviceId, this::compileDevice);
    }
    return d;
  }

  FacilityInfo facility(long id) {
    return facilities.get(id);
  }

  boolean curtailed(FacilityInfo f, LocalDateTime t) {
    for (Curtailment c : curtailments) {
      if (c.covers(f, t)) {
        return true;
      }
    }
    return false;
  }

  /** The enabled rules of one type, most specific first. */
  List<AlarmRule> rulesOf(AlarmType type) {
    return rules.stream().filter(c -> c.type == type).map(c -> c.rule).toList();
  }

  /** The offline rule of a device, the most specific, if any. */
  Optional<AlarmRule> offlineRule(long deviceId) {
    return Arrays.stream(device(deviceId).checks)
        .filter(c -> c.type == AlarmType.OFFLINE)
        .map(c -> c.rule)
        .findFirst();
  }

  private DeviceRules compileDevice(long deviceId) {
    Optional<Long> outlet = Optional.ofNullable(deviceOutlets.get(deviceId));
    Optional<Long> enterprise = outlet.map(outletEnterprises::get);
    Map<String, OutletLimit[]> limits =
        outlet.map(o -> limitsByOutlet.getOrDefault(o, Map.of())).orElse(Map.of());
    Map<String, Channel> channels = channelsByDevice.getOrDefault(deviceId, Map.of());
    if (enterprise.isEmpty() && !channels.isEmpty()) {
      enterprise = Optional.of(channels.values().iterator().next().facility().enterpriseId);
    }
    return new DeviceRules(deviceId, outlet, enterprise, limits, channels);
  }

  private Check[] applicable(long deviceId, Optional<Long> outletId, Optional<Long> enterpriseId) {
    return rules.stream()
        .filter(
            c ->
                c.rule.global()
                    || c.rule.deviceId().map(d -> d == deviceId).orElse(false)
                    || (c.rule.deviceId().isEmpty()
                        && c.rule.outletId().isPresent()
                        && c.rule.outletId().equals(outletId))
                    || (c.rule.deviceId().isEmpty()
                        && c.rule.outletId().isEmpty()
                        && c.rule.enterpriseId().isPresent()
                        && c.rule.enterpriseId().equals(enterpriseId)))
        .toArray(Check[]::new);
  }

  private Check facilityCheck(FacilityInfo f, AlarmType type) {
    for (Check c : rules) {
      if (c.type == type
          && c.rule.deviceId().isEmpty()
          && c.rule.outletId().isEmpty()
          && c.rule.enterpriseId().map(e -> e == f.enterpriseId).orElse(true)) {
        return c;
      }
    }
    return null;
  }

  private static Check compile(AlarmRule r, AlarmSettings s) {
    int scope =
        r.deviceId().isPresent()
            ? 3
            : r.outletId().isPresent() ? 2 : r.enterpriseId().isPresent() ? 1 : 0;
    int specificity =
        scope * 4 + (r.factor().isPresent() ? 2 : 0) + (r.dataKind().isPresent() ? 1 : 0);
    int count =
        r.countOrMinutes()
            .orElse(
                switch (r.type()) {
                  case CONSTANT -> s.constantCount();
                  case ZERO -> s.zeroCount();
                  case FLAG -> s.flagMinutes();
                  case CONTINUOUS_EXCEEDANCE -> 3;
                  case TREATMENT_NOT_RUNNING -> s.notRunningMinutes();
                  default -> 1;
                });
    double threshold =
        r.threshold()
            .orElse(
                switch (r.type()) {
                  case TREATMENT_LOW_LOAD -> s.lowLoadFraction();
                  case JUMP -> 1.0;
                  default -> Double.NaN;
                });
    return new Check(r, count, threshold, !Double.isNaN(threshold), specificity);
  }

  /** The lists a snapshot is compiled from. */
  public static final class Builder {
    private final AlarmSettings settings;
    private List<AlarmRule> rules = List.of();
    private List<OutletLimit> limits = List.of();
    private Map<Long, Long> deviceOutlets = Map.of();
    private List<Outlet> outlets = List.of();
    private List<Facility> facilities = List.of();
    private List<FacilityChannel> channels = List.of();
    private List<Map.Entry<Long, Long>> links = List.of();
    private Map<Long, Double> onPercent = Map.of();
    private List<Curtailment> curtailments = List.of();

    private Builder(AlarmSettings settings) {
      this.settings = settings;
    }

    public Builder rules(List<AlarmRule> v) {
      rules = v;
      return this;
    }

    public Builder limits(List<OutletLimit> v) {
      limits = v;
      return this;
    }

    /** Device id to the id of the outlet it measures. */
    public Builder deviceOutlets(Map<Long, Long> v) {
      deviceOutlets = v;
      return this;
    }

    public Builder outlets(List<Outlet> v) {
      outlets = v;
      return this;
    }

    public Builder facilities(List<Facility> v) {
      facilities = v;
      return this;
    }

    public Builder channels(List<FacilityChannel> v) {
      channels = v;
      return this;
    }

    /** Production facility id to the id of a treatment facility serving it. */
    public Builder links(List<Map.Entry<Long, Long>> v) {
      links = v;
      return this;
    }

    /** Facility id to its own running threshold, percent of its rating. */
    public Builder onPercent(Map<Long, Double> v) {
      onPercent = v;
      return this;
    }

    public Builder curtailments(List<Curtailment> v) {
      curtailments = v;
      return this;
    }

    public RuleSet build() {
      return new RuleSet(this);
    }
  }
}
