package org.qingshan.server.support;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

/** A data acquisition unit for tests: connects over TCP and sends hour data of SO2 and O2. */
public final class TestDevice implements AutoCloseable {
  private static final EventLoopGroup LOOP = new NioEventLoopGroup(1);
  private static final QnGenerator QNS = QnGenerator.systemDefault();
  private final Hj212Client client;
  private final String mn;
  private final String pw;

  private TestDevice(Hj212Client client, String mn, String pw) {
    this.client = client;
    this.mn = mn;
    this.pw = pw;
  }

  public static TestDevice connect(int port, String mn, String pw, CommandResponder responder)
      throws Exception {
    Hj212Client c =
        Hj212Client.connect(LOOP, "127.0.0.1", port, Duration.ofSeconds(3), responder, x -> {})
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new TestDevice(c, mn, pw);
  }

  /** An HJ 212-2025 device with an SM4 key: its uploads go out encrypted, its Flag says 2025. */
  public static TestDevice connectEncrypted(
      int port, String mn, String pw, Sm4Key key, CommandResponder responder) throws Exception {
    Hj212Client c =
        Hj212Client.connect(
                LOOP,
                "127.0.0.1",
                port,
                Optional.empty(),
                DeviceKeys.of(Map.of(mn, key)),
                Duration.ofSeconds(3),
                responder,
                x -> {})
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new TestDevice(c, mn, pw);
  }

  public static Packet hourData(String mn, String pw, LocalDateTime time, double so2) {
    return upload(
        mn,
        pw,
        "31",
        CommandCode.HOUR_DATA,
        DataArea.builder()
            .dataTime(time)
            .reading(
                "a21026",
                Optional.of(DataFlag.N),
                new FactorValue(Suffix.MIN, so2 - 1),
                new FactorValue(Suffix.AVG, so2),
                new FactorValue(Suffix.MAX, so2 + 1),
                new FactorValue(Suffix.ZS_AVG, so2 * 1.2))
            .reading("a19001", Optional.of(DataFlag.N), new FactorValue(Suffix.AVG, 9.5))
            .build());
  }

  /** An upload asking for its 9014, with a fresh QN. */
  private static Packet upload(String mn, String pw, String st, String cn, DataArea cp) {
    return Packet.builder()
        .qn(QNS.next())
        .st(st)
        .cn(cn)
        .pw(pw)
        .mn(mn)
        .flag(Flag.of(1, false, true))
        .cp(cp)
        .build();
  }

  /** Hour data (2061) of an air station: factor code to hourly mean, all flagged N. */
  public Packet airHour(LocalDateTime time, Map<String, Double> means) {
    DataArea.Builder cp = DataArea.builder().dataTime(time);
    means.forEach(
        (factor, value) ->
            cp.reading(factor, Optional.of(DataFlag.N), new FactorValue(Suffix.AVG, value)));
    return upload(mn, pw, "22", CommandCode.HOUR_DATA, cp.build());
  }

  /** Real-time data (2011): SO₂ with its 折算 value and flag, and an oxygen reading without flag. */
  public Packet realtime(LocalDateTime time, double so2) {
    return upload(
        mn,
        pw,
        "31",
        CommandCode.REALTIME_DATA,
        DataArea.builder()
            .dataTime(time)
            .reading(
                "a21026",
                Optional.of(DataFlag.N),
                new FactorValue(Suffix.RTD, so2),
                new FactorValue(Suffix.ZS_RTD, so2 * 1.2))
            .reading("a19001", Optional.empty(), new FactorValue(Suffix.RTD, 9.5))
            .build());
  }

  /** Real-time data (2011) of an electricity meter (ST 44): d code to reading, all flagged N. */
  public Packet meterRealtime(LocalDateTime time, Map<String, Double> readings) {
    DataArea.Builder cp = DataArea.builder().dataTime(time);
    readings.forEach(
        (code, value) ->
            cp.reading(code, Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, value)));
    return upload(mn, pw, "44", CommandCode.REALTIME_DATA, cp.build());
  }

  /** Real-time production states (ST 45, CN 2011): p code to its mark, as sent ("St", "N" …). */
  public Packet productionStates(LocalDateTime time, Map<String, String> marks) {
    DataArea.Builder cp = DataArea.builder().dataTime(time);
    marks.forEach((code, mark) -> cp.put(code + "-Rtd", mark));
    return upload(mn, pw, "45", CommandCode.REALTIME_DATA, cp.build());
  }

  public Packet hourData(LocalDateTime time, double so2) {
    return hourData(mn, pw, time, so2);
  }

  /** Sends and waits for the centre's answer (9014), failing after the answer timeout. */
  public Packet send(Packet packet) throws Exception {
    return client.send(packet).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Sends without waiting; the stage completes with the centre's answer. */
  public CompletableFuture<Packet> sendAsync(Packet packet) {
    return client.send(packet).toCompletableFuture().orTimeout(20, TimeUnit.SECONDS);
  }

  public static String nextQn() {
    return QNS.next();
  }

  @Override
  public void close() {
    client.close();
  }
}
