package org.qingshan.server.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stand-ins for the HJ 212-2025 gateway's senders of CN=1014 and CN=1002: they record what would be
 * sent, and report a device whose MN (or serial) ends in OFF as unreachable.
 */
@TestConfiguration
public class RecordingSenders {
  record KeySent(String mn, String qn, byte[] key) {}

  record MnSent(String serial, String mn, String qn) {}

  /** The server's clock, which a test may move forward (and must set back). */
  static final MovableClock CLOCK = new MovableClock();

  static final List<KeySent> KEYS = new CopyOnWriteArrayList<>();
  static final List<MnSent> MNS = new CopyOnWriteArrayList<>();

  @Bean
  @Primary
  Clock movableClock() {
    return CLOCK;
  }

  /** The system's UTC time plus an offset the test sets. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    void reset() {
      offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  @Bean
  @Primary
  KeyChangeSender recordingKeyChangeSender() {
    return (mn, qn, createdAt, key) -> KEYS.add(new KeySent(mn, qn, key)) && !mn.endsWith("OFF");
  }

  @Bean
  @Primary
  MnAssignmentSender recordingMnAssignmentSender() {
    return (serial, mn, qn) -> MNS.add(new MnSent(serial, mn, qn)) && !serial.endsWith("OFF");
  }
}
