package org.qingshan.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 评估 page's default kind and the plan's period, without a server. */
class EvaluationDefaultsTest {
  @Test
  void thePeriodComesFromTheTitleOrTheFiveYearPlan() {
    assertThat(EvaluationDefaults.period("示范县规划实施方案（2023—2025年）", List.of()))
        .contains(new EvaluationDefaults.Period(2023, 2025));
    assertThat(EvaluationDefaults.period("示范县生态环境保护“十四五”规划", List.of()))
        .contains(new EvaluationDefaults.Period(2021, 2025));
    assertThat(EvaluationDefaults.period("示范县规划", List.of())).isEmpty();
  }

  @Test
  void theKindFollowsTheDateWithinThePeriod() {
    Optional<EvaluationDefaults.Period> p = Optional.of(new EvaluationDefaults.Period(2021, 2025));
    assertThat(EvaluationDefaults.kind(p, LocalDate.of(2026, 12, 6)))
        .isEqualTo(EvaluationKind.FINAL);
    assertThat(EvaluationDefaults.kind(p, LocalDate.of(2025, 12, 31)))
        .isEqualTo(EvaluationKind.MIDTERM);
    assertThat(EvaluationDefaults.kind(p, LocalDate.of(2023, 9, 1)))
        .isEqualTo(EvaluationKind.MIDTERM);
    assertThat(EvaluationDefaults.kind(p, LocalDate.of(2022, 6, 1)))
        .isEqualTo(EvaluationKind.ANNUAL);
    assertThat(EvaluationDefaults.kind(Optional.empty(), LocalDate.of(2026, 12, 6)))
        .isEqualTo(EvaluationKind.MIDTERM);
  }
}
