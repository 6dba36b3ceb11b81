package org.qingshan.server.plandispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.IndicatorItem;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.PlanCreated;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.PlanItem;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.ProgressItem;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.PublishedPlan;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.TaskDetail;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.TaskItem;
import org.qingshan.server.plandispatch.PlanDispatchApiModels.ValueRequest;
import org.qingshan.server.web.ApiErrors;
import org.qingshan.server.web.UserFacingException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 规划调度 for programs: plans imported as drafts and published, their tasks by department, reports on
 * tasks with evidence files, indicators' yearly values. Same login as the registry's API (a session
 * with the CSRF token, or a personal Bearer token); a department's user sees and reports on their
 * own department's tasks only (another's: 403, audited).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "规划调度", description = "规划任务分解、部门报送进展、指标逐年填报")
@SecurityRequirement(name = "bearerToken")
@ApiResponse(
    responseCode = "400",
    description = "字段有误（如不是规划文件、文件类型不符）",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@ApiResponse(responseCode = "401", description = "未登录，或接口令牌无效、已吊销", content = @Content)
@ApiResponse(
    responseCode = "403",
    description = "角色不允许，或不是本部门的任务（记入审计）",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@ApiResponse(
    responseCode = "404",
    description = "无此规划、任务或指标",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
class PlanDispatchApiController {
  static final String PROGRESS_PATH = "/api/v1/tasks/*/progress";

  private final PlanDispatchService plans;
  private final PlanReviewService review;

  PlanDispatchApiController(PlanDispatchService plans, PlanReviewService review) {
    this.plans = plans;
    this.review = review;
  }

  @GetMapping("/plans")
  @Operation(summary = "规划列表", description = "规划科、管理员、领导看全部版本（含草稿）；部门用户只看已发布的。新导入的在前。")
  List<PlanItem> list() {
    return plans.plans().stream().map(PlanItem::of).toList();
  }

  @PostMapping(value = "/plans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "导入规划（规划科、管理员）",
      description =
          "multipart：file（.docx、.pdf、.txt、.html），可选 replaces（已有规划的 id：作为其新版本）。保存为草稿，返回任务数与指标数；不是规划的文件 400，什么都不保存。")
  @ApiResponse(responseCode = "201", description = "已保存为草稿")
  @ApiResponse(
      responseCode = "413",
      description = "文件过大",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  ResponseEntity<PlanCreated> create(
      @Parameter(description = "规划文件") @RequestParam("file") MultipartFile file,
      @Parameter(description = "更正哪个规划（其 id）：保存为它的新版本") @RequestParam(required = false)
          Long replaces) {
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PlanDispatchService.Imported imported =
        plans.importPlan(file.getOriginalFilename(), bytes, Optional.ofNullable(replaces));
    return ResponseEntity.created(URI.create("/api/v1/plans/" + imported.plan().id()))
        .body(
            new PlanCreated(
                imported.plan().id(),
                imported.plan().title(),
                imported.tasks(),
                imported.indicators(),
                imported.plan().status().code()));
  }

  @PostMapping("/plans/{id}/publish")
  @Operation(
      summary = "发布规划（规划科、管理员）",
      description =
          "草稿发布后各部门可见其任务；同一规划此前发布的版本标为 superseded 并保留，其各任务的状态和进展报告"
              + "（数值、附件，原报送时间和报送人不变）转入新版本的对应任务（修订的沿袭，否则同类同名）。不是草稿时 409。"
              + "warnings：发布时仍存在的提醒（未对应到部门的单位、没有落到部门的任务、未设定报送周期），不阻止发布。")
  @ApiResponse(responseCode = "200", description = "已发布")
  @ApiResponse(
      responseCode = "409",
      description = "不是草稿",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  PublishedPlan publish(@PathVariable long id) {
    DispatchPlan published = plans.publish(id);
    return PublishedPlan.of(published, review.publishWarnings(id));
  }

  @GetMapping("/plans/{id}/tasks")
  @Operation(
      summary = "规划的任务",
      description =
          "按文中顺序列出任务及其子任务（任务下的（1）、①等分项，紧随其任务之后；子任务未写明责任单位的沿用其任务的单位），字段相同。"
              + "department 为部门 id 或名称（别名亦可）时只列该部门牵头、配合或负责的任务；部门用户无论所问只得到本部门的任务。")
  List<TaskItem> tasks(
      @PathVariable long id,
      @Parameter(description = "部门 id 或名称") @RequestParam(required = false) String department) {
    return plans.tasks(id, Optional.ofNullable(department)).stream().map(TaskItem::of).toList();
  }

  @GetMapping("/plans/{id}/indicators")
  @Operation(summary = "规划的指标及逐年的值")
  List<IndicatorItem> indicators(@PathVariable long id) {
    return plans.indicators(id).stream().map(IndicatorItem::of).toList();
  }

  @PutMapping("/plans/{id}/indicators/{no}/values")
  @Operation(
      summary = "填报指标某年的值（规划科、管理员）",
      description = "body：year、value、source（来源必填）；同一年再填则替换，改动记入审计。")
  @ApiResponse(responseCode = "200", description = "填报后的指标")
  IndicatorItem putValue(
      @PathVariable long id, @PathVariable String no, @RequestBody ValueRequest request) {
    return IndicatorItem.of(
        plans.putValue(id, no, request.year(), request.value(), request.source()));
  }

  @GetMapping("/tasks/{id}")
  @Operation(
      summary = "一项任务及其进展报告",
      description =
          "含 version：报送进展时带上它，他人已先更新时 409；targets 为任务的时限目标及各自最新报送的数值。上级下达的目标（assigned）在规划科填报下达值之前为待上级下达（awaitingAssignment），不可报送数值；填报后 value 为下达值，assignedSource 为下达依据。")
  TaskDetail task(@PathVariable long id) {
    return TaskDetail.of(plans.task(id), plans.progress(id), plans.targets(id));
  }

  @GetMapping("/tasks/{id}/progress")
  @Operation(summary = "任务的进展报告", description = "新的在前，含佐证材料的地址。")
  List<ProgressItem> progress(@PathVariable long id) {
    return plans.progress(id).stream().map(p -> ProgressItem.of(id, p)).toList();
  }

  @PostMapping(value = "/tasks/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "报送任务进展",
      description =
          "multipart：status（not-started、in-progress、done、behind）、text（必填）、files（佐证材料，可多个：PDF、JPEG、PNG、DOCX、XLSX，按文件头核对类型，单个不超过 10 MB，至多 5 个）、version（可选：所见任务的版本，他人已更新时 409，不覆盖）；可选 figure.<targetPosition>（任务目标的数值，position 见 GET /api/v1/tasks/{id} 的 targets，只限有目标值的目标）与 figure.<targetPosition>.note（说明，不超过 500 字）：减少、增长类目标填实际减少或增长的量。数值只随牵头单位（无牵头时为责任单位）的报告报送，配合单位带数值 400。牵头单位的报告即任务的进展；配合单位的报告附在任务下。不是本部门的任务 403 并记入审计。")
  @ApiResponse(responseCode = "201", description = "已报送")
  @ApiResponse(
      responseCode = "409",
      description = "任务已被他人更新",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  @ApiResponse(
      responseCode = "413",
      description = "上传过大",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  ResponseEntity<ProgressItem> report(
      @PathVariable long id,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String text,
      @Parameter(description = "佐证材料") @RequestParam(name = "files", required = false)
          List<MultipartFile> files,
      @Parameter(description = "同 files") @RequestParam(name = "file", required = false)
          List<MultipartFile> file,
      @RequestParam(required = false) Integer version,
      @Parameter(
              description =
                  "可选，代报：规划科（管理员）在未列本单位的任务上代为报送的单位（任务所列部门的 id 或名称），缺省为牵头单位；配合单位的代报不决定任务状态")
          @RequestParam(required = false)
          String department,
      @Parameter(hidden = true) @RequestParam Map<String, String> fields) {
    if (status == null || status.isBlank()) {
      throw new UserFacingException("plandispatch.status.required");
    }
    DispatchTaskStatus s =
        DispatchTaskStatus.ofCode(status)
            .orElseThrow(() -> new UserFacingException("plandispatch.status.unknown", status));
    List<MultipartFile> all = new ArrayList<>();
    if (files != null) {
      all.addAll(files);
    }
    if (file != null) {
      all.addAll(file);
    }
    DispatchProgress p =
        plans.report(
            id,
            s,
            text,
            all,
            PlanDispatchService.FigureInput.of(fields),
            Optional.ofNullable(version),
            Optional.ofNullable(department));
    return ResponseEntity.status(HttpStatus.CREATED).body(ProgressItem.of(id, p));
  }

  @GetMapping("/tasks/{id}/files/{fileId}")
  @Operation(summary = "进展报告的一个佐证材料")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
    DispatchEvidenceFiles.Checked f =
        plans
            .evidenceFile(id, fileId)
            .orElseThrow(() -> new UserFacingException("plandispatch.file.not-found"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(f.content());
  }
}
