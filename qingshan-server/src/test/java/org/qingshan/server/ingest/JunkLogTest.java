package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.ErrorKind;
import org.slf4j.LoggerFactory;

/** Junk is counted per reason and summarised in one escaped line per address and minute. */
class JunkLogTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final JunkLog junk = new JunkLog(meters);
  private final Logger logger = (Logger) LoggerFactory.getLogger(JunkLog.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  @Test
  void aMinuteOfJunkAt300KilobytesASecondIsOneLineWithoutItsBytes() {
    // 300 kB/s of "##9999" for a minute: 3 million invalid frames of 6 bytes
    byte[] frame = "##9999\u001b[31m".getBytes(StandardCharsets.UTF_8);
    DecodeError error = new DecodeError(ErrorKind.FRAME, "not a frame \u001b[2J", frame);
    for (int i = 0; i < 3_000_000; i++) {
      junk.invalid("10.1.2.3:" + (40000 + i % 4), error);
    }
    junk.closed("10.1.2.3:40000");
    junk.invalid("10.9.9.9:1234", error);
    junk.flush();

    assertThat(lines.list).hasSize(2);
    String line =
        lines.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(l -> l.contains("10.1.2.3"))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .startsWith("3000000 invalid frames from 10.1.2.3 in the last minute, last reason")
        .contains("1 connections closed")
        .doesNotContain("\u001b")
        .doesNotContain("##9999");
    assertThat(meters.counter("qingshan.hj212.invalid", "reason", "FRAME").count())
        .isEqualTo(3_000_001);

    lines.list.clear();
    junk.flush();
    assertThat(lines.list).as("nothing new, nothing logged").isEmpty();
  }

  @Test
  void addressesBeyondTheBoundAreSummedInOneLine() {
    DecodeError error = new DecodeError(ErrorKind.FRAME, "x", new byte[] {1});
    for (int i = 0; i < JunkLog.ADDRESSES + 500; i++) {
      junk.invalid("10.0." + (i / 256) + "." + (i % 256) + ":1", error);
    }
    junk.flush();
    assertThat(lines.list).hasSize(JunkLog.ADDRESSES + 1);
    assertThat(lines.list.get(lines.list.size() - 1).getFormattedMessage())
        .startsWith("500 invalid frames and 0 connections closed");
  }
}
