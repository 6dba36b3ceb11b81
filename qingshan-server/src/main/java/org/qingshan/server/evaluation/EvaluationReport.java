package org.qingshan.server.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What an evaluation document says, computed once and written as .docx, .pdf or a snapshot. */
public record EvaluationReport(
    long planId,
    String planTitle,
    EvaluationKind kind,
    LocalDate date,
    String summary,
    List<Indicator> indicators,
    List<Chapter> chapters,
    List<TargetProgress> targets,
    List<Project> projects,
    List<String> problems,
    List<String> nextSteps,
    String scoringMethod,
    List<DepartmentScore> departments) {

  /** One year's value on an indicator's chart. */
  public record Point(int year, BigDecimal value) {}

  public record Indicator(
      String no,
      String name,
      String unit,
      String baseline,
      String target,
      Optional<Integer> year,
      Optional<BigDecimal> value,
      EvaluationIndicatorStatus status,
      String statusLabel,
      List<Point> actual,
      List<Point> trajectory,
      Optional<String> reason) {

    /**
     * The latest value as written in the documents ("39.6（2024年）"); for an indicator without one (a
     * qualitative one) the planner's reason for the judgement; else "—".
     */
    public String valueText() {
      return value
          .map(
              v ->
                  v.stripTrailingZeros().toPlainString() + year.map(y -> "（" + y + "年）").orElse(""))
          .or(() -> reason)
          .orElse("—");
    }
  }

  public record Chapter(
      String title, int tasks, int notStarted, int inProgress, int done, int behind, int overdue) {}

  /**
   * A task's dated target with a value at the evaluation date: the latest figure its reports gave
   * by then and where the target stands (达到, 逾期未达到 …).
   */
  public record TargetProgress(
      String task, String lead, String goal, LocalDate deadline, String figure, String state) {}

  /**
   * A key project at the evaluation date: planned and actual investment (万元, "—" when none),
   * progress in percent, its milestones.
   */
  public record Project(
      String name,
      String content,
      String investment,
      String actualInvestment,
      Optional<Integer> progress,
      List<Milestone> milestones) {}

  /** A milestone with its state at the evaluation date (完成 / 逾期 / 未到期). */
  public record Milestone(
      String name, Optional<LocalDate> due, Optional<LocalDate> done, MilestoneState state) {}

  public enum MilestoneState {
    DONE,
    OVERDUE,
    OPEN
  }

  public record DepartmentScore(
      String department, int tasks, int onTime, int done, BigDecimal score) {}
}
