package org.qingshan.server.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.qingshan.server.web.PageResult;

/**
 * The JSON shapes of the cases API. States, sources, types and steps are the lower-case codes the
 * API documents ({@code in-progress}, {@code public-report}); the pages show Chinese labels.
 */
final class CaseApiModels {
  private CaseApiModels() {}

  @Schema(description = "登记案件：给出 alarmId（由报警生成），或给出标题、类型与说明")
  record CaseCreateRequest(
      @Schema(description = "报警 id：由该报警生成在线监控报警案件（标题、类型、级别、企业取自报警）；仅调度员、管理员") Long alarmId,
      @Schema(description = "标题（无 alarmId 时必填）", example = "白河桥下漂浮垃圾") String title,
      @Schema(
              description = "类型",
              allowableValues = {
                "online-monitoring",
                "air",
                "water",
                "noise",
                "solid-waste",
                "dust",
                "odour",
                "ecology",
                "other"
              })
          String type,
      @Schema(description = "涉及企业 id（可选）") Long enterpriseId,
      @Schema(description = "说明") String description,
      @Schema(
              description = "来源；缺省按登记人：网格员 patrol，联络员 department，其他 inspection",
              allowableValues = {"patrol", "inspection", "department"})
          String source,
      @Schema(
              description = "级别，缺省 minor",
              allowableValues = {"critical", "major", "minor", "warning"})
          String severity,
      @Schema(description = "地点（可选）") String place,
      @Schema(description = "纬度（可选，与经度同时给出）") Double lat,
      @Schema(description = "经度（可选）") Double lng) {}

  @Schema(description = "新案件")
  record CaseCreated(
      long id,
      @Schema(description = "状态码", example = "pending") String status,
      @Schema(description = "案件编号", example = "2026-0001") String caseNo) {
    static CaseCreated of(CaseFile c) {
      return new CaseCreated(c.id(), c.status().code(), c.caseNo());
    }
  }

