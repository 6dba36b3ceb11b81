package org.qingshan.server.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public JSON API of 随手拍, without login or CSRF token (no session is involved): a report in, a
 * tracking number out; a tracking number in, the status and the answer out, nothing else of the
 * report (not its text, place, photos or phone).
 */
@RestController
@Tag(name = "随手拍（公众举报）", description = "无需登录；按地址和电话限制频次")
class PublicReportApi {
  static final String PATH = "/public/reports";
  private static final Logger log = LoggerFactory.getLogger(PublicReportApi.class);
  private final ReportService reports;
  private final Messages messages;

  PublicReportApi(ReportService reports, Messages messages) {
    this.reports = reports;
    this.messages = messages;
  }

  /** The answer to a report taken. */
  record Submitted(@Schema(description = "受理编号（分组显示，查询时可带或不带短横线）") String trackingNo) {}

  /** Where a report stands. */
  record Tracked(
      @Schema(
              description =
                  "案件状态：pending, rejected, accepted, dispatched, in-progress,"
                      + " awaiting-verification, closed")
          String status,
      @Schema(description = "办结或不予受理时分局的答复，否则为 null", nullable = true) String answer) {}

  @Operation(
      summary = "提交随手拍举报",
      description =
          "multipart/form-data：text（问题描述）、photos（照片文件，可多张；也接受字段名 photo）、lat、lng、"
              + "phone（可选）、type（可选，案件类型代码）。超过大小限制的请求在读取前即被拒绝（413）；"
              + "同一地址或电话提交过多时 429。",
      responses = {
        @ApiResponse(responseCode = "201", description = "已受理，返回受理编号"),
        @ApiResponse(responseCode = "400", description = "内容不完整或照片无法识别，未保存任何内容"),
        @ApiResponse(responseCode = "413", description = "请求过大"),
        @ApiResponse(responseCode = "429", description = "提交过于频繁")
      })
  @PostMapping(
      value = PATH,
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Submitted> submit(
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) List<MultipartFile> photos,
      @RequestParam(required = false) List<MultipartFile> photo,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lng,
      @RequestParam(required = false) String phone,
      HttpServletRequest request) {
    List<MultipartFile> files = new ArrayList<>();
    if (photos != null) {
      files.addAll(photos);
    }
    if (photo != null) {
      files.addAll(photo);
    }
    PublicReport r =
        reports.submit(
            new ReportForm(
                text,
                caseType(type),
                files,
                Optional.ofNullable(lat),
                Optional.ofNullable(lng),
                Optional.ofNullable(phone)),
            request.getRemoteAddr());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Submitted(r.trackingNoGrouped()));
  }

  @Operation(
      summary = "按受理编号查询办理状态",
      description = "只返回状态和答复。未知编号 404；同一地址查询未知编号过多后暂停查询（429）。",
      responses = {
        @ApiResponse(responseCode = "200", description = "状态与答复"),
        @ApiResponse(responseCode = "404", description = "没有这个受理编号"),
        @ApiResponse(responseCode = "429", description = "查询未知编号过多，暂停查询")
      })
  @GetMapping(value = PATH + "/{trackingNo}", produces = MediaType.APPLICATION_JSON_VALUE)
  Tracked track(@PathVariable String trackingNo, HttpServletRequest request) {
    PublicReport r = reports.track(trackingNo, request.getRemoteAddr());
    return new Tracked(r.status().code(), r.publicAnswer().orElse(null));
  }

  @ExceptionHandler(ReportLimitedException.class)
  ResponseEntity<Map<String, Object>> limited(ReportLimitedException e) {
    log.info("public report refused: {}", e.messageKey());
    return error(HttpStatus.TOO_MANY_REQUESTS, e.messageKey(), e.arguments());
  }

  @ExceptionHandler(UserFacingException.class)
  ResponseEntity<Map<String, Object>> refused(UserFacingException e) {
    log.info("public report rejected: {}", e.messageKey());
    return error(
        e.messageKey().endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
        e.messageKey(),
        e.arguments());
  }

  /** The container's backstop, for a body larger than its own limit that the gate let through. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge() {
    return error(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "report.too-large",
        new Object[] {reports.settings().maxRequestSize().toMegabytes()});
  }

  private ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String key, Object[] arguments) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", messages.get(key, arguments));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  static Optional<CaseType> caseType(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        CaseType.ofCode(code.trim())
            .or(() -> ReportChoices.byName(code.trim()))
            .orElseThrow(() -> new UserFacingException("report.type.unknown")));
  }
}
