package org.qingshan.server.mark;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据标记: the list, filing a mark, a mark with its evidence, and the bureau's review. */
@Controller
@RequestMapping("/marks")
class MarkController {
  static final String EVIDENCE_PATH = "/marks/evidence";
  private final MarkService marks;
  private final MarkChoices choices;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  MarkController(
      MarkService marks,
      MarkChoices choices,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.marks = marks;
    this.choices = choices;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long enterprise,
      @RequestParam(required = false) MarkKind kind,
      @RequestParam(required = false) MarkStatus status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    MarkSearch search = search(q, enterprise, kind, status, from, to);
    model.addAttribute("page", marks.search(search, PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("enterprise", enterprise);
    model.addAttribute("kind", kind);
    model.addAttribute("status", status);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("kinds", MarkKind.values());
    model.addAttribute("statuses", MarkStatus.values());
    model.addAttribute("ownEnterprise", marks.ownEnterprise().isPresent());
    names(model);
    return "marks/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long enterprise,
      @RequestParam(required = false) MarkKind kind,
      @RequestParam(required = false) MarkStatus status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime to,
      HttpServletResponse response)
      throws IOException {
    Map<Long, String> enterprises = choices.enterpriseNames();
    Map<Long, Outlet> outlets = choices.outlets();
    List<List<?>> rows = new ArrayList<>();
    for (DataMark m :
        marks.search(search(q, enterprise, kind, status, from, to), PageQuery.EXPORT).items()) {
      Outlet o = outlets.get(m.outletId());
      rows.add(
          List.of(
              m.id(),
              enterprises.getOrDefault(m.enterpriseId(), ""),
              o == null ? "" : o.code() + " " + o.name(),
              m.deviceId().map(choices::deviceLabel).orElse(messages.get("mark.scope.outlet")),
              m.factor().orElse(""),
              messages.label(m.kind()),
              m.startsAt().toString().replace('T', ' '),
              m.endsAt().toString().replace('T', ' '),
              m.reason(),
              m.filedBy(),
              m.filedAt(),
              messages.label(m.status()),
              m.reviewedBy().orElse(""),
              m.reviewNote().orElse("")));
    }
    audit.recordExport(
        MarkService.ENTITY, messages.get("nav.marks"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("nav.marks"),
        messages.all(
            "mark.id",
            "mark.enterprise",
            "mark.outlet",
            "mark.device",
            "mark.factor",
            "mark.kind",
            "mark.starts",
            "mark.ends",
            "mark.reason",
            "mark.filed-by",
            "mark.filed-at",
            "mark.status",
            "mark.reviewed-by",
            "mark.review-note"),
        rows);
  }

  @GetMapping("/new")
  String newForm(
      @RequestParam(required = false) Long outlet,
      @RequestParam(required = false) Long device,
      Model model) {
    Long chosenOutlet =
        outlet != null || device == null ? outlet : choices.outletOfDevice(device).orElse(null);
    model.addAttribute("form", new MarkForm(chosenOutlet, device, "", null, null, null, ""));
    return formView(model);
  }

  @PostMapping
  String file(
      @Valid @ModelAttribute("form") MarkForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return formView(model);
    }
    DataMark filed;
    try {
      filed = marks.file(form);
    } catch (UserFacingException e) {
      errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      return formView(model);
    }
    redirect.addFlashAttribute("notice", "mark.filed");
    return "redirect:/marks/" + filed.id();
  }

  @GetMapping("/{id}")
  String view(@PathVariable long id, Model model) {
    DataMark mark = marks.get(id);
    model.addAttribute("mark", mark);
    model.addAttribute("evidence", marks.evidenceOf(id));
    model.addAttribute("ownEnterprise", marks.ownEnterprise().isPresent());
    names(model);
    return "marks/view";
  }

  @PostMapping("/{id}/accept")
  String accept(
      @PathVariable long id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    marks.accept(id, note);
    redirect.addFlashAttribute("notice", "mark.accepted");
    return "redirect:/marks/" + id;
  }

  @PostMapping("/{id}/reject")
  String reject(
      @PathVariable long id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    marks.reject(id, note);
    redirect.addFlashAttribute("notice", "mark.rejected");
    return "redirect:/marks/" + id;
  }

  /**
   * Evidence for a mark; the mark's id travels in the address so the upload gate knows the page.
   */
  @PostMapping("/evidence")
  String addEvidence(
      @RequestParam("mark") long markId,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect) {
    marks.addEvidence(markId, file);
    redirect.addFlashAttribute("notice", "mark.evidence.saved");
    return "redirect:/marks/" + markId;
  }

  @GetMapping("/evidence/{id}")
  void download(@PathVariable long id, HttpServletResponse response) throws IOException {
    MarkService.EvidenceDownload d = marks.evidence(id);
    response.setContentType(d.evidence().contentType());
    // Always a download, never shown inline: nothing uploaded is rendered by the browser here.
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"evidence\"; filename*=UTF-8''"
            + URLEncoder.encode(d.evidence().fileName(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLengthLong(Files.size(d.path()));
    Files.copy(d.path(), response.getOutputStream());
  }

  private String formView(Model model) {
    List<Outlet> outlets = marks.outletChoices();
    model.addAttribute("outlets", outlets);
    model.addAttribute("devices", choices.devicesOf(outlets));
    model.addAttribute("kinds", MarkKind.values());
    names(model);
    return "marks/edit";
  }

  private void names(Model model) {
    model.addAttribute("enterpriseNames", choices.enterpriseNames());
    model.addAttribute("outletNames", choices.outlets());
    model.addAttribute("enterprises", choices.enterprisesFor(marks.ownEnterprise()));
  }

  private static MarkSearch search(
      String q,
      Long enterprise,
      MarkKind kind,
      MarkStatus status,
      LocalDateTime from,
      LocalDateTime to) {
    return new MarkSearch(
        SearchText.of(q),
        Optional.ofNullable(enterprise),
        Optional.ofNullable(kind),
        Optional.ofNullable(status),
        Optional.ofNullable(from),
        Optional.ofNullable(to));
  }
}
