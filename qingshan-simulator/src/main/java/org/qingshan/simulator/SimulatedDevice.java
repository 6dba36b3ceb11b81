package org.qingshan.simulator;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.ExeReturn;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.command.QnReturn;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;

/**
 * One simulated data acquisition unit: keeps a connection to the centre, sends real-time, minute,
 * hour and day data when due, keeps what could not be delivered (outages, missing answers) and
 * sends it after reconnecting, and answers the centre's commands.
 */
final class SimulatedDevice {
  private static final int MAX_SENDS_PER_TICK = 100;

  /** How often a logger still without an MN repeats its CN=1001 on one connection. */
  private static final Duration MN_REQUEST_INTERVAL = Duration.ofSeconds(60);

  private volatile DeviceProfile profile;
  private final SimulationOptions options;
  private final EventLoopGroup group;
  private final String host;
  private final int port;
  private PacketFactory packets;
  private final ValueModel values;
  private final QnGenerator qns;
  private final SplittableRandom random;
  private final Counters counters;
  private final Deque<Packet> backlog = new ArrayDeque<>();

  private Hj212Client client;
  private boolean connecting;
  private boolean stopped;
  private LocalDateTime offlineUntil = LocalDateTime.MIN;
  private int quietTicks;
  private final AtomicInteger inFlight = new AtomicInteger();
  private LocalDateTime nextRealtime;
  private LocalDateTime nextMinute;
  private LocalDateTime nextHour;
  private LocalDateTime nextDay;
  private Duration realtimeInterval;
  private int minuteInterval;
  private boolean realtimeOn = true;
  private boolean facilityStatusOn = true;
  private Duration clockOffset = Duration.ZERO;
  private final LocalDateTime startedAt;

  /** How long before the start a silent device was last heard. */
  static final Duration SILENT_FOR = Duration.ofHours(3);

  private static final int QUIET_TICKS = 5;
  private boolean restartSent;
  private LocalDateTime nextMnRequest = LocalDateTime.MIN;
  private ScheduledFuture<?> ticking;

  /** Counters shared by all devices of a run. */
  static final class Counters {
    final LongAdder sent = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder unanswered = new LongAdder();
    final LongAdder commands = new LongAdder();
    final LongAdder outages = new LongAdder();
  }

  SimulatedDevice(
      DeviceProfile profile,
      SimulationOptions options,
      EventLoopGroup group,
      String host,
      int port,
      Counters counters) {
    this.profile = profile;
    this.options = options;
    this.group = group;
    this.host = host;
    this.port = port;
    this.counters = counters;
    this.values = new ValueModel(options.seed(), options.exceedanceRate());
    this.qns = new QnGenerator(options.clock());
    this.packets = new PacketFactory(profile, values, qns, PacketFactory.STANDARD_MAX_SEGMENT);
    this.random =
        new SplittableRandom(
            options.seed()
                ^ profile.hardware().map(Hardware::serial).orElse(profile.mn()).hashCode());
    this.realtimeInterval = options.realtimeInterval();
    this.minuteInterval = options.minuteInterval();
    LocalDateTime now = now();
    this.startedAt = now;
    LocalDateTime from = now.minus(options.history());
    this.nextRealtime = now;
    this.nextMinute = alignMinutes(from, minuteInterval);
    this.nextHour = from.truncatedTo(ChronoUnit.HOURS);
    this.nextDay = from.truncatedTo(ChronoUnit.DAYS);
  }

  DeviceProfile profile() {
    return profile;
  }

