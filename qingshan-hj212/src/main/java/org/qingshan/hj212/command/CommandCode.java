package org.qingshan.hj212.command;

/** Command codes (CN) used by the centre and by devices, and how each is answered. */
public final class CommandCode {
  public static final String SET_TIMEOUT = "1000";
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
  public static final String FACILITY_STATUS = "2021";
  public static final String STOP_FACILITY_STATUS = "2022";
  public static final String DAY_DATA = "2031";
  public static final String FACILITY_RUNTIME_DAY = "2041";
  public static final String MINUTE_DATA = "2051";
  public static final String HOUR_DATA = "2061";
  public static final String RESTART_TIME = "2081";
  public static final String SITE_INFO = "3020";
  public static final String REQUEST_ANSWER = "9011";
  public static final String EXECUTION_RESULT = "9012";
  public static final String NOTIFICATION_ANSWER = "9013";
  public static final String DATA_ANSWER = "9014";

  /** ST of interaction packets (9011..9014). */
  public static final String ST_INTERACTION = "91";

  private CommandCode() {}

  /** How the centre answers a packet with this CN coming from a device. */
  public static Kind fromDevice(String cn) {
    return switch (cn) {
      case REQUEST_ANSWER, EXECUTION_RESULT, NOTIFICATION_ANSWER, DATA_ANSWER -> Kind.INTERACTION;
      case TIME_CALIBRATION_REQUEST -> Kind.NOTIFICATION;
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

  /** The flows of HJ 212-2017 §6.5. */
  public enum Kind {
    /** Data upload: answered with 9014 when Flag.A = 1. */
    UPLOAD,
    /** Request: answered with 9011, then uploads, then 9012. */
    REQUEST,
    /** Notification: answered with 9013. */
    NOTIFICATION,
    /** An answer itself (9011..9014): never answered. */
    INTERACTION
  }
}