  @Schema(description = "转办")
  record CaseDispatchRequest(
      @Schema(
              description = "办理人用户名（网格员等）",
              example = "grid",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String assignee,
      @Schema(description = "办结时限（可选，ISO 8601，须晚于现在）", example = "2026-12-31T18:00:00+08:00")
          OffsetDateTime deadline,
      @Schema(description = "转办意见（可选）") String text) {}

  @Schema(description = "一步操作的说明")
  record CaseTextRequest(@Schema(description = "说明（不予受理、退回、备注时必填）") String text) {}

  @Schema(description = "核查")
  record CaseVerifyRequest(
      @Schema(
              description = "true：核查通过并办结；false：退回办理人重办",
              requiredMode = Schema.RequiredMode.REQUIRED)
          Boolean passed,
      @Schema(description = "核查意见；通过时作为答复，退回时为退回原因（必填）") String text) {}

  @Schema(description = "延期：申请或同意")
  record CaseExtensionRequest(
      @Schema(description = "延期至（ISO 8601）", requiredMode = Schema.RequiredMode.REQUIRED)
          OffsetDateTime until,
      @Schema(description = "理由（申请时必填）") String text) {}

  @Schema(description = "办理对象")
  record CaseAssigneeView(
      @Schema(allowableValues = {"user", "department", "enterprise"}) String kind,
      Optional<String> username,
      Optional<Long> id,
      String name) {
    static CaseAssigneeView of(Assignee a) {
      return new CaseAssigneeView(
          a.kind().name().toLowerCase(java.util.Locale.ROOT), a.username(), a.id(), a.name());
    }
  }

  @Schema(description = "案件（列表项）")
  record CaseSummary(
      long id,
      String caseNo,
      String title,
      @Schema(description = "类型码") String type,
      @Schema(description = "来源码") String source,
      @Schema(description = "级别") String severity,
      @Schema(
              description = "状态码",
              allowableValues = {
                "pending",
                "rejected",
                "accepted",
                "dispatched",
                "in-progress",
                "awaiting-verification",
                "closed"
              })
          String status,
      Optional<Long> enterpriseId,
      Optional<Long> alarmId,
      Optional<CaseAssigneeView> assignee,
      OffsetDateTime deadline,
      @Schema(description = "0 无，1 已催办，2 已督办") int escalation,
      OffsetDateTime createdAt) {
    static CaseSummary of(CaseFile c) {
      return new CaseSummary(
          c.id(),
          c.caseNo(),
          c.title(),
          c.type().code(),
          c.source().code(),
          severityCode(c),
          c.status().code(),
          c.enterpriseId(),
          c.alarmId(),
          c.assignee().map(CaseAssigneeView::of),
          c.deadline(),
          c.escalation(),
          c.createdAt());
    }
  }

  @Schema(description = "一页案件")
  record CasePage(List<CaseSummary> items, long total, int page, int size) {
    static CasePage of(PageResult<CaseFile> result) {
      return new CasePage(
          result.items().stream().map(CaseSummary::of).toList(),
          result.total(),
          result.page(),
          result.query().size());
    }
  }

  @Schema(description = "案件的一步：谁、何时、做了什么，说明、位置与照片")
  record CaseStepView(
      @Schema(description = "操作码", example = "handle") String action,
      @Schema(description = "操作人用户名（system 为系统催办、督办，public 为群众）") String by,
      OffsetDateTime at,
      String text,
      Optional<String> from,
      String to,
      Optional<Double> lat,
      Optional<Double> lng,
      @Schema(description = "照片地址（以调用者身份下载，JPEG）") List<String> attachments) {
    static CaseStepView of(CaseStep s, LongFunction<String> photoUrl) {
      return new CaseStepView(
          s.action().code(),
          s.by(),
          s.at(),
          s.text(),
          s.from().map(CaseStatus::code),
          s.to().code(),
          s.lat(),
          s.lng(),
          s.photos().stream().map(p -> photoUrl.apply(p.id())).toList());
    }
  }

  @Schema(description = "案件及其全部步骤")
  record CaseDetail(
      long id,
      String caseNo,
      String title,
      String type,
      String source,
      String severity,
      @Schema(
              description = "状态码",
              allowableValues = {
                "pending",
                "rejected",
                "accepted",
                "dispatched",
                "in-progress",
                "awaiting-verification",
                "closed"
              })
          String status,
      String description,
      Optional<Long> enterpriseId,
      Optional<String> place,
      Optional<Double> lat,
      Optional<Double> lng,
      Optional<Long> alarmId,
      Optional<CaseAssigneeView> assignee,
      Optional<OffsetDateTime> acceptBy,
      OffsetDateTime deadline,
      int escalation,
      boolean extensionRequested,
      @Schema(description = "答复（办结或不予受理时）") Optional<String> answer,
      String createdBy,
      OffsetDateTime createdAt,
      Optional<OffsetDateTime> closedAt,
      @Schema(description = "版本：每次变化加一") int version,
      List<CaseStepView> steps) {
    static CaseDetail of(CaseFile c, List<CaseStep> steps) {
      return new CaseDetail(
          c.id(),
          c.caseNo(),
          c.title(),
          c.type().code(),
          c.source().code(),
          severityCode(c),
          c.status().code(),
          c.description(),
          c.enterpriseId(),
          c.place(),
          c.lat(),
          c.lng(),
          c.alarmId(),
          c.assignee().map(CaseAssigneeView::of),
          c.acceptBy(),
          c.deadline(),
          c.escalation(),
          c.extensionRequested(),
          c.answer(),
          c.createdBy(),
          c.createdAt(),
          c.closedAt(),
          c.version(),
          steps.stream()
              .map(s -> CaseStepView.of(s, photo -> "/api/v1/cases/" + c.id() + "/photos/" + photo))
              .toList());
    }
  }

  static String severityCode(CaseFile c) {
    return c.severity().name().toLowerCase(java.util.Locale.ROOT);
  }
}
