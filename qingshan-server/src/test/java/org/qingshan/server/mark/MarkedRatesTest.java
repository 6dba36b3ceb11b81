package org.qingshan.server.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.PollutionSources.Source;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 有效传输率 with marks: hours under a mark in force leave the denominator, and the logger's own flag
 * inside them no longer counts against validity.
 */
@DemoServerTest
class MarkedRatesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 10, 5);
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry devices;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired MarkedRates rates;
  @Autowired MarkRepository marks;

  @Test
  void hoursUnderAMarkAreNeitherExpectedNorJudgedByTheirFlag() {
    Source s =
        new PollutionSources(enterprises, outlets, devices, users, jdbc)
            .create("标记率", OutletKind.GAS);
    PollutionSources hours = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    // 停运 00:00–06:00: the logger flags F; 18 hours N; nothing at all from 22:00 (still under the
    // expectation, no mark)
    for (int h = 0; h < 22; h++) {
      hours.hour(s.deviceId(), "a21026", DAY.atTime(h, 0), 10, h < 6 ? "F" : "N");
    }
    LocalDateTime now = DAY.plusDays(1).atTime(12, 0);
    Day without = day(s, now);
    assertThat(without.expected()).isEqualTo(24);
    assertThat(without.received()).isEqualTo(22);
    assertThat(without.valid()).isEqualTo(16);

    insert(s, DAY.atStartOfDay(), DAY.atTime(6, 0), MarkStatus.FILED);
    Day with = day(s, now);
    assertThat(with.marked()).isEqualTo(6);
    assertThat(with.expected()).isEqualTo(18);
    assertThat(with.received()).isEqualTo(16);
    assertThat(with.valid()).isEqualTo(16);
    assertThat(with.effectiveRate()).isEqualTo(16.0 / 18);
    assertThat(with.effectiveRate()).isGreaterThan(without.effectiveRate());
  }

  @Test
  void aRejectedMarkChangesNothing() {
    Source s =
        new PollutionSources(enterprises, outlets, devices, users, jdbc)
            .create("驳回率", OutletKind.GAS);
    PollutionSources hours = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    for (int h = 0; h < 24; h++) {
      hours.hour(s.deviceId(), "a21026", DAY.atTime(h, 0), 10, h < 6 ? "F" : "N");
    }
    insert(s, DAY.atStartOfDay(), DAY.atTime(6, 0), MarkStatus.REJECTED);
    Day d = day(s, DAY.plusDays(2).atStartOfDay());
    assertThat(d.marked()).isZero();
    assertThat(d.expected()).isEqualTo(24);
    assertThat(d.valid()).isEqualTo(18);
  }

  private Day day(Source s, LocalDateTime now) {
    List<MarkedRates.Day> days = rates.daily(s.deviceId(), DAY, DAY.plusDays(1), now);
    assertThat(days).hasSize(1);
    MarkedRates.Day d = days.get(0);
    return new Day(d.received(), d.expected(), d.valid(), d.marked(), d.effectiveRate());
  }

  private record Day(long received, long expected, long valid, long marked, double effectiveRate) {}

  private void insert(Source s, LocalDateTime from, LocalDateTime to, MarkStatus status) {
    marks.insert(
        new DataMark(
            0,
            s.enterpriseId(),
            s.outletId(),
            Optional.of(s.deviceId()),
            Optional.empty(),
            MarkKind.STOPPED,
            from,
            to,
            "停运",
            "test",
            true,
            OffsetDateTime.now(),
            status,
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }
}
