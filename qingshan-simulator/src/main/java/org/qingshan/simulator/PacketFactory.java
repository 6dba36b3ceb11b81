package org.qingshan.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Split;

/**
 * Builds the uploads of one device: real-time, minute, hour and day data, and the run state and
 * daily run time of its treatment facilities.
 */
final class PacketFactory {
  /** The longest data segment of the standard; longer uploads are split. */
  static final int STANDARD_MAX_SEGMENT = 1024;

  private static final double STANDARD_O2 =
      6; // % reference oxygen of coal-fired boilers (GB 13223)

  private final int maxSegment;
  private final DeviceProfile device;
  private final ValueModel values;
  private final QnGenerator qns;

  PacketFactory(DeviceProfile device, ValueModel values, QnGenerator qns, int maxSegment) {
    this.maxSegment = maxSegment;
    this.device = device;
    this.values = values;
    this.qns = qns;
  }

  /** 2011 real-time data at {@code t}. */
  Packet realtime(LocalDateTime t) {
    DataArea.Builder cp = DataArea.builder().dataTime(t);
    double o2 = oxygen(t);
    for (Factor f : device.factors()) {
      double v = values.sample(device, f, t);
      cp.put(f.code() + "-Rtd", DataArea.number(v));
      if (f.converted()) {
        cp.add(f.code() + "-ZsRtd", DataArea.number(convert(v, o2)));
      }
      cp.add(f.code() + "-Flag", values.flag(device, f, t));
    }
    return upload(CommandCode.REALTIME_DATA, cp.build(), true);
  }

  /**
   * Period data (2051 minute, 2061 hour, 2031 day) of [start, start + length), from samples every
   * {@code step}.
   */
  List<Packet> period(
      String cn, LocalDateTime start, Duration length, Duration step, boolean wantsAnswer) {
    int n = (int) Math.max(1, length.dividedBy(step));
    double seconds = length.toSeconds();
    Optional<Factor> flow = device.flow();
    double flowAvg = flow.map(f -> stats(f, start, step, n)[1]).orElse(0.0);
    List<List<String[]>> factors = new ArrayList<>();
    for (Factor f : device.factors()) {
      double[] s = stats(f, start, step, n);
      double o2 = oxygen(start);
      List<String[]> items = new ArrayList<>();
      items.add(item(f, "Min", s[0]));
      items.add(item(f, "Avg", s[1]));
      items.add(item(f, "Max", s[2]));
      if (f.converted()) {
        items.add(item(f, "ZsMin", ValueModel.round(convert(s[0], o2))));
        items.add(item(f, "ZsAvg", ValueModel.round(convert(s[1], o2))));
        items.add(item(f, "ZsMax", ValueModel.round(convert(s[2], o2))));
      }
      if (f.total().isPresent()) {
        items.add(item(f, "Cou", ValueModel.round(total(f, s[1], flowAvg, seconds))));
      }
      items.add(new String[] {f.code() + "-Flag", periodFlag(f, start, step, n)});
      factors.add(items);
    }
    return uploads(cn, start, factors, wantsAnswer);
  }

  private static String[] item(Factor f, String suffix, double value) {
    return new String[] {f.code() + "-" + suffix, DataArea.number(value)};
  }

