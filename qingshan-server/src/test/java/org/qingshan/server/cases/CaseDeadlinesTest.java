package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.springframework.util.unit.DataSize;

class CaseDeadlinesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static CaseSettings settings(List<String> typeDays) {
    return new CaseSettings(
        12,
        24,
        72,
        168,
        15,
        60,
        15,
        typeDays,
        30,
        3,
        24,
        DataSize.ofMegabytes(10),
        6,
        2048,
        List.of());
  }

  private static NewCase of(CaseType type, CaseSource source, Severity severity) {
    return NewCase.of("t", type, source, severity, "d");
  }

  @Test
  void alarmsByHoursPublicReportsBy12369DaysOthersByTypeOrDefault() {
    CaseDeadlines d = new CaseDeadlines(settings(List.of("noise=7")), SHANGHAI);
    OffsetDateTime now = OffsetDateTime.parse("2026-03-01T10:00:00+08:00");
    assertThat(d.deadline(of(CaseType.ONLINE_MONITORING, CaseSource.ALARM, Severity.CRITICAL), now))
        .isEqualTo(now.plusHours(12));
    assertThat(d.deadline(of(CaseType.NOISE, CaseSource.PUBLIC_REPORT, Severity.MINOR), now))
        .isEqualTo(now.plusDays(60));
    assertThat(d.acceptBy(of(CaseType.NOISE, CaseSource.PUBLIC_REPORT, Severity.MINOR), now))
        .contains(now.plusDays(15));
    assertThat(d.deadline(of(CaseType.NOISE, CaseSource.PATROL, Severity.MINOR), now))
        .isEqualTo(now.plusDays(7));
    assertThat(d.deadline(of(CaseType.DUST, CaseSource.PATROL, Severity.MINOR), now))
        .isEqualTo(now.plusDays(15));
    assertThat(d.acceptBy(of(CaseType.DUST, CaseSource.PATROL, Severity.MINOR), now)).isEmpty();
    assertThat(d.typeDays()).isEqualTo(Map.of(CaseType.NOISE, 7));
  }

  @Test
  void daysAreCountedInTheCountyAcrossAChangeOfOffset() {
    CaseDeadlines d = new CaseDeadlines(settings(List.of()), SHANGHAI);
    // given in UTC late in the evening: 15 county days later is the same county clock time
    OffsetDateTime now = OffsetDateTime.parse("2026-03-01T20:00:00Z");
    OffsetDateTime deadline =
        d.deadline(of(CaseType.AIR, CaseSource.INSPECTION, Severity.MINOR), now);
    assertThat(deadline.atZoneSameInstant(SHANGHAI).toLocalDateTime())
        .isEqualTo(now.atZoneSameInstant(SHANGHAI).toLocalDateTime().plusDays(15));
  }

  @Test
  void aWrongTypeDaysEntryStopsTheStartNamingIt() {
    assertThatThrownBy(() -> CaseDeadlines.typeDays(List.of("smog=7")))
        .hasMessageContaining("smog=7")
        .hasMessageContaining("noise");
    assertThatThrownBy(() -> CaseDeadlines.typeDays(List.of("noise=0")))
        .hasMessageContaining("noise=0");
    assertThat(CaseDeadlines.typeDays(List.of(" dust = 5 ", ""))).containsEntry(CaseType.DUST, 5);
  }
}
