package org.qingshan.hj212.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.qingshan.hj212.packet.Hj212Time;

/**
 * Makes QNs: the local time to the millisecond, strictly increasing, so two requests sent in the
 * same millisecond still get different QNs.
 */
public final class QnGenerator {
  private final Clock clock;
  private final ZoneId zone;
  private final AtomicLong last = new AtomicLong();

  public QnGenerator(Clock clock) {
    this.clock = clock;
    this.zone = clock.getZone();
  }

  /** A generator on the system clock in China Standard Time (the protocol's times are local). */
  public static QnGenerator systemDefault() {
    return new QnGenerator(Clock.system(ZoneId.of("Asia/Shanghai")));
  }

  public String next() {
    long now = clock.millis();
    long t = last.updateAndGet(prev -> Math.max(prev + 1, now));
    return Hj212Time.formatQn(LocalDateTime.ofInstant(Instant.ofEpochMilli(t), zone));
  }

  public Clock clock() {
    return clock;
  }
}
