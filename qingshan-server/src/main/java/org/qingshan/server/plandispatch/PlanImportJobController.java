package org.qingshan.server.plandispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import org.qingshan.server.web.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The plans page's upload with a progress bar: the page's script posts the file here (watching the
 * upload's own progress), gets a job back at once and polls it through the server's stages until
 * the draft is stored (then opens its review) or refused (then shows why). Without a script the
 * page's plain form still posts to {@code /dispatch/plans}.
 */
@Controller
@RequestMapping("/dispatch/plans/jobs")
@Tag(name = "规划调度", description = "规划任务分解、部门报送进展、指标逐年填报")
class PlanImportJobController {
  private final PlanImportJobs jobs;
  private final Messages messages;

  PlanImportJobController(PlanImportJobs jobs, Messages messages) {
    this.jobs = jobs;
    this.messages = messages;
  }

  /**
   * What the page shows of a job.
   *
   * @param state running, done or failed
   * @param stage the stage reached (QUEUED, READING, SECTIONS, TASKS, DEPARTMENTS, SAVING)
   * @param label the stage in Chinese
   * @param step the stage's place among {@code steps} (0 while waiting)
   * @param plan the draft stored, once done
   * @param review its review page, once done
   * @param message why nothing was stored, once failed
   */
  record Answer(
      String id,
      String state,
      String stage,
      String label,
      int step,
      int steps,
      String fileName,
      Long plan,
      String review,
      String message) {}

  @Operation(
      summary = "导入规划（带进度）",
      description =
          "页面上传规划文件（multipart：file，可选 replaces 作为其新版本）后立即返回导入任务（202），"
              + "再轮询其状态；类型不对或空文件直接 400。规划科、管理员可用。")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseBody
  ResponseEntity<Answer> start(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) Long replaces,
      HttpServletRequest request)
      throws IOException {
    PlanImportJobs.Status s =
        jobs.start(
            file.getOriginalFilename(),
            file.getBytes(),
            Optional.ofNullable(replaces),
            request.getRemoteAddr());
    Answer answer = answer(s, request);
    return ResponseEntity.accepted()
        .location(URI.create(request.getContextPath() + "/dispatch/plans/jobs/" + s.id()))
        .body(answer);
  }

  @Operation(
      summary = "规划导入任务的状态",
      description = "阶段：读取文件 → 识别章节 → 拆分任务 → 匹配部门 → 保存；完成后给出草稿及其核对页，失败时给出原因（未保存任何内容）。只有发起人可查。")
  @GetMapping("/{id}")
  @ResponseBody
  Answer status(@PathVariable String id, Principal user, HttpServletRequest request) {
    return answer(jobs.status(id, user.getName()), request);
  }

  private Answer answer(PlanImportJobs.Status s, HttpServletRequest request) {
    int steps = PlanImportStage.values().length - 1;
    return new Answer(
        s.id(),
        s.state().name().toLowerCase(java.util.Locale.ROOT),
        s.stage().name(),
        messages.label(s.stage()),
        s.stage().ordinal(),
        steps,
        s.fileName(),
        s.planId().orElse(null),
        s.planId()
            .map(p -> request.getContextPath() + "/dispatch/plans/" + p + "/review")
            .orElse(null),
        s.message().orElse(null));
  }
}
