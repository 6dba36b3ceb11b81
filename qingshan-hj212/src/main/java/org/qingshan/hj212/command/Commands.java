package org.qingshan.hj212.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;

/**
 * The packets a centre sends: answers to what a device sent (9011, 9012, 9013, 9014) and requests
 * to a device (time, intervals, real-time start/stop, history, site information).
 *
 * <p>Answers follow the device's generation: to an HJ/T 212-2005 device (no Flag) the answered QN
 * goes inside CP and no Flag is sent.
 */
public final class Commands {
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  private final Device device;
  private final QnGenerator qns;

  /**
   * Addressing of one device.
   *
   * @param mn its MN
   * @param pw its password
   * @param st its system code
   * @param protocol its protocol generation
   */
  public record Device(String mn, String pw, String st, ProtocolVersion protocol) {}

  private Commands(Device device, QnGenerator qns) {
    this.device = device;
    this.qns = qns;
  }

  /** Requests to one device, with QNs from {@code qns}. */
  public static Commands to(Device device, QnGenerator qns) {
    return new Commands(device, qns);
  }

  // ---- answers ---------------------------------------------------------------------------------

  /**
   * Whether the centre answers a packet from a device once it is stored: an upload that asks for it
   * (Flag.A = 1), a notification.
   */
  public static boolean isAnswered(Packet fromDevice) {
    return switch (CommandCode.fromDevice(fromDevice.cn())) {
      case UPLOAD -> fromDevice.replyRequested();
      case NOTIFICATION -> true;
      case HEARTBEAT -> fromDevice.replyRequested();
      default -> false;
    };
  }

  /** The centre's answer to a stored packet from a device: 9014, 9013, or none. */
  public static Optional<Packet> answerFor(Packet fromDevice) {
    if (!isAnswered(fromDevice)) {
      return Optional.empty();
    }
    return Optional.of(
        CommandCode.fromDevice(fromDevice.cn()) == CommandCode.Kind.UPLOAD
            ? dataAnswer(fromDevice)
            : notificationAnswer(fromDevice));
  }

  /** 9014 data answer to an upload (sent when its Flag.A = 1): ST=91, Flag=4, QN echoed. */
  public static Packet dataAnswer(Packet upload) {
    return answer(upload, CommandCode.DATA_ANSWER, DataArea.EMPTY_AREA);
  }

  /** 9013 notification answer. */
  public static Packet notificationAnswer(Packet notification) {
    return answer(notification, CommandCode.NOTIFICATION_ANSWER, DataArea.EMPTY_AREA);
  }

  /** 9011 request answer with QnRtn. */
  public static Packet requestAnswer(Packet request, QnReturn result) {
    return answer(
        request,
        CommandCode.REQUEST_ANSWER,
        qnInCp(request).put("QnRtn", Integer.toString(result.code())).build());
  }

  /** 9012 execution result with ExeRtn. */
  public static Packet executionResult(Packet request, ExeReturn result) {
    return answer(
        request,
        CommandCode.EXECUTION_RESULT,
        qnInCp(request).put("ExeRtn", Integer.toString(result.code())).build());
  }

  private static DataArea.Builder qnInCp(Packet request) {
    DataArea.Builder cp = DataArea.builder();
    if (request.flag().isEmpty() && request.qn().isPresent()) {
      cp.put("QN", request.qn().get()); // HJ/T 212-2005 puts the answered QN in CP
    }
    return cp;
  }

  private static Packet answer(Packet to, String cn, DataArea cp) {
    Packet.Builder b =
        Packet.builder().st(CommandCode.ST_INTERACTION).cn(cn).pw(to.pw()).mn(to.mn()).cp(cp);
    boolean legacy = to.flag().isEmpty();
    to.qn().filter(q -> !legacy).ifPresent(b::qn);
    if (!legacy) {
      b.flag(Flag.of(to.flag().get().versionBits(), false, false));
    }
    return b.build();
  }

  // ---- requests --------------------------------------------------------------------------------

  /** 1000: set answer timeout (seconds) and retry count. */
  public Packet setTimeoutAndRetries(int timeoutSeconds, int retries) {
    return request(
        CommandCode.SET_TIMEOUT,
        DataArea.builder()
            .put("OverTime", Integer.toString(timeoutSeconds))
            .put("ReCount", Integer.toString(retries))
            .build());
  }

  /** 1011: ask for the site time (of one instrument when {@code polId} is given). */
  public Packet getTime(Optional<String> polId) {
    DataArea.Builder cp = DataArea.builder();
    polId.ifPresent(p -> cp.put("PolId", p));
    return request(CommandCode.GET_TIME, cp.build());
  }

  /** 1012: set the site time. */
  public Packet setTime(LocalDateTime time) {
    return request(CommandCode.SET_TIME, DataArea.builder().put("SystemTime", time).build());
  }

  /** 1061: ask for the real-time data interval. */
  public Packet getRealtimeInterval() {
    return request(CommandCode.GET_REALTIME_INTERVAL, DataArea.EMPTY_AREA);
  }

  /** 1062: set the real-time data interval, 30..3600 seconds. */
  public Packet setRealtimeInterval(int seconds) {
    if (seconds < 30 || seconds > 3600) {
      throw new IllegalArgumentException("RtdInterval must be 30..3600 s: " + seconds);
    }
    return request(
        CommandCode.SET_REALTIME_INTERVAL,
        DataArea.builder().put("RtdInterval", Integer.toString(seconds)).build());
  }

  /** 1063: ask for the minute data interval. */
  public Packet getMinuteInterval() {
    return request(CommandCode.GET_MINUTE_INTERVAL, DataArea.EMPTY_AREA);
  }

