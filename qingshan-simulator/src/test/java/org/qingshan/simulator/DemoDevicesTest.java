package org.qingshan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.gateway.DeviceAuthenticator;
import org.qingshan.hj212.gateway.GatewayConfig;
import org.qingshan.hj212.gateway.GatewayListener;
import org.qingshan.hj212.gateway.Hj212Gateway;
import org.qingshan.hj212.gateway.PacketSink;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.gateway.StoreResult;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Suffix;

/** Simulated devices against a real gateway over loopback TCP. */
class DemoDevicesTest {
  private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return CST;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Collects packets and stores them at once. */
  static final class Store {
    final ConcurrentLinkedQueue<Packet> packets = new ConcurrentLinkedQueue<>();

    CompletableFuture<StoreResult> store(ReceivedPacket p) {
      packets.add(p.packet());
      return CompletableFuture.completedFuture(StoreResult.STORED);
    }

    String summary() {
      return packets.stream()
          .collect(
              Collectors.groupingBy(Packet::cn, Collectors.mapping(Packet::mn, Collectors.toSet())))
          .entrySet()
          .stream()
          .map(e -> e.getKey() + ":" + e.getValue().size())
          .collect(Collectors.joining(" "));
    }

    List<Packet> matching(Predicate<Packet> p) {
      return packets.stream().filter(p).toList();
    }