  void start() {
    ticking =
        group
            .next()
            .scheduleAtFixedRate(
                this::tickSafely, 0, options.tick().toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop() {
    Hj212Client c;
    synchronized (this) {
      stopped = true;
      if (ticking != null) {
        ticking.cancel(false);
      }
      c = client;
      client = null;
    }
    if (c != null) {
      c.close(); // outside the lock: the closing thread may need it for callbacks
    }
  }

  synchronized boolean connected() {
    return client != null && client.isConnected();
  }

  synchronized int backlogSize() {
    return backlog.size();
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // a bug in one device must not stop the others; the next tick tries again
    }
  }

  private synchronized void tick() {
    if (stopped) {
      return;
    }
    LocalDateTime now = now();
    produceDueData(now);
    if (now.isBefore(offlineUntil)) {
      return;
    }
    if (!connected()) {
      connect();
      return;
    }
    if (profile.needsMn()) {
      askForMn(now);
      return;
    }
    if (!restartSent && profile.protocol() != ProtocolVersion.HJT_212_2005) {
      restartSent = true;
      send(packets.restart(now(), startedAt), false);
    }
    maybeStartOutage(now);
    flush();
    fallSilentOnceHistoryIsIn();
  }

  /**
   * A silent device sends the history it has (up to {@link #SILENT_FOR} before the start) and then
   * drops off the network for good, once its last packets had time to be answered.
   */
  private void fallSilentOnceHistoryIsIn() {
    if (!profile.faults().silent()
        || !backlog.isEmpty()
        || inFlight.get() > 0
        || ++quietTicks < QUIET_TICKS) {
      return;
    }
    offlineUntil = LocalDateTime.MAX;
    client.close();
    client = null;
  }

  /**
   * A logger at its first start has nothing to send data under: it announces its fingerprint
   * (CN=1001) on each new connection and again now and then until the centre assigns its MN.
   */
  private void askForMn(LocalDateTime now) {
    if (now.isBefore(nextMnRequest)) {
      return;
    }
    nextMnRequest = now.plus(MN_REQUEST_INTERVAL);
    send(packets.hardwareSerial(profile.hardware().orElseThrow()), false);
  }

  private void produceDueData(LocalDateTime now) {
    if (profile.needsMn()) {
      // measured but not kept: without an MN the logger has nothing to send it under; period data
      // is produced from the start of its history once the MN is known
      while (!nextRealtime.isAfter(now)) {
        nextRealtime = nextRealtime.plus(realtimeInterval);
      }
      return;
    }
    LocalDateTime until = profile.faults().silent() ? startedAt.minus(SILENT_FOR) : now;
    while (!nextRealtime.isAfter(now)) {
      if (connected() && !now.isBefore(offlineUntil) && !profile.faults().silent()) {
        if (realtimeOn) {
          send(packets.realtime(nextRealtime), false);
          packets.productionStates(nextRealtime).ifPresent(p -> send(p, false));
        }
        if (facilityStatusOn) {
          packets.facilityStatus(nextRealtime).ifPresent(p -> send(p, false));
        }
      }
      nextRealtime = nextRealtime.plus(realtimeInterval);
    }
    if (!profile.kind().periodData()) {
      return;
    }
    Duration minute = Duration.ofMinutes(minuteInterval);
    while (!nextMinute.plus(minute).isAfter(until)) {
      backlog.addAll(
          packets.period(CommandCode.MINUTE_DATA, nextMinute, minute, Duration.ofMinutes(1), true));
      nextMinute = nextMinute.plus(minute);
    }
    while (!nextHour.plusHours(1).isAfter(until)) {
      backlog.addAll(
          packets.period(
              CommandCode.HOUR_DATA, nextHour, Duration.ofHours(1), Duration.ofMinutes(5), true));
      nextHour = nextHour.plusHours(1);
    }
    while (!nextDay.plusDays(1).isAfter(until)) {
      backlog.addAll(
          packets.period(
              CommandCode.DAY_DATA, nextDay, Duration.ofDays(1), Duration.ofHours(1), true));
      packets.facilityRuntime(nextDay, true).ifPresent(backlog::add);
      nextDay = nextDay.plusDays(1);
    }
  }

  private void flush() {
    for (int i = 0; i < MAX_SENDS_PER_TICK && !backlog.isEmpty() && connected(); i++) {
      send(backlog.poll(), true);
    }
  }

  /** Sends; period data whose answer does not come back goes back into the backlog. */
  private void send(Packet p, boolean keepIfUnanswered) {
    Hj212Client c = client;
    counters.sent.increment();
    inFlight.incrementAndGet();
    c.send(p)
        .whenComplete(
            (answer, error) -> {
              inFlight.decrementAndGet();
              if (error == null) {
                counters.answered.increment();
              } else {
                counters.unanswered.increment();
                if (keepIfUnanswered) {
                  synchronized (this) {
                    backlog.addFirst(again(p));
                  }
                }
              }
            });
  }

  /** The key this device encrypts with, if it does. */
  private DeviceKeys keys() {
    return profile
        .sm4Key()
        .map(hex -> DeviceKeys.of(Map.of(profile.mn(), Sm4Key.ofHex(hex))))
        .orElse(DeviceKeys.none());
  }

  /** A packet to send again: HJ 212-2025 marks it RF=1, so the centre files it as back-filled. */
  private Packet again(Packet p) {
    return profile.protocol() == ProtocolVersion.HJ_212_2025 && !p.resent()
        ? p.toBuilder().resent(true).build()
        : p;
  }

  private void connect() {
    if (connecting) {
      return;
    }
    connecting = true;
    Hj212Client.connect(
            group,
            host,
            port,
            Optional.empty(),
            keys(),
            options.answerTimeout(),
            this::answer,
            this::closed)
        .whenComplete(
            (c, error) -> {
              synchronized (this) {
                connecting = false;
                if (error != null) {
                  offlineUntil = now().plusSeconds(5); // centre down: retry a little later
                  return;
                }
                if (stopped) {
                  c.close();
                  return;
                }
                client = c;
                nextMnRequest = LocalDateTime.MIN; // a new connection: ask at once
              }
            });
  }

  private void closed(Hj212Client c) {
    synchronized (this) {
      if (client == c) {
        client = null;
      }
    }
  }

  private void maybeStartOutage(LocalDateTime now) {
    double perTick =
        options.outagesPerDay() * options.tick().toMillis() / Duration.ofDays(1).toMillis();
    if (perTick > 0 && random.nextDouble() < perTick) {
      counters.outages.increment();
      long length = (long) (options.outageLength().toMillis() * (0.5 + random.nextDouble()));
      offlineUntil = now.plus(Duration.ofMillis(length));
      client.close();
      client = null;
    }
  }

  // ---- commands from the centre -----------------------------------------------------------------

  private synchronized List<Packet> answer(Packet command) {
    counters.commands.increment();
    List<Packet> out = new ArrayList<>();
    String cn = command.cn();
    if (cn.equals(CommandCode.SET_MN)) {
      return adoptMn(command);
    }
    if (cn.equals(CommandCode.STOP_REALTIME_DATA) || cn.equals(CommandCode.STOP_FACILITY_STATUS)) {
      if (cn.equals(CommandCode.STOP_REALTIME_DATA)) {
        realtimeOn = false;
      } else {
        facilityStatusOn = false;
      }
      out.add(Commands.notificationAnswer(command));
      return out;
    }
    if (!command.pw().equals(profile.pw())) {
      out.add(Commands.requestAnswer(command, QnReturn.PASSWORD_ERROR));
      return out;
    }
    out.add(Commands.requestAnswer(command, QnReturn.READY));
    ExeReturn result = ExeReturn.SUCCESS;
    switch (cn) {
      case CommandCode.GET_TIME ->
          out.add(
              packets.answerUpload(command, DataArea.builder().put("SystemTime", now()).build()));
      case CommandCode.SET_TIME -> {
        Optional<LocalDateTime> t = command.cp().time("SystemTime");
        if (t.isPresent()) {
          clockOffset = clockOffset.plus(Duration.between(now(), t.get()));
        } else {
          result = ExeReturn.BAD_CONDITIONS;
        }
      }
      case CommandCode.GET_REALTIME_INTERVAL ->
          out.add(
              packets.answerUpload(
                  command,
                  DataArea.builder()
                      .put("RtdInterval", Long.toString(realtimeInterval.toSeconds()))
                      .build()));
      case CommandCode.SET_REALTIME_INTERVAL -> {
        Optional<Integer> s = command.cp().value("RtdInterval").flatMap(SimulatedDevice::integer);
        if (s.isPresent() && s.get() >= 30 && s.get() <= 3600) {
          realtimeInterval = Duration.ofSeconds(s.get());
        } else {
          result = ExeReturn.BAD_CONDITIONS;
        }
      }
      case CommandCode.GET_MINUTE_INTERVAL ->
          out.add(
              packets.answerUpload(
                  command,
                  DataArea.builder().put("MinInterval", Integer.toString(minuteInterval)).build()));
      case CommandCode.SET_MINUTE_INTERVAL -> {
        Optional<Integer> m = command.cp().value("MinInterval").flatMap(SimulatedDevice::integer);
        if (m.isPresent() && m.get() >= 1 && m.get() <= 30 && 60 % m.get() == 0) {
          minuteInterval = m.get();
          nextMinute = alignMinutes(nextMinute, minuteInterval);
        } else {
          result = ExeReturn.BAD_CONDITIONS;
        }
      }
      case CommandCode.REALTIME_DATA -> realtimeOn = true;
      case CommandCode.FACILITY_STATUS -> facilityStatusOn = true;
      case CommandCode.DAY_DATA,
          CommandCode.HOUR_DATA,
          CommandCode.MINUTE_DATA,
          CommandCode.FACILITY_RUNTIME_DAY -> {
        List<Packet> history = history(command);
        out.addAll(history);
        if (history.isEmpty()) {
          result = ExeReturn.NO_DATA;
        }
      }
      case CommandCode.SITE_INFO ->
          out.add(
              packets.answerUpload(
                  command,
                  DataArea.builder()
                      .dataTime(now())
                      .put("PolId", command.cp().value("PolId").orElse(""))
                      .putText("i11001-Info", "仪器运行正常; 最近校准 03:00")
                      .build()));
      case CommandCode.SET_TIMEOUT, CommandCode.SET_PASSWORD -> {
        // accepted; the simulation has no behaviour attached
      }
      default -> {
        out.set(0, Commands.requestAnswer(command, QnReturn.CN_ERROR));
        return out;
      }
    }
    out.add(Commands.executionResult(command, result));
    return out;
  }

  /**
   * CN=1002 for this logger's serial: it takes the MN in the header from now on and answers under
   * it, with its own password (the centre does not know it is the logger's until it answers). A
   * 1002 for another serial is not for this logger and goes unanswered.
   */
  private List<Packet> adoptMn(Packet command) {
    boolean forThisLogger =
        profile
            .hardware()
            .map(hw -> command.cp().value("i23005-Info").filter(hw.serial()::equals).isPresent())
            .orElse(false);
    if (!forThisLogger || !command.mn().matches("[0-9A-F]{24}")) {
      return List.of();
    }
    profile = profile.withMn(command.mn());
    packets = new PacketFactory(profile, values, qns, PacketFactory.STANDARD_MAX_SEGMENT);
    Packet asThisLogger = command.toBuilder().pw(profile.pw()).build();
    return List.of(
        Commands.requestAnswer(asThisLogger, QnReturn.READY),
        Commands.executionResult(asThisLogger, ExeReturn.SUCCESS));
  }

  /**
   * Re-sends stored period data (or facility run times) between BeginTime and EndTime (补遗), at most
   * 200 packets.
   */
  private List<Packet> history(Packet command) {
    Optional<LocalDateTime> begin = command.cp().time("BeginTime");
    Optional<LocalDateTime> end = command.cp().time("EndTime");
    List<Packet> out = new ArrayList<>();
    if (begin.isEmpty() || end.isEmpty()) {
      return out;
    }
    Duration length;
    Duration step;
    LocalDateTime t;
    switch (command.cn()) {
      case CommandCode.DAY_DATA, CommandCode.FACILITY_RUNTIME_DAY -> {
        length = Duration.ofDays(1);
        step = Duration.ofHours(1);
        t = begin.get().truncatedTo(ChronoUnit.DAYS);
      }
      case CommandCode.HOUR_DATA -> {
        length = Duration.ofHours(1);
        step = Duration.ofMinutes(5);
        t = begin.get().truncatedTo(ChronoUnit.HOURS);
      }
      default -> {
        length = Duration.ofMinutes(minuteInterval);
        step = Duration.ofMinutes(1);
        t = alignMinutes(begin.get(), minuteInterval);
      }
    }
    LocalDateTime limit = now();
    while (!t.isAfter(end.get()) && !t.plus(length).isAfter(limit) && out.size() < 200) {
      List<Packet> due =
          command.cn().equals(CommandCode.FACILITY_RUNTIME_DAY)
              ? packets.facilityRuntime(t, false).stream().toList()
              : packets.period(command.cn(), t, length, step, false);
      for (Packet p : due) {
        // uploads answering a request carry the request's QN
        out.add(command.qn().map(qn -> p.toBuilder().qn(qn).build()).orElse(p));
      }
      t = t.plus(length);
    }
    return out;
  }

  private static Optional<Integer> integer(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(options.clock()).plus(clockOffset).truncatedTo(ChronoUnit.SECONDS);
  }

  private static LocalDateTime alignMinutes(LocalDateTime t, int interval) {
    LocalDateTime h = t.truncatedTo(ChronoUnit.HOURS);
    return h.plusMinutes((t.getMinute() / interval) * interval);
  }
}
