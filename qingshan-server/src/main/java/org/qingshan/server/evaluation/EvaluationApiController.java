package org.qingshan.server.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingshan.server.web.ApiErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 评估 for programs: a plan's evaluation document. Same login as the rest of the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "规划评估", description = "年度总结、中期评估、总结评估文档（Word、PDF）")
@SecurityRequirement(name = "bearerToken")
class EvaluationApiController {
  private final EvaluationFiles files;

  EvaluationApiController(EvaluationFiles files) {
    this.files = files;
  }

  @GetMapping("/plans/{id}/evaluation")
  @Operation(
      summary = "生成规划评估文档（规划科、管理员）",
      description =
          "kind：annual（年度总结）、midterm（中期评估）、final（总结评估）；date：评估基准日 YYYY-MM-DD（缺省为今日，北京时间）；format：docx 或 pdf。返回附件（中文文件名）。服务器无中文字体时 PDF 不可用（400），Word 仍可生成。")
  @ApiResponse(
      responseCode = "200",
      description = "评估文档",
      content = {
        @Content(
            mediaType = EvaluationFiles.DOCX,
            schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(
      responseCode = "400",
      description = "kind、format 或 date 有误；或无中文字体不能生成 PDF",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  @ApiResponse(responseCode = "401", description = "未登录，或接口令牌无效", content = @Content)
  @ApiResponse(
      responseCode = "403",
      description = "不是规划科或管理员",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  @ApiResponse(
      responseCode = "404",
      description = "无此规划",
      content = @Content(schema = @Schema(implementation = ApiErrors.class)))
  ResponseEntity<byte[]> evaluation(
      @PathVariable long id,
      @Parameter(description = "annual、midterm、final") @RequestParam(required = false) String kind,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String date,
      @Parameter(description = "docx、pdf") @RequestParam(required = false) String format) {
    return files.file(id, kind, date, format);
  }
}
