package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deadlines are judged on the county's date (Asia/Shanghai) of the injected clock. */
class PlanDispatchDatesTest {

  private static DispatchTask task(LocalDate due, DispatchTaskStatus status) {
    return new DispatchTask(
        1,
        1,
        Optional.empty(),
        DispatchTaskKind.TASK,
        0,
        Optional.empty(),
        "强化施工扬尘管控",
        "2025年底前全部落实。",
        1,
        Optional.of(due),
        Optional.empty(),
        status,
        0,
        Optional.empty(),
        List.of());
  }

  @Test
  void aDeadlinePassesAtMidnightInShanghaiNotInUtc() {
    // 2025-12-31 16:30 UTC is already 2026-01-01 00:30 in Shanghai.
    Clock clock = Clock.fixed(Instant.parse("2025-12-31T16:30:00Z"), ZoneOffset.UTC);
    LocalDate today = PlanDispatchService.today(clock);
    assertThat(today).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(task(LocalDate.of(2025, 12, 31), DispatchTaskStatus.IN_PROGRESS).overdue(today))
        .isTrue();
    assertThat(task(LocalDate.of(2025, 12, 31), DispatchTaskStatus.DONE).overdue(today)).isFalse();

    Clock before = Clock.fixed(Instant.parse("2025-12-31T15:59:00Z"), ZoneOffset.UTC);
    LocalDate stillDue = PlanDispatchService.today(before);
    assertThat(stillDue).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(task(LocalDate.of(2025, 12, 31), DispatchTaskStatus.IN_PROGRESS).overdue(stillDue))
        .isFalse();
  }

  @Test
  void statusCodesAreTheApisCodes() {
    assertThat(DispatchTaskStatus.ofCode("not-started")).hasValue(DispatchTaskStatus.NOT_STARTED);
    assertThat(DispatchTaskStatus.ofCode("behind")).hasValue(DispatchTaskStatus.BEHIND);
    assertThat(DispatchTaskStatus.ofCode("finished")).isEmpty();
    assertThat(DispatchTaskStatus.IN_PROGRESS.code()).isEqualTo("in-progress");
  }
}
