package org.qingshan.server.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.CaseApiModels.CaseCreateRequest;
import org.qingshan.server.cases.CaseApiModels.CaseCreated;
import org.qingshan.server.cases.CaseApiModels.CaseDetail;
import org.qingshan.server.cases.CaseApiModels.CaseDispatchRequest;
import org.qingshan.server.cases.CaseApiModels.CaseExtensionRequest;
import org.qingshan.server.cases.CaseApiModels.CasePage;
import org.qingshan.server.cases.CaseApiModels.CaseTextRequest;
import org.qingshan.server.cases.CaseApiModels.CaseVerifyRequest;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.ApiErrors;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 案件 for programs and the handler's phone: open (from an alarm or by hand), dispatch, accept,
 * handle with photos, verify, and read a case with its steps. Same login as the registry's API (a
 * session with the CSRF token, or a personal Bearer token); who may take which step is the
 * service's {@link CaseAccess}: someone else's case is refused (403) and audited.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "案件", description = "发现问题—转办—处置—核查—办结的案件闭环")
@SecurityRequirement(name = "bearerToken")
@ApiResponse(
    responseCode = "400",
    description = "字段有误（如照片过大或不是图片）",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@ApiResponse(responseCode = "401", description = "未登录，或接口令牌无效、已吊销", content = @Content)
@ApiResponse(
    responseCode = "403",
    description = "角色不允许，或不是本人的案件（记入审计）",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@ApiResponse(
    responseCode = "404",
    description = "无此案件（或无此报警）",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
class CaseApiController {
  static final String HANDLE_PATH = "/api/v1/cases/*/handle";

  private final CaseService cases;
  private final CaseAccess access;
  private final Assignees assignees;
  private final AlarmCases alarmCases;
  private final EnterpriseRepository enterprises;
  private final ApplicationEventPublisher events;
  private final CurrentUser currentUser;

  CaseApiController(
      CaseService cases,
      CaseAccess access,
      Assignees assignees,
      AlarmCases alarmCases,
      EnterpriseRepository enterprises,
      ApplicationEventPublisher events,
      CurrentUser currentUser) {
    this.cases = cases;
    this.access = access;
    this.assignees = assignees;
    this.alarmCases = alarmCases;
    this.enterprises = enterprises;
    this.events = events;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(
      summary = "案件列表",
      description = "按来源、状态、类型与文字搜索，分页，新登记的在前；调度员、管理员、领导看全部，其他人只看转办给本人、本部门、本企业或本人登记的案件。")
  CasePage list(
      @Parameter(description = "来源码：alarm、public-report、patrol、inspection、department")
          @RequestParam(required = false)
          String source,
      @Parameter(
              description =
                  "状态码：pending、rejected、accepted、dispatched、in-progress、awaiting-verification、closed")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "类型码") @RequestParam(required = false) String type,
      @Parameter(description = "编号、标题、说明、地点或企业名称中的文字") @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    CaseApiProblem problem = new CaseApiProblem();
    Optional<CaseSource> src = code(source, CaseSource::ofCode, "source", problem);
    Optional<CaseStatus> st = code(status, CaseStatus::ofCode, "status", problem);
    Optional<CaseType> ty = code(type, CaseType::ofCode, "type", problem);
    problem.throwIfAny();
    CaseSearch search =
        new CaseSearch(
            SearchText.of(q),
            st,
            src,
            ty,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return CasePage.of(cases.search(search, PageQuery.of(page, size)));
  }

  @GetMapping("/{id}")
  @Operation(summary = "一个案件及其全部步骤", description = "步骤含操作人、时间、说明、位置与照片地址（attachments）。")
  @ApiResponse(responseCode = "200", description = "案件")
  CaseDetail get(@PathVariable long id) {
    CaseFile c = cases.get(id);
    return CaseDetail.of(c, cases.steps(id));
  }

  @GetMapping("/{id}/photos/{photoId}")
  @Operation(summary = "案件步骤的一张照片（JPEG，已重新编码、去除元数据）")
  @ApiResponse(responseCode = "200", description = "照片")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    return cases
        .photo(id, photoId)
        .map(
            bytes ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_JPEG)
                    .cacheControl(CacheControl.noStore())
                    .body(bytes))
        .orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  @PostMapping
  @Operation(
      summary = "登记案件",
      description = "给出 alarmId 时由该报警生成在线监控报警案件（同一报警已有办理中的案件时 409）；否则按标题、类型、说明登记。登记后状态为 pending。")
  @ApiResponse(responseCode = "201", description = "已登记")
  @ApiResponse(
      responseCode = "409",
      description = "该报警已有办理中的案件",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  ResponseEntity<CaseCreated> create(@RequestBody CaseCreateRequest request) {
    NewCase c;
    if (request.alarmId() != null) {
      if (!access.bureau()) {
        events.publishEvent(new RecordRefused("alarm", Optional.of(request.alarmId())));
        throw new AccessDeniedException("only the bureau turns alarms into cases");
      }
      c = alarmCases.describe(request.alarmId());
    } else {
      c = byHand(request);
    }
    CaseFile opened = cases.open(c);
    return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id()))
        .body(CaseCreated.of(opened));
  }

  private NewCase byHand(CaseCreateRequest r) {
    CaseApiProblem problem = new CaseApiProblem();
    if (r.title() == null || r.title().isBlank()) {
      problem.add("title", "cases.title.required");
    }
    Optional<CaseType> type = code(r.type(), CaseType::ofCode, "type", problem);
    if (r.type() == null) {
      problem.add("type", "cases-api.error.required");
    }
    Optional<CaseSource> source = code(r.source(), CaseSource::ofCode, "source", problem);
    if (source.filter(s -> s == CaseSource.ALARM || s == CaseSource.PUBLIC_REPORT).isPresent()) {
      problem.add("source", "cases-api.error.source");
    }
    Optional<Severity> severity = Optional.empty();
    if (r.severity() != null) {
      try {
        severity = Optional.of(Severity.valueOf(r.severity().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problem.add("severity", "cases-api.error.code", r.severity());
      }
    }
    if (r.enterpriseId() != null && enterprises.findById(r.enterpriseId()).isEmpty()) {
      problem.add("enterpriseId", "cases-api.error.enterprise", r.enterpriseId());
    }
    problem.throwIfAny();
    NewCase c =
        NewCase.of(
            r.title().trim(),
            type.orElseThrow(),
            source.orElseGet(this::defaultSource),
            severity.orElse(Severity.MINOR),
            r.description() == null ? "" : r.description().trim());
    if (r.enterpriseId() != null) {
      c = c.withEnterprise(r.enterpriseId());
    }
    if (r.place() != null || r.lat() != null || r.lng() != null) {
      c =
          c.withPlace(
              r.place() == null ? "" : r.place().trim(),
              Optional.ofNullable(r.lat()),
              Optional.ofNullable(r.lng()));
    }
    return c;
  }

  /** Where a case registered by hand comes from when not said: who registers it. */
  private CaseSource defaultSource() {
    QingshanPrincipal p = currentUser.require();
    if (p.has(Role.GRID_MEMBER)) {
      return CaseSource.PATROL;
    }
    if (p.has(Role.LIAISON)) {
      return CaseSource.DEPARTMENT;
    }
    return CaseSource.INSPECTION;
  }

  @PostMapping("/{id}/dispatch")
  @Operation(summary = "转办（调度员）", description = "转给一名用户（如网格员），可给出办结时限；状态变为 dispatched。")
  @ApiResponse(responseCode = "200", description = "转办后的案件")
  CaseDetail dispatch(@PathVariable long id, @RequestBody CaseDispatchRequest request) {
    if (request.assignee() == null || request.assignee().isBlank()) {
      throw CaseApiProblem.of("assignee", "cases-api.error.required");
    }
    cases.dispatch(
        id,
        assignees.user(request.assignee()),
        Optional.ofNullable(request.deadline()),
        StepInput.text(request.text()));
    return get(id);
  }

  @PostMapping("/{id}/accept")
  @Operation(
      summary = "受理或签收",
      description =
          "待受理（pending）的案件由调度员受理，变为 accepted；已转办（dispatched）的案件由办理人签收，变为 in-progress。其他人调用时 403 并记入审计。")
  @ApiResponse(responseCode = "200", description = "受理或签收后的案件")
  CaseDetail accept(@PathVariable long id, @RequestBody(required = false) CaseTextRequest request) {
    CaseFile c = cases.get(id);
    StepInput in = StepInput.text(request == null ? "" : request.text());
    if (c.status() == CaseStatus.DISPATCHED) {
      cases.take(id, in);
    } else {
      cases.accept(id, in);
    }
    return get(id);
  }

  @PostMapping(value = "/{id}/handle", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "办理反馈（办理人）",
      description =
          "multipart：text（必填）、photo（照片文件，可多个，JPEG/PNG/GIF/BMP，单张不超过配置的大小）、lat、lng。照片重新编码并去除元数据；任何一张有误则都不保存。状态变为 awaiting-verification。")
  @ApiResponse(responseCode = "200", description = "反馈后的案件")
  @ApiResponse(
      responseCode = "413",
      description = "上传过大",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  CaseDetail handle(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      @Parameter(description = "照片文件") @RequestParam(name = "photo", required = false)
          List<MultipartFile> photo,
      @Parameter(description = "同 photo") @RequestParam(name = "photos", required = false)
          List<MultipartFile> photos,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lng,
      @Parameter(description = "所见案件的版本（可选）：已被他人改动时 409") @RequestParam(required = false)
          Integer version) {
    if ((lat == null) != (lng == null)
        || (lat != null && (lat < -90 || lat > 90 || lng < -180 || lng > 180))) {
      throw CaseApiProblem.of("lat", "cases.location.invalid");
    }
    List<MultipartFile> files = new ArrayList<>();
    if (photo != null) {
      files.addAll(photo);
    }
    if (photos != null) {
      files.addAll(photos);
    }
    cases.handle(
        id,
        new StepInput(
            text,
            Optional.ofNullable(lat),
            Optional.ofNullable(lng),
            files,
            Optional.ofNullable(version)));
    return get(id);
  }

  @PostMapping("/{id}/verify")
  @Operation(
      summary = "核查（调度员）",
      description =
          "passed=true 核查通过并办结（由报警生成的案件同时关闭其报警），text 为答复；passed=false 退回办理人重办，text 为退回原因（必填）。")
  @ApiResponse(responseCode = "200", description = "核查后的案件")
  CaseDetail verify(@PathVariable long id, @RequestBody CaseVerifyRequest request) {
    if (request.passed() == null) {
      throw CaseApiProblem.of("passed", "cases-api.error.required");
    }
    cases.verify(id, request.passed(), StepInput.text(request.text()));
    return get(id);
  }

  @PostMapping("/{id}/reject")
  @Operation(summary = "不予受理（调度员）", description = "text 为理由（必填），举报人可见。")
  @ApiResponse(responseCode = "200", description = "不予受理的案件")
  CaseDetail reject(@PathVariable long id, @RequestBody CaseTextRequest request) {
    cases.reject(id, StepInput.text(request.text()));
    return get(id);
  }

  @PostMapping("/{id}/extension")
  @Operation(
      summary = "申请延期（办理人）或同意延期（调度员）",
      description = "办理人调用为申请（text 必填）；调度员调用为同意，办结时限改为 until。")
  @ApiResponse(responseCode = "200", description = "延期后的案件")
  CaseDetail extension(@PathVariable long id, @RequestBody CaseExtensionRequest request) {
    if (request.until() == null) {
      throw CaseApiProblem.of("until", "cases-api.error.required");
    }
    CaseFile c = cases.get(id);
    StepInput in = StepInput.text(request.text());
    if (access.bureau() && !access.isAssignee(c)) {
      cases.grantExtension(id, request.until(), in);
    } else {
      cases.requestExtension(id, request.until(), in);
    }
    return get(id);
  }

  @PostMapping("/{id}/urge")
  @Operation(summary = "催办（调度员）")
  @ApiResponse(responseCode = "200", description = "催办后的案件")
  CaseDetail urge(@PathVariable long id, @RequestBody(required = false) CaseTextRequest request) {
    cases.urge(id, StepInput.text(request == null ? "" : request.text()));
    return get(id);
  }

  @PostMapping("/{id}/comment")
  @Operation(summary = "备注", description = "能查看案件的人都可备注；不改变状态。")
  @ApiResponse(responseCode = "200", description = "备注后的案件")
  CaseDetail comment(@PathVariable long id, @RequestBody CaseTextRequest request) {
    cases.comment(id, StepInput.text(request.text()));
    return get(id);
  }

  private static <T> Optional<T> code(
      String value,
      java.util.function.Function<String, Optional<T>> parse,
      String field,
      CaseApiProblem problem) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Optional<T> parsed = parse.apply(value.trim());
    if (parsed.isEmpty()) {
      problem.add(field, "cases-api.error.code", value);
    }
    return parsed;
  }
}
