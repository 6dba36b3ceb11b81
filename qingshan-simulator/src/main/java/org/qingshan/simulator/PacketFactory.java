package org.qingshan.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;

/** Builds the uploads of one device: real-time, minute, hour and day data. */
final class PacketFactory {
  private static final double STANDARD_O2 =
      6; // % reference oxygen of coal-fired boilers (GB 13223)

  private final DeviceProfile device;
  private final ValueModel values;
  private final QnGenerator qns;

  PacketFactory(DeviceProfile device, ValueModel values, QnGenerator qns) {
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
  Packet period(
      String cn, LocalDateTime start, Duration length, Duration step, boolean wantsAnswer) {
    DataArea.Builder cp = DataArea.builder().dataTime(start);
    int n = (int) Math.max(1, length.dividedBy(step));
    double seconds = length.toSeconds();
    Optional<Factor> flow = device.flow();
    double flowAvg = flow.map(f -> stats(f, start, step, n)[1]).orElse(0.0);
    for (Factor f : device.factors()) {
      double[] s = stats(f, start, step, n);
      double o2 = oxygen(start);
      cp.put(f.code() + "-Min", DataArea.number(s[0]));
      cp.add(f.code() + "-Avg", DataArea.number(s[1]));
      cp.add(f.code() + "-Max", DataArea.number(s[2]));
      if (f.converted()) {
        cp.add(f.code() + "-ZsMin", DataArea.number(ValueModel.round(convert(s[0], o2))));
        cp.add(f.code() + "-ZsAvg", DataArea.number(ValueModel.round(convert(s[1], o2))));
        cp.add(f.code() + "-ZsMax", DataArea.number(ValueModel.round(convert(s[2], o2))));
      }
      if (f.total().isPresent()) {
        cp.add(
            f.code() + "-Cou", DataArea.number(ValueModel.round(total(f, s[1], flowAvg, seconds))));
      }
      cp.add(f.code() + "-Flag", periodFlag(f, start, step, n));
    }
    return upload(cn, cp.build(), wantsAnswer);
  }

  /** 2081 start-up time, sent after (re)starting. */
  Packet restart(LocalDateTime now, LocalDateTime restartedAt) {
    return upload(
        CommandCode.RESTART_TIME,
        DataArea.builder().dataTime(now).put("RestartTime", restartedAt).build(),
        true);
  }

  /** An upload answering a request: carries the request's QN, no answer wanted. */
  Packet answerUpload(Packet request, DataArea cp) {
    Packet.Builder b =
        Packet.builder().st(device.st()).cn(request.cn()).pw(device.pw()).mn(device.mn()).cp(cp);
    request.qn().ifPresent(b::qn);
    if (device.protocol() != ProtocolVersion.HJT_212_2005) {
      b.flag(Flag.of(1, false, false));
    }
    return b.build();
  }

  private Packet upload(String cn, DataArea cp, boolean wantsAnswer) {
    Packet.Builder b =
        Packet.builder().st(device.st()).cn(cn).pw(device.pw()).mn(device.mn()).cp(cp);
    if (device.protocol() != ProtocolVersion.HJT_212_2005) {
      b.qn(qns.next()).flag(Flag.of(1, false, wantsAnswer));
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
}
