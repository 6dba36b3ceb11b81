package org.qingshan.server.plandashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.plandispatch.DispatchSchedule;

/** One published plan's dashboard on a day: every table the page and its exports show. */
public record PlanDashboard(
    long planId,
    String title,
    LocalDate today,
    DispatchSchedule frequency,
    List<Chapter> chapters,
    List<Department> departments,
    List<Indicator> indicators,
    List<Deadline> deadlines,
    List<Reporting> reporting) {

  /** Tasks of a chapter by status. */
  public record Chapter(String title, int notStarted, int inProgress, int done, int behind) {
    public int total() {
      return notStarted + inProgress + done + behind;
    }
  }

  /**
   * A department's tasks as lead (as 责任单位 of a task no one leads too, as the reports count it):
   * assigned, done on time, overdue, and its place in the ranking; supporting: the tasks it takes
   * part in otherwise.
   */
  public record Department(
      int rank,
      long id,
      String name,
      int assigned,
      int supporting,
      int done,
      int onTime,
      int overdue) {
    /** Done of assigned, in percent (0 with nothing assigned). */
    public double completionRate() {
      return assigned == 0 ? 0 : Math.round(1000.0 * done / assigned) / 10.0;
    }
  }

  /** An indicator with its values, what the trajectory needs, its status and trend. */
  public record Indicator(
      long id,
      String no,
      String name,
      String unit,
      String kind,
      String baseline,
      String target,
      Optional<Double> targetValue,
      Optional<Integer> targetYear,
      String values,
      Optional<Integer> latestYear,
      Optional<Double> latest,
      Optional<Double> needed,
      Optional<IndicatorStatus> status,
      Optional<Double> forecast,
      Optional<IndicatorDirection> direction,
      Optional<String> reason) {}

  /**
   * A task's dated target on the timeline (a task without one: its due date) with the latest figure
   * reported for it; {@code doneOn} is when it was met (or the task done).
   */
  public record Deadline(
      long taskId,
      String title,
      String lead,
      LocalDate due,
      Optional<LocalDate> doneOn,
      TargetDeadline state,
      String target,
      String figure) {}

  /** A department's reporting on the plan's schedule. */
  public record Reporting(
      long departmentId,
      String name,
      Optional<LocalDate> lastReport,
      LocalDate nextDue,
      boolean overdue,
      boolean remind) {}

  /** Tasks with a dated target past its date and not met. */
  public long overdueTasks() {
    return deadlines.stream()
        .filter(d -> d.state() == TargetDeadline.OVERDUE)
        .mapToLong(Deadline::taskId)
        .distinct()
        .count();
  }

  public long indicatorsBehind() {
    return indicators.stream()
        .filter(i -> i.status().filter(s -> s != IndicatorStatus.ON_TRACK).isPresent())
        .count();
  }

  /** Done of all tasks with a lead department, in percent. */
  public double completionRate() {
    int assigned = departments.stream().mapToInt(Department::assigned).sum();
    int done = departments.stream().mapToInt(Department::done).sum();
    return assigned == 0 ? 0 : Math.round(1000.0 * done / assigned) / 10.0;
  }
}