  /**
   * One upload, or, when its data segment would pass the maximum (the standard's 1024), its parts
   * (Flag D, PNUM/PNO, each with its own QN and the DataTime), whole factors in each: what a 2017
   * data acquisition unit sends for a wide station's hour and day data.
   */
  private List<Packet> uploads(
      String cn, LocalDateTime dataTime, List<List<String[]>> factors, boolean wantsAnswer) {
    Packet whole = upload(cn, dataArea(dataTime, factors), wantsAnswer);
    int segment = PacketEncoder.segment(whole).length();
    if (device.protocol() == ProtocolVersion.HJT_212_2005 || segment <= maxSegment) {
      return List.of(whole);
    }
    int budget = maxSegment - (segment - length(factors)) - ";PNUM=99;PNO=99".length();
    List<List<List<String[]>>> parts = new ArrayList<>();
    List<List<String[]>> part = new ArrayList<>();
    int used = 0;
    for (List<String[]> factor : factors) {
      int size = length(List.of(factor));
      if (!part.isEmpty() && used + size > budget) {
        parts.add(part);
        part = new ArrayList<>();
        used = 0;
      }
      part.add(factor);
      used += size;
    }
    parts.add(part);
    List<Packet> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      out.add(
          Packet.builder()
              .qn(qns.next())
              .st(device.st())
              .cn(cn)
              .pw(device.pw())
              .mn(device.mn())
              .flag(Flag.of(versionBits(), true, wantsAnswer))
              .split(new Split(parts.size(), i + 1))
              .cp(dataArea(dataTime, parts.get(i)))
              .build());
    }
    return out;
  }

  private static DataArea dataArea(LocalDateTime dataTime, List<List<String[]>> factors) {
    DataArea.Builder cp = DataArea.builder().dataTime(dataTime);
    for (List<String[]> items : factors) {
      cp.put(items.get(0)[0], items.get(0)[1]);
      for (String[] item : items.subList(1, items.size())) {
        cp.add(item[0], item[1]);
      }
    }
    return cp.build();
  }

  /** Characters the factors take in a data area: key=value, joined by ',' and ';'. */
  private static int length(List<List<String[]>> factors) {
    int n = 0;
    for (List<String[]> items : factors) {
      for (String[] item : items) {
        n += item[0].length() + 1 + item[1].length() + 1;
      }
    }
    return n;
  }

  /** 2021 the run state of each treatment facility at {@code t}; none for a station. */
  Optional<Packet> facilityStatus(LocalDateTime t) {
    int n = device.kind().facilities();
    if (n == 0 || device.protocol() == ProtocolVersion.HJT_212_2005) {
      return Optional.empty();
    }
    DataArea.Builder cp = DataArea.builder().dataTime(t);
    for (int sb = 1; sb <= n; sb++) {
      cp.put("SB" + sb + "-RS", Integer.toString(values.facilityState(device, sb, t)));
    }
    return Optional.of(upload(CommandCode.FACILITY_STATUS, cp.build(), true));
  }

  /**
   * 2011 under ST=45 (HJ 212-2025 关键生产工况): the production state of each of an electricity meter's
   * production facilities at {@code t} ({@code p991NN-Rtd=N|Sr|St}, NN the facility's number as in
   * its {@code d2..NN} codes); none for other devices.
   */
  Optional<Packet> productionStates(LocalDateTime t) {
    if (device.kind() != DeviceKind.ELECTRICITY) {
      return Optional.empty();
    }
    List<String> facilities =
        device.factors().stream()
            .map(Factor::code)
            .filter(c -> c.startsWith("d204"))
            .map(c -> c.substring(4))
            .toList();
    if (facilities.isEmpty()) {
      return Optional.empty();
    }
    DataArea.Builder cp = DataArea.builder().dataTime(t);
    String mark = values.productionMark(device, t);
    for (String facility : facilities) {
      cp.put("p991" + facility + "-Rtd", mark);
    }
    return Optional.of(
        Packet.builder()
            .st(CommandCode.ST_PRODUCTION_STATE)
            .cn(CommandCode.REALTIME_DATA)
            .pw(device.pw())
            .mn(device.mn())
            .qn(qns.next())
            .flag(Flag.of(versionBits(), false, true))
            .cp(cp.build())
            .build());
  }

  /**
   * 2041 each treatment facility's hours of treatment on {@code day}, from its state every five
   * minutes; none for a station.
   */
  Optional<Packet> facilityRuntime(LocalDateTime day, boolean wantsAnswer) {
    int n = device.kind().facilities();
    if (n == 0 || device.protocol() == ProtocolVersion.HJT_212_2005) {
      return Optional.empty();
    }
    LocalDateTime start = day.truncatedTo(ChronoUnit.DAYS);
    DataArea.Builder cp = DataArea.builder().dataTime(start);
    for (int sb = 1; sb <= n; sb++) {
      int running = 0;
      for (int step = 0; step < 24 * 12; step++) {
        running +=
            ValueModel.treating(values.facilityState(device, sb, start.plusMinutes(5L * step)))
                ? 1
                : 0;
      }
      cp.put("SB" + sb + "-RT", String.format(Locale.ROOT, "%.2f", running / 12.0));
    }
    return Optional.of(upload(CommandCode.FACILITY_RUNTIME_DAY, cp.build(), wantsAnswer));
  }

  /** 2081 start-up time, sent after (re)starting. */
  Packet restart(LocalDateTime now, LocalDateTime restartedAt) {
    return upload(
        CommandCode.RESTART_TIME,
        DataArea.builder().dataTime(now).put("RestartTime", restartedAt).build(),
        true);
  }

  /**
   * 1001: an HJ 212-2025 logger without an MN announces its fingerprint (empty MN, answer wanted:
   * the centre's 9013 says it was recorded).
   */
  Packet hardwareSerial(Hardware hw) {
    return Packet.builder()
        .qn(qns.next())
        .st(device.st())
        .cn(CommandCode.HARDWARE_SERIAL)
        .pw(device.pw())
        .mn("")
        .flag(Flag.of(versionBits(), false, true))
        .cp(
            DataArea.builder()
                .put("i23005-Info", hw.serial())
                .put("i23006-Info", hw.cpuId())
                .put("i23007-Info", hw.mac1())
                .put("i23008-Info", hw.mac2())
                .build())
        .build();
  }

  /** An upload answering a request: carries the request's QN, no answer wanted. */
  Packet answerUpload(Packet request, DataArea cp) {
    Packet.Builder b =
        Packet.builder().st(device.st()).cn(request.cn()).pw(device.pw()).mn(device.mn()).cp(cp);
    request.qn().ifPresent(b::qn);
    if (device.protocol() != ProtocolVersion.HJT_212_2005) {
      b.flag(Flag.of(versionBits(), false, false));
    }
    return b.build();
  }

  private Packet upload(String cn, DataArea cp, boolean wantsAnswer) {
    Packet.Builder b =
        Packet.builder().st(device.st()).cn(cn).pw(device.pw()).mn(device.mn()).cp(cp);
    if (device.protocol() != ProtocolVersion.HJT_212_2005) {
      b.qn(qns.next()).flag(Flag.of(versionBits(), false, wantsAnswer));
    }
    return b.build();
  }

  private double[] stats(Factor f, LocalDateTime start, Duration step, int n) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v = values.sample(device, f, start.plus(step.multipliedBy(i)));
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return new double[] {min, ValueModel.round(sum / n), max};
  }

  private String periodFlag(Factor f, LocalDateTime start, Duration step, int n) {
    for (int i = 0; i < n; i++) {
      String flag = values.flag(device, f, start.plus(step.multipliedBy(i)));
      if (!flag.equals("N")) {
        return flag; // one abnormal value makes the period abnormal (waste-water rule)
      }
    }
    return "N";
  }

  private double oxygen(LocalDateTime t) {
    return device.factors().stream()
        .filter(f -> f.code().equals("a19001"))
        .mapToDouble(f -> values.sample(device, f, t))
        .findFirst()
        .orElse(STANDARD_O2);
  }

  /** Converted (折算) concentration at the reference oxygen content. */
  private static double convert(double c, double o2) {
    return ValueModel.round(c * (21 - STANDARD_O2) / Math.max(1, 21 - o2));
  }

  /** Cumulative amount over the period: m³ for flows, kg for pollutants. */
  private double total(Factor f, double avg, double flowAvg, double seconds) {
    boolean isFlow = device.flow().map(fl -> fl.code().equals(f.code())).orElse(false);
    boolean litres =
        f.unit().startsWith("L/s")
            || device.flow().map(fl -> fl.unit().equals("L/s")).orElse(false);
    if (isFlow) {
      return litres ? avg * seconds / 1000 : avg * seconds;
    }
    // mg/L x L/s x s = mg; mg/m3 x m3/s x s = mg; both to kg
    return avg * flowAvg * seconds / 1e6;
  }

  /** The Flag's version bits of the device's protocol: 1 for HJ 212-2017, 2 for HJ 212-2025. */
  private int versionBits() {
    return device.protocol() == ProtocolVersion.HJ_212_2025 ? 2 : 1;
  }
}
