package org.qingshan.hj212.command;

/** QnRtn of a 9011 request answer (HJ 212-2017 Table 7). */
public enum QnReturn {
  READY(1),
  REJECTED(2),
  PASSWORD_ERROR(3),
  MN_ERROR(4),
  ST_ERROR(5),
  FLAG_ERROR(6),
  QN_ERROR(7),
  CN_ERROR(8),
  CRC_ERROR(9),
  UNKNOWN(100);

  private final int code;

  QnReturn(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The return of a code; unknown codes give {@link #UNKNOWN}. */
  public static QnReturn of(int code) {
    for (QnReturn r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNKNOWN;
  }
}
