package org.qingshan.hj212.command;

/** Command codes (CN) used by the centre and by devices, and how each is answered. */
public final class CommandCode {
  public static final String SET_TIMEOUT = "1000";

  /** HJ 212-2025: a logger without an MN uploads its hardware serial, CPUID and MACs. */
  public static final String HARDWARE_SERIAL = "1001";

  /** HJ 212-2025: the centre assigns an MN to the logger of a serial. */
  public static final String SET_MN = "1002";

  /** HJ 212-2025: SM4 key: the device asks for a new one, the centre sends it. */
  public static final String SM4_KEY = "1014";

  public static final String GET_TIME = "1011";
  public static final String SET_TIME = "1012";
  public static final String TIME_CALIBRATION_REQUEST = "1013";
  public static final String GET_REALTIME_INTERVAL = "1061";
  public static final String SET_REALTIME_INTERVAL = "1062";
  public static final String GET_MINUTE_INTERVAL = "1063";
  public static final String SET_MINUTE_INTERVAL = "1064";
  public static final String SET_PASSWORD = "1072";
  public static final String REALTIME_DATA = "2011";
  public static final String STOP_REALTIME_DATA = "2012";

  /** HJ 212-2025: raw monitoring data (water samples, VOC chromatograms). */
  public static final String RAW_DATA = "2013";

  public static final String FACILITY_STATUS = "2021";
  public static final String STOP_FACILITY_STATUS = "2022";
  public static final String DAY_DATA = "2031";
  public static final String FACILITY_RUNTIME_DAY = "2041";
  public static final String MINUTE_DATA = "2051";

  /** HJ 212-2025: noise, one measurement. */
  public static final String NOISE_MEASUREMENT = "2052";

  public static final String HOUR_DATA = "2061";

  /** HJ 212-2025: automatic standard-sample check results. */
  public static final String STANDARD_CHECK_DATA = "2062";

  public static final String RESTART_TIME = "2081";

  /** HJ 212-2025: furnace temperature, 5-minute mean. */
  public static final String FURNACE_TEMPERATURE = "2111";

  public static final String SITE_INFO = "3020";

  /** HJ 212-2025: take a retained sample now. */
  public static final String RETAIN_SAMPLE = "3022";

  /** HJ 212-2025: start a standard-sample check. */
  public static final String START_STANDARD_CHECK = "3024";

  public static final String REQUEST_ANSWER = "9011";
  public static final String EXECUTION_RESULT = "9012";
  public static final String NOTIFICATION_ANSWER = "9013";
  public static final String DATA_ANSWER = "9014";

  /** HJ 212-2025 heartbeat: answered with 9013 only when its Flag asks for an answer. */
  public static final String HEARTBEAT = "9015";

  /** ST 44 (HJ 212-2025, CN=2011): electricity of production and treatment facilities. */
  public static final String ST_ELECTRICITY = "44";

  /** ST 45 (HJ 212-2025, CN=2011): key production conditions. */
  public static final String ST_PRODUCTION_STATE = "45";

  /** ST of interaction packets (9011..9014). */
  public static final String ST_INTERACTION = "91";

  private CommandCode() {}

  /** How the centre answers a packet with this CN coming from a device. */
  public static Kind fromDevice(String cn) {
    return switch (cn) {
      case REQUEST_ANSWER, EXECUTION_RESULT, NOTIFICATION_ANSWER, DATA_ANSWER -> Kind.INTERACTION;
      case TIME_CALIBRATION_REQUEST, HARDWARE_SERIAL, SM4_KEY -> Kind.NOTIFICATION;
      case HEARTBEAT -> Kind.HEARTBEAT;
      default -> Kind.UPLOAD;
    };
  }

  /** How a device answers a packet with this CN coming from the centre. */
  public static Kind fromCentre(String cn) {
    return switch (cn) {
      case REQUEST_ANSWER, EXECUTION_RESULT, NOTIFICATION_ANSWER, DATA_ANSWER -> Kind.INTERACTION;
      case STOP_REALTIME_DATA, STOP_FACILITY_STATUS -> Kind.NOTIFICATION;
      default -> Kind.REQUEST;
    };
  }

  /**
   * Whether the data area of this CN is SM4-encrypted on a link with a key (HJ 212-2025 §6.4.4:
   * data uploads 2000..2999, 1014 and 3020).
   */
  public static boolean isEncryptable(String cn) {
    return cn.length() == 4 && cn.charAt(0) == '2' || SM4_KEY.equals(cn) || SITE_INFO.equals(cn);
  }

  /** The flows of HJ 212-2017 §6.5 and HJ 212-2025. */
  public enum Kind {
    /** Data upload: answered with 9014 when Flag.A = 1. */
    UPLOAD,
    /** Request: answered with 9011, then uploads, then 9012. */
    REQUEST,
    /** Notification: answered with 9013. */
    NOTIFICATION,
    /** A heartbeat (9015): answered with 9013 when Flag.A = 1, never stored as data. */
    HEARTBEAT,
    /** An answer itself (9011..9014): never answered. */
    INTERACTION
  }
}
