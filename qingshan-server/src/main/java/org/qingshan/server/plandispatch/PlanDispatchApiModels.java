package org.qingshan.server.plandispatch;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The bodies of the plan dispatch API. */
final class PlanDispatchApiModels {
  private PlanDispatchApiModels() {}

  @Schema(description = "规划（一个版本）")
  record PlanItem(
      long id,
      String title,
      @Schema(description = "draft、published 或 superseded（已被新版本取代）") String status) {
    static PlanItem of(DispatchPlan p) {
      return new PlanItem(p.id(), p.title(), p.status().code());
    }
  }

  @Schema(description = "发布的规划及发布时仍存在的提醒")
  record PublishedPlan(
      long id,
      String title,
      @Schema(description = "published") String status,
      @Schema(description = "提醒：未对应到部门的单位、没有落到部门的任务、未设定报送周期；没有时为空") List<String> warnings) {
    static PublishedPlan of(DispatchPlan p, List<String> warnings) {
      return new PublishedPlan(p.id(), p.title(), p.status().code(), List.copyOf(warnings));
    }
  }

  @Schema(description = "导入后保存为草稿的规划：任务数与指标数")
  record PlanCreated(
      long id,
      String title,
      @Schema(description = "任务数") int tasks,
      @Schema(description = "指标数") int indicators,
      @Schema(description = "draft") String status) {}

  @Schema(description = "规划中的一项任务")
  record TaskItem(
      long id,
      String title,
      @Schema(description = "牵头单位（已对应到部门的用部门名称，否则为原文）") List<String> lead,
      @Schema(description = "配合单位") List<String> support,
      @Schema(description = "责任单位（未写明牵头时）") List<String> responsible,
      @Schema(description = "完成时限（任务中最晚的时限）") Optional<LocalDate> due,
      @Schema(description = "not-started、in-progress、done、behind") String status) {
    static TaskItem of(DispatchTask t) {
      return new TaskItem(
          t.id(), t.title(), t.lead(), t.support(), t.responsible(), t.due(), t.status().code());
    }
  }

  @Schema(description = "一项任务及其全部进展报告")
  record TaskDetail(
      long id,
      long planId,
      String title,
      String text,
      List<String> lead,
      List<String> support,
      List<String> responsible,
      Optional<LocalDate> due,
      Optional<String> modality,
      String status,
      @Schema(description = "任务的版本：报送进展时带上，若他人已更新则 409") int version,
      @Schema(description = "时限目标（报送数值时用其 position：figure.<position>）") List<TargetItem> targets,
      List<ProgressItem> progress) {
    static TaskDetail of(
        DispatchTask t, List<DispatchProgress> progress, List<DispatchTarget> targets) {
      return new TaskDetail(
          t.id(),
          t.planId(),
          t.title(),
          t.text(),
          t.lead(),
          t.support(),
          t.responsible(),
          t.due(),
          t.modality(),
          t.status().code(),
          t.version(),
          targets.stream().map(TargetItem::of).toList(),
          progress.stream().map(p -> ProgressItem.of(t.id(), p)).toList());
    }
  }

