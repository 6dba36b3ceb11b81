package org.qingshan.server.ingest;

import java.util.Optional;
import org.qingshan.hj212.command.CommandCode;

/** The kinds of monitoring data, by the command that uploads them. */
public enum ObservationKind {
  REALTIME(CommandCode.REALTIME_DATA),
  MINUTE(CommandCode.MINUTE_DATA),
  HOUR(CommandCode.HOUR_DATA),
  DAY(CommandCode.DAY_DATA);

  private final String cn;

  ObservationKind(String cn) {
    this.cn = cn;
  }

  public String cn() {
    return cn;
  }

  public static Optional<ObservationKind> ofCn(String cn) {
    for (ObservationKind k : values()) {
      if (k.cn.equals(cn)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
