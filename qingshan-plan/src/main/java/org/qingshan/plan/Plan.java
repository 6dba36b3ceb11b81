package org.qingshan.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.common.PlanPeriod;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.placeholder.Placeholder;
import org.qingshan.plan.project.KeyProject;
import org.qingshan.plan.responsibility.StandingRule;
import org.qingshan.plan.task.Task;

/**
 * An imported plan: its notice data, indicator table, heading tree with tasks, and what to review.
 */
public record Plan(
    String title,
    Optional<String> issuer,
    Optional<String> documentNumber,
    Optional<LocalDate> date,
    Optional<PlanPeriod> period,
    List<IndicatorTarget> indicators,
    boolean indicatorTableMissing,
    List<Section> sections,
    List<StandingRule> standingRules,
    List<KeyProject> keyProjects,
    List<Placeholder> placeholders,
    List<ImportWarning> warnings) {

  public Plan {
    indicators = List.copyOf(indicators);
    sections = List.copyOf(sections);
    standingRules = List.copyOf(standingRules);
    keyProjects = List.copyOf(keyProjects);
    placeholders = List.copyOf(placeholders);
    warnings = List.copyOf(warnings);
  }

  /** Every task and sub-task, in document order (a task before its sub-tasks). */
  public List<Task> tasks() {
    return sections.stream().flatMap(Plan::tasksOf).flatMap(Task::withDescendants).toList();
  }

  /** How many of {@link #tasks()} are sub-tasks of another task. */
  public int subTaskCount() {
    return tasks().size() - sections.stream().mapToInt(s -> (int) tasksOf(s).count()).sum();
  }

  private static Stream<Task> tasksOf(Section section) {
    return Stream.concat(
        section.tasks().stream(), section.sections().stream().flatMap(Plan::tasksOf));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Assembles a plan piece by piece as the importer reads it. */
  public static final class Builder {
    private String title = "";
    private String issuer;
    private String documentNumber;
    private LocalDate date;
    private PlanPeriod period;
    private List<IndicatorTarget> indicators = List.of();
    private boolean indicatorTableMissing;
    private List<Section> sections = List.of();
    private List<StandingRule> standingRules = List.of();
    private List<KeyProject> keyProjects = List.of();
    private List<Placeholder> placeholders = List.of();
    private List<ImportWarning> warnings = List.of();

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder issuer(Optional<String> value) {
      this.issuer = value.orElse(null);
      return this;
    }

    public Builder documentNumber(Optional<String> value) {
      this.documentNumber = value.orElse(null);
      return this;
    }

    public Builder date(Optional<LocalDate> value) {
      this.date = value.orElse(null);
      return this;
    }

    public Builder period(Optional<PlanPeriod> value) {
      this.period = value.orElse(null);
      return this;
    }

    public Builder indicators(List<IndicatorTarget> value, boolean missing) {
      this.indicators = value;
      this.indicatorTableMissing = missing;
      return this;
    }

    public Builder sections(List<Section> value) {
      this.sections = value;
      return this;
    }

    public Builder standingRules(List<StandingRule> value) {
      this.standingRules = value;
      return this;
    }

    public Builder keyProjects(List<KeyProject> value) {
      this.keyProjects = value;
      return this;
    }

    public Builder placeholders(List<Placeholder> value) {
      this.placeholders = value;
      return this;
    }

    public Builder warnings(List<ImportWarning> value) {
      this.warnings = value;
      return this;
    }

    public Plan build() {
      return new Plan(
          title,
          Optional.ofNullable(issuer),
          Optional.ofNullable(documentNumber),
          Optional.ofNullable(date),
          Optional.ofNullable(period),
          indicators,
          indicatorTableMissing,
          sections,
          standingRules,
          keyProjects,
          placeholders,
          warnings);
    }
  }
}