  @Schema(description = "任务的一个时限目标及最新报送的数值")
  record TargetItem(
      @Schema(description = "目标在任务中的序号：报送数值的字段名为 figure.<position>") int position,
      String text,
      Optional<String> metric,
      @Schema(description = "≥、≤、>、<、=、≈、减少、增长（可带“力争”“原则上”）；上级下达的目标为填报的下达值的比较方式")
          Optional<String> comparator,
      @Schema(description = "目标值：原文写明的数值；上级下达的目标为规划科填报的下达值") Optional<BigDecimal> value,
      Optional<String> unit,
      Optional<LocalDate> deadline,
      @Schema(description = "是否可报送数值（目标写明了数值，或已填报上级下达的数值）") boolean measurable,
      @Schema(description = "最新报送的数值") Optional<BigDecimal> latest,
      Optional<String> latestNote,
      Optional<OffsetDateTime> latestAt,
      @Schema(description = "最新数值是否达到目标（无法判断时为空）") Optional<Boolean> met,
      @Schema(description = "是否由上级下达的目标（如“完成市下达任务”）") boolean assigned,
      @Schema(description = "是否待上级下达：上级下达的目标尚未填报下达值，不判断是否达到") boolean awaitingAssignment,
      @Schema(description = "下达依据（如“市生态环境局2026年3月下达”），未填报时为空字符串") String assignedSource) {
    static TargetItem of(DispatchTarget g) {
      return new TargetItem(
          g.position(),
          g.text(),
          g.metric(),
          g.goalComparator(),
          g.goalValue(),
          g.goalUnit(),
          g.deadline(),
          g.measurable(),
          g.latest().map(DispatchTarget.Reading::amount),
          g.latest().flatMap(DispatchTarget.Reading::note),
          g.latest().map(DispatchTarget.Reading::reportedAt),
          g.latestMet(),
          g.assigned(),
          g.awaitingAssignment(),
          g.assignedFigure().map(AssignedFigure::source).orElse(""));
    }
  }

  @Schema(description = "进展报告中某个目标的数值")
  record FigureItem(int targetPosition, BigDecimal value, Optional<String> note) {}

  @Schema(description = "一次进展报告")
  record ProgressItem(
      long id,
      String status,
      String text,
      Optional<String> department,
      @Schema(description = "lead（牵头，其报告即任务的报告）、support（配合）、responsible") String role,
      String reportedBy,
      OffsetDateTime reportedAt,
      List<FileItem> files,
      @Schema(description = "报送的目标数值") List<FigureItem> figures,
      @Schema(description = "报告原所在的任务（该任务在修订中并入本任务）：作为配合报送，不决定本任务的状态") Optional<String> mergedFrom,
      @Schema(description = "代报：代为报送者（单位与姓名）；部门自己报送时没有") Optional<String> proxy) {
    static ProgressItem of(long taskId, DispatchProgress p) {
      return new ProgressItem(
          p.id(),
          p.status().code(),
          p.text(),
          p.department(),
          p.role().name().toLowerCase(java.util.Locale.ROOT),
          p.reportedBy(),
          p.reportedAt(),
          p.files().stream()
              .map(
                  f ->
                      new FileItem(
                          f.fileName(),
                          f.contentType(),
                          f.bytes(),
                          "/api/v1/tasks/" + taskId + "/files/" + f.id()))
              .toList(),
          p.figures().stream()
              .map(f -> new FigureItem(f.targetPosition(), f.amount(), f.note()))
              .toList(),
          p.mergedFrom(),
          p.proxy());
    }
  }

  record FileItem(String name, String contentType, long bytes, String url) {}

  @Schema(description = "指标某年的值及其来源")
  record ValueRequest(
      @Schema(description = "年份", example = "2024") Integer year,
      @Schema(description = "数值", example = "39.5") BigDecimal value,
      @Schema(description = "来源（如 2024年环境质量年报）", example = "2024年环境质量年报") String source) {}

  record ValueItem(int year, BigDecimal value, String source, String enteredBy) {}

  @Schema(description = "规划指标及其逐年的值")
  record IndicatorItem(
      String no,
      Optional<String> category,
      String name,
      Optional<String> unit,
      Optional<String> baseline,
      Optional<Integer> baselineYear,
      Optional<String> target,
      Optional<Integer> targetYear,
      Optional<String> attribute,
      @Schema(description = "导入器给出的目标类型，如 numeric_lower_better、assigned、qualitative") String kind,
      List<ValueItem> values) {
    static IndicatorItem of(DispatchIndicator i) {
      return new IndicatorItem(
          i.no(),
          i.category(),
          i.name(),
          i.unit(),
          i.baseline(),
          i.baselineYear(),
          i.target(),
          i.targetYear(),
          i.attribute(),
          i.kind(),
          i.values().stream()
              .map(v -> new ValueItem(v.year(), v.value(), v.source(), v.enteredBy()))
              .toList());
    }
  }
}
