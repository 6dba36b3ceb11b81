package org.qingshan.hj212.command;

/** ExeRtn of a 9012 execution result (HJ 212-2017 Table 6). */
public enum ExeReturn {
  SUCCESS(1),
  FAILED(2),
  BAD_CONDITIONS(3),
  TIMEOUT(4),
  BUSY(5),
  SYSTEM_FAULT(6),
  NO_DATA(100);

  private final int code;

  ExeReturn(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The return of a code; unknown codes give {@link #FAILED}. */
  public static ExeReturn of(int code) {
    for (ExeReturn r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return FAILED;
  }
}