    void awaitUntil(Predicate<Store> condition) {
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> condition.test(this));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("condition not reached; received " + summary(), e);
      }
    }
  }

  /** The MN the test's centre assigns the demo's logger that has none. */
  private static final String ASSIGNED_MN = "0A1B2C3D4E5F60718293A4B5";

  private static Set<String> registered() {
    Set<String> mns =
        DemoCounty.devices().stream()
            .map(DeviceProfile::mn)
            .collect(Collectors.toCollection(HashSet::new));
    mns.add(ASSIGNED_MN);
    return mns;
  }

  /** The demo devices that have their MN from the start. */
  private static List<DeviceProfile> withMn() {
    return DemoCounty.devices().stream().filter(d -> !d.needsMn()).toList();
  }

  private static Hj212Gateway gateway(Store store, int port) {
    return gateway(store::store, port);
  }

  private static Hj212Gateway gateway(PacketSink sink, int port) {
    Set<String> mns = registered();
    DeviceAuthenticator registry =
        new DeviceAuthenticator() {
          @Override
          public AuthResult authenticate(String mn, String pw) {
            return mns.contains(mn) && pw.equals(DemoCounty.PASSWORD)
                ? AuthResult.ACCEPTED
                : AuthResult.UNKNOWN_DEVICE;
          }

          @Override
          public boolean acceptsActivation(String serial, String address) {
            return serial.equals(DemoCounty.ACTIVATING_SERIAL);
          }
        };
    return Hj212Gateway.start(
        GatewayConfig.builder()
            .host("127.0.0.1")
            .port(port)
            .ioThreads(1)
            .connectionRate(1000, 1000)
            .deviceRate(1000, 1000)
            .deviceKeys(demoKeys())
            .build(),
        sink,
        registry,
        GatewayListener.NONE);
  }

  /** The keys of the demo's encrypting loggers, as the centre keeps them. */
  private static DeviceKeys demoKeys() {
    Map<String, Sm4Key> keys = new HashMap<>();
    DemoCounty.devices()
        .forEach(d -> d.sm4Key().ifPresent(hex -> keys.put(d.mn(), Sm4Key.ofHex(hex))));
    return DeviceKeys.of(keys);
  }

  private static SimulationOptions fast(Clock clock, Duration history) {
    return SimulationOptions.demo()
        .withClock(clock)
        .withHistory(history)
        .withOutages(0, Duration.ofMinutes(1))
        .withTick(Duration.ofMillis(20));
  }

  /** The demo county as if nothing were wrong with its devices. */
  private static List<DeviceProfile> healthy() {
    return withMn().stream().map(d -> d.with(Faults.NONE)).toList();
  }

  @Test
  void everyDeviceDeliversRealtimeMinuteHourAndDayData() throws Exception {
    Store store = new Store();
    TestClock clock = new TestClock(Instant.parse("2024-06-01T16:30:00Z")); // 00:30 local
    try (Hj212Gateway g = gateway(store, 0);
        DemoDevices.Handle demo =
            DemoDevices.start(
                "127.0.0.1", g.port(), healthy(), fast(clock, Duration.ofHours(25)))) {
      int n = healthy().size();
      store.awaitUntil(s -> demo.stats().connected() == n);
      clock.advance(Duration.ofSeconds(31)); // the first real-time data falls due
      long withPeriods = healthy().stream().filter(d -> d.kind().periodData()).count();
      long withFacilities =
          withMn().stream()
              .filter(d -> d.protocol() != ProtocolVersion.HJT_212_2005)
              .filter(d -> d.kind().facilities() > 0)
              .count();
      store.awaitUntil(
          s ->
              perDevice(s, "2011") == n
                  && perDevice(s, "2051") == withPeriods
                  && perDevice(s, "2061") == withPeriods
                  && perDevice(s, "2031") == withPeriods
                  && perDevice(s, "2021") == withFacilities
                  && perDevice(s, "2041") == withFacilities);
      assertThat(withFacilities).isPositive();
      Packet hour = store.matching(p -> p.cn().equals("2061")).get(0);
      assertThat(hour.cp().dataTime()).isPresent();
      assertThat(hour.cp().readings()).isNotEmpty();
      for (FactorReading r : hour.cp().readings()) {
        double min = r.value(Suffix.MIN).orElseThrow();
        double avg = r.value(Suffix.AVG).orElseThrow();
        double max = r.value(Suffix.MAX).orElseThrow();
        assertThat(min).isLessThanOrEqualTo(avg + 1e-6);
        assertThat(avg).isLessThanOrEqualTo(max + 1e-6);
        assertThat(r.flag()).isPresent();
      }
      Packet stack = store.matching(p -> p.st().equals("31") && p.cn().equals("2011")).get(0);
      assertThat(stack.cp().reading("a21026").orElseThrow().value(Suffix.ZS_RTD)).isPresent();
      assertThat(demo.stats().unanswered()).isZero();
      assertThat(demo.stats().connected()).isEqualTo(n);
    }
  }

  private static long perDevice(Store s, String cn) {
    return s.packets.stream().filter(p -> p.cn().equals(cn)).map(Packet::mn).distinct().count();
  }

  /**
   * The demo's logger without an MN asks for one with its fingerprint (CN=1001, empty MN), takes
   * the MN of the centre's CN=1002, answers 9011 and 9012 under it, then uploads its data under it.
   */
  @Test
  void aLoggerWithoutMnAsksForOneAndUploadsUnderTheMnTheCentreAssigns() throws Exception {
    DeviceProfile logger =
        DemoCounty.devices().stream().filter(DeviceProfile::needsMn).findFirst().orElseThrow();
    Store store = new Store();
    TestClock clock = new TestClock(Instant.parse("2024-06-01T16:30:00Z"));
    try (Hj212Gateway g = gateway(store, 0);
        DemoDevices.Handle demo =
            DemoDevices.start(
                "127.0.0.1", g.port(), List.of(logger), fast(clock, Duration.ofHours(2)))) {
      store.awaitUntil(s -> !s.matching(p -> p.cn().equals("1001")).isEmpty());
      Packet asked = store.matching(p -> p.cn().equals("1001")).get(0);
      assertThat(asked.mn()).isEmpty();
      assertThat(asked.cp().value("i23005-Info")).contains(DemoCounty.ACTIVATING_SERIAL);
      assertThat(asked.cp().value("i23006-Info")).isPresent();
      assertThat(asked.cp().value("i23007-Info")).isPresent();
      clock.advance(Duration.ofMinutes(2)); // no admin yet: it asks again
      store.awaitUntil(s -> s.matching(p -> p.cn().equals("1001")).size() >= 2);

      // a CN=1002 for another logger's serial is not taken
      Commands centre =
          Commands.to(
              new Commands.Device(ASSIGNED_MN, "", "91", ProtocolVersion.HJ_212_2025),
              new QnGenerator(Clock.system(CST)));
      g.sendToActivating(DemoCounty.ACTIVATING_SERIAL, centre.assignMn("SOMEONE-ELSE"))
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      Packet assign = centre.assignMn(DemoCounty.ACTIVATING_SERIAL);
      g.sendToActivating(DemoCounty.ACTIVATING_SERIAL, assign)
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      store.awaitUntil(
          s -> !s.matching(p -> p.cn().equals("9012") && p.qn().equals(assign.qn())).isEmpty());
      Packet accepted =
          store.matching(p -> p.cn().equals("9011") && p.qn().equals(assign.qn())).get(0);
      assertThat(accepted.mn()).isEqualTo(ASSIGNED_MN);
      assertThat(accepted.pw()).isEqualTo(logger.pw());
      assertThat(accepted.cp().value("QnRtn")).contains("1");
      assertThat(
              store
                  .matching(p -> p.cn().equals("9012") && p.qn().equals(assign.qn()))
                  .get(0)
                  .cp()
                  .value("ExeRtn"))
          .contains("1");
      assertThat(store.matching(p -> p.cn().startsWith("90") && !p.qn().equals(assign.qn())))
          .as("nothing answered for another serial")
          .isEmpty();
      assertThat(demo.devices().get(0).mn()).isEqualTo(ASSIGNED_MN);

      store.awaitUntil(
          s -> !s.matching(p -> p.cn().equals("2061") && p.mn().equals(ASSIGNED_MN)).isEmpty());
      assertThat(store.matching(p -> p.cn().startsWith("20")))
          .allMatch(p -> p.mn().equals(ASSIGNED_MN));
      assertThat(store.matching(p -> p.cn().equals("2081"))).hasSize(1);
    }
  }

  /** A 2025 logger sends an upload the centre did not answer again, marked RF=1 (back-filled). */
  @Test
  void an2025LoggerMarksWhatItSendsAgain() throws Exception {
    DeviceProfile device =
        DemoCounty.devices().stream()
            .filter(d -> d.protocol() == ProtocolVersion.HJ_212_2025 && d.kind().periodData())
            .findFirst()
            .orElseThrow();
    Store store = new Store();
    AtomicInteger refused = new AtomicInteger();
    TestClock clock = new TestClock(Instant.parse("2024-06-01T16:30:00Z"));
    Hj212Gateway g =
        gateway(
            p -> {
              // the first minute data goes unanswered, as if the store were down
              if (p.packet().cn().equals("2051") && refused.getAndIncrement() == 0) {
                return CompletableFuture.completedFuture(StoreResult.FAILED);
              }
              return store.store(p);
            },
            0);
    try (g;
        DemoDevices.Handle demo =
            DemoDevices.start(
                "127.0.0.1", g.port(), List.of(device), fast(clock, Duration.ofHours(1)))) {
      store.awaitUntil(s -> !s.matching(p -> p.cn().equals("2051") && p.resent()).isEmpty());
      assertThat(store.matching(p -> p.cn().equals("2051") && !p.resent())).isNotEmpty();
      assertThat(store.matching(p -> p.cn().equals("2051")))
          .allMatch(p -> p.flag().orElseThrow().version() == ProtocolVersion.HJ_212_2025);
    }
  }

  /** A silent device delivers its history up to hours before the start, then leaves the network. */
  @Test
  void aSilentDeviceSendsItsOldDataAndDisconnects() throws Exception {
    DeviceProfile silent =
        DemoCounty.devices().stream().filter(d -> d.faults().silent()).findFirst().orElseThrow();
    Store store = new Store();
    TestClock clock = new TestClock(Instant.parse("2024-06-01T04:30:00Z")); // 12:30 local
    try (Hj212Gateway g = gateway(store, 0);
        DemoDevices.Handle demo =
            DemoDevices.start(
                "127.0.0.1", g.port(), List.of(silent), fast(clock, Duration.ofHours(6)))) {
      store.awaitUntil(s -> !s.matching(p -> p.cn().equals("2061")).isEmpty());
      await().atMost(10, TimeUnit.SECONDS).until(() -> demo.stats().connected() == 0);
      clock.advance(Duration.ofMinutes(5));
      LocalDateTime lastHeard = LocalDateTime.of(2024, 6, 1, 9, 30);
      assertThat(store.matching(p -> p.cn().equals("2061")))
          .allMatch(p -> !p.cp().dataTime().orElseThrow().isAfter(lastHeard));
      assertThat(store.matching(p -> p.cn().equals("2011"))).isEmpty();
    }
  }

  @Test
  void aStuckAnalyserSendsTheSameValueEveryTime() {
    DeviceProfile stuck =
        DemoCounty.devices().stream()
            .filter(d -> !d.faults().stuckFactors().isEmpty())
            .findFirst()
            .orElseThrow();
    String code = stuck.faults().stuckFactors().iterator().next();
    Factor f =
        stuck.factors().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    ValueModel values = new ValueModel(7, 0.02);
    LocalDateTime t = LocalDateTime.of(2024, 6, 1, 0, 0);
    Set<Double> seen = new HashSet<>();
    for (int m = 0; m < 600; m += 7) {
      seen.add(values.sample(stuck, f, t.plusMinutes(m)));
    }
    assertThat(seen).hasSize(1);
    assertThat(values.sample(stuck.with(Faults.NONE), f, t))
        .isNotEqualTo(values.sample(stuck.with(Faults.NONE), f, t.plusMinutes(7)));
  }

  @Test
  void dataOfAnOutageIsDeliveredAfterReconnecting() throws Exception {
    Store store = new Store();
    TestClock clock = new TestClock(Instant.parse("2024-06-01T02:05:00Z"));
    DeviceProfile device = DemoCounty.devices().get(3);
    Hj212Gateway first = gateway(store, 0);
    int port = first.port();
    try (DemoDevices.Handle demo =
        DemoDevices.start("127.0.0.1", port, List.of(device), fast(clock, Duration.ZERO))) {
      store.awaitUntil(s -> demo.stats().connected() == 1);
      clock.advance(Duration.ofSeconds(31));
      store.awaitUntil(s -> !s.matching(p -> p.cn().equals("2011")).isEmpty());
      first.close();
      store.awaitUntil(s -> demo.stats().connected() == 0);
      LocalDateTime outageStart = LocalDateTime.now(clock);
      clock.advance(Duration.ofMinutes(70));
      store.awaitUntil(s -> demo.stats().backlog() >= 7);
      try (Hj212Gateway second = gateway(store, port)) {
        clock.advance(Duration.ofSeconds(10));
        store.awaitUntil(s -> demo.stats().backlog() == 0 && demo.stats().connected() == 1);
        store.awaitUntil(
            s ->
                s.matching(
                            p ->
                                p.cn().equals("2051")
                                    && !p.cp().dataTime().orElseThrow().isBefore(outageStart))
                        .size()
                    >= 6);
        assertThat(store.matching(p -> p.cn().equals("2061"))).isNotEmpty();
      }
    }
  }

  @Test
  void devicesAnswerTheCentresCommands() throws Exception {
    Store store = new Store();
    TestClock clock = new TestClock(Instant.parse("2024-06-01T04:00:00Z"));
    DeviceProfile device = DemoCounty.devices().get(0);
    try (Hj212Gateway g = gateway(store, 0);
        DemoDevices.Handle demo =
            DemoDevices.start("127.0.0.1", g.port(), List.of(device), fast(clock, Duration.ZERO))) {
      store.awaitUntil(s -> g.isOnline(device.mn()));
      Commands c =
          Commands.to(
              new Commands.Device(device.mn(), device.pw(), device.st(), device.protocol()),
              new QnGenerator(Clock.system(CST)));
      Packet history =
          c.requestHistory(
              Commands.HistoryKind.HOUR,
              LocalDateTime.of(2024, 6, 1, 8, 0),
              LocalDateTime.of(2024, 6, 1, 10, 0));
      g.send(device.mn(), history).toCompletableFuture().get(10, TimeUnit.SECONDS);
      String qn = history.qn().orElseThrow();
      store.awaitUntil(
          s ->
              !s.matching(p -> p.cn().equals("9012") && p.answeredQn().equals(history.qn()))
                  .isEmpty());
      assertThat(store.matching(p -> p.cn().equals("9011") && p.qn().orElse("").equals(qn)))
          .hasSize(1);
      List<Packet> hours =
          store.matching(p -> p.cn().equals("2061") && p.qn().orElse("").equals(qn));
      assertThat(hours)
          .extracting(p -> p.cp().dataTime().orElseThrow().getHour())
          .containsExactly(8, 9, 10);

      Packet setInterval = c.setRealtimeInterval(60);
      g.send(device.mn(), setInterval).toCompletableFuture().get(10, TimeUnit.SECONDS);
      Packet getInterval = c.getRealtimeInterval();
      g.send(device.mn(), getInterval).toCompletableFuture().get(10, TimeUnit.SECONDS);
      store.awaitUntil(
          s ->
              !s.matching(p -> p.cn().equals("1061") && p.qn().equals(getInterval.qn())).isEmpty());
      assertThat(
              store
                  .matching(p -> p.cn().equals("1061") && p.qn().equals(getInterval.qn()))
                  .get(0)
                  .cp()
                  .value("RtdInterval"))
          .contains("60");

      Packet stopStatus = c.stopFacilityStatus();
      g.send(device.mn(), stopStatus).toCompletableFuture().get(10, TimeUnit.SECONDS);
      store.awaitUntil(
          s -> !s.matching(p -> p.cn().equals("9013") && p.qn().equals(stopStatus.qn())).isEmpty());
      long statusBefore = store.matching(p -> p.cn().equals("2021")).size();
      long realtimeBefore = store.matching(p -> p.cn().equals("2011")).size();
      clock.advance(Duration.ofMinutes(3));
      // Two ticks' real-time data: a status sent with the first would have arrived before the
      // second (one connection keeps the order).
      store.awaitUntil(s -> s.matching(p -> p.cn().equals("2011")).size() > realtimeBefore + 1);
      assertThat(store.matching(p -> p.cn().equals("2021"))).hasSize((int) statusBefore);
      assertThat(demo.stats().commands()).isEqualTo(4);
    }
  }

  @Test
  void demoCountyDeviceList() {
    List<DeviceProfile> devices = DemoCounty.devices();
    assertThat(devices).extracting(DeviceProfile::mn).doesNotHaveDuplicates();
    assertThat(devices.stream().map(DeviceProfile::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(DeviceKind.values());
    Map<DeviceKind, String> st = new ConcurrentHashMap<>();
    for (DeviceProfile d : devices) {
      assertThat(d.factors()).isNotEmpty();
      assertThat(d.st()).isEqualTo(d.kind().st());
      st.put(d.kind(), d.st());
    }
    assertThat(st.get(DeviceKind.STACK_GAS)).isEqualTo("31");
  }

  @Test
  void valuesAreReproducibleAndFollowADailyCycle() {
    DeviceProfile air =
        DemoCounty.devices().stream()
            .filter(d -> d.kind() == DeviceKind.AMBIENT_AIR)
            .findFirst()
            .orElseThrow();
    Factor ozone =
        air.factors().stream().filter(f -> f.code().equals("a05024")).findFirst().orElseThrow();
    ValueModel a = new ValueModel(1, 0);
    ValueModel b = new ValueModel(1, 0);
    LocalDateTime t = LocalDateTime.of(2024, 6, 1, 15, 0);
    assertThat(a.sample(air, ozone, t)).isEqualTo(b.sample(air, ozone, t));
    double afternoon = 0;
    double night = 0;
    for (int day = 0; day < 30; day++) {
      afternoon += a.sample(air, ozone, t.plusDays(day));
      night += a.sample(air, ozone, t.plusDays(day).withHour(3));
    }
    assertThat(afternoon).isGreaterThan(night);
  }

  @Test
  void exceedancesHappenAtTheConfiguredRateOnly() {
    DeviceProfile stack = DemoCounty.devices().get(0);
    Factor so2 = stack.factors().get(0);
    double limit = so2.limit().orElseThrow();
    ValueModel none = new ValueModel(3, 0);
    ValueModel some = new ValueModel(3, 0.05);
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
    int over = 0;
    for (int h = 0; h < 2000; h++) {
      assertThat(none.sample(stack, so2, t.plusHours(h))).isLessThan(limit);
      if (some.sample(stack, so2, t.plusHours(h)) > limit) {
        over++;
      }
    }
    assertThat(over).isBetween(40, 200);
  }
}