  /** 1064: set the minute data interval (1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 minutes). */
  public Packet setMinuteInterval(int minutes) {
    if (minutes < 1 || minutes > 30 || 60 % minutes != 0) {
      throw new IllegalArgumentException("MinInterval must divide 60 and be 1..30: " + minutes);
    }
    return request(
        CommandCode.SET_MINUTE_INTERVAL,
        DataArea.builder().put("MinInterval", Integer.toString(minutes)).build());
  }

  /** 2011: start sending real-time data. */
  public Packet startRealtimeData() {
    return request(CommandCode.REALTIME_DATA, DataArea.EMPTY_AREA);
  }

  /** 2012: stop sending real-time data (a notification, answered with 9013). */
  public Packet stopRealtimeData() {
    return request(CommandCode.STOP_REALTIME_DATA, DataArea.EMPTY_AREA);
  }

  /** 2021: start sending facility status. */
  public Packet startFacilityStatus() {
    return request(CommandCode.FACILITY_STATUS, DataArea.EMPTY_AREA);
  }

  /** 2022: stop sending facility status (a notification). */
  public Packet stopFacilityStatus() {
    return request(CommandCode.STOP_FACILITY_STATUS, DataArea.EMPTY_AREA);
  }

  /**
   * History request (补遗): the device re-sends the stored data of {@code kind} between the two times
   * (inclusive), then answers 9012.
   */
  public Packet requestHistory(HistoryKind kind, LocalDateTime begin, LocalDateTime end) {
    if (end.isBefore(begin)) {
      throw new IllegalArgumentException("EndTime before BeginTime");
    }
    return request(
        kind.cn(), DataArea.builder().put("BeginTime", begin).put("EndTime", end).build());
  }

  /** 3020: request site information (logs, states, parameters) of one instrument. */
  public Packet requestSiteInfo(
      String polId, String infoId, Optional<LocalDateTime> begin, Optional<LocalDateTime> end) {
    DataArea.Builder cp = DataArea.builder().put("PolId", polId).put("InfoId", infoId);
    begin.ifPresent(t -> cp.put("BeginTime", t));
    end.ifPresent(t -> cp.put("EndTime", t));
    return request(CommandCode.SITE_INFO, cp.build());
  }

  // ---- HJ 212-2025 -----------------------------------------------------------------------------

  /**
   * 1002: assigns this device's MN ({@link Device#mn()}, in the header) to the logger of {@code
   * serial} (its {@code i23005-Info} from CN=1001); it answers 9011 and 9012 and uses the MN from
   * then on. Send it with {@code Hj212Gateway.sendToActivating(serial, …)}.
   */
  public Packet assignMn(String serial) {
    return request(CommandCode.SET_MN, DataArea.builder().put("i23005-Info", serial).build());
  }

  /**
   * 1014: gives the device a new SM4 key, written as its 16 characters ({@code NewSK}), with the
   * time it was made ({@code SKCreateTime}, to the millisecond). Encrypted on the wire with the
   * device's current key when the gateway has one.
   *
   * @throws IllegalArgumentException when the key's bytes are not 16 printable ASCII characters
   */
  public Packet changeSm4Key(Sm4Key newKey, LocalDateTime createdAt) {
    byte[] k = newKey.bytes();
    if (!sendableAsNewSk(k)) {
      throw new IllegalArgumentException("NewSK must be 16 printable characters without ;,&=");
    }
    DataArea cp =
        DataArea.builder()
            .put("SKCreateTime", MILLIS.format(createdAt))
            .add("NewSK", new String(k, StandardCharsets.US_ASCII)) // one item, as the standard
            .build();
    return request(CommandCode.SM4_KEY, cp);
  }

  /**
   * Whether a key can go out as CN=1014's {@code NewSK}: 16 printable ASCII characters, none of the
   * data area's separators ({@code ; , & =}) and not led by {@code //}, so that the device reads
   * back the same 16 bytes.
   */
  public static boolean sendableAsNewSk(byte[] key) {
    if (key.length != Sm4Key.LENGTH) {
      return false;
    }
    // a value led by // is read as a //…// text, so the device would not see the key as sent
    if (key[0] == '/' && key[1] == '/') {
      return false;
    }
    for (byte b : key) {
      if (!newSkCharacter(b)) {
        return false;
      }
    }
    return true;
  }

  /** A character a {@code NewSK} may hold. */
  public static boolean newSkCharacter(int c) {
    return c >= 0x21 && c <= 0x7E && c != ';' && c != ',' && c != '&' && c != '=';
  }

  /** 3022: take a retained sample of {@code polId} now. */
  public Packet retainSample(String polId) {
    return request(CommandCode.RETAIN_SAMPLE, DataArea.builder().put("PolId", polId).build());
  }

  /** 3024: start a standard-sample check of {@code polId}. */
  public Packet startStandardCheck(String polId) {
    return request(
        CommandCode.START_STANDARD_CHECK, DataArea.builder().put("PolId", polId).build());
  }

  private Packet request(String cn, DataArea cp) {
    Packet.Builder b =
        Packet.builder().qn(qns.next()).st(device.st()).cn(cn).pw(device.pw()).mn(device.mn());
    Flag.of(device.protocol(), true).ifPresent(b::flag);
    return b.cp(cp).build();
  }

  /** Which stored data a history request asks for. */
  public enum HistoryKind {
    DAY(CommandCode.DAY_DATA),
    FACILITY_RUNTIME_DAY(CommandCode.FACILITY_RUNTIME_DAY),
    MINUTE(CommandCode.MINUTE_DATA),
    HOUR(CommandCode.HOUR_DATA);

    private final String cn;

    HistoryKind(String cn) {
      this.cn = cn;
    }

    public String cn() {
      return cn;
    }
  }
}
