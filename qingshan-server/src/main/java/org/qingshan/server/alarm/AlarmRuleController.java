package org.qingshan.server.alarm;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 报警规则: the admin lists, edits, switches, exports and imports the rules. */
@Controller
@RequestMapping("/alarm-rules")
class AlarmRuleController {
  private final AlarmRuleService service;
  private final AlarmRuleRepository repository;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  AlarmRuleController(
      AlarmRuleService service,
      AlarmRuleRepository repository,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.service = service;
    this.repository = repository;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    Optional<AlarmType> t = Optional.ofNullable(type).flatMap(AlarmType::fromApiName);
    model.addAttribute("page", service.search(SearchText.of(q), t, PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("type", t.map(AlarmType::apiName).orElse(""));
    model.addAttribute("types", AlarmType.values());
    return "alarm/rules";
  }

  @GetMapping("/export")
  void export(HttpServletResponse response) throws IOException {
    List<AlarmRule> all = repository.findAll();
    String title = messages.get("nav.alarm-rules");
    audit.recordExport(AlarmRuleService.ENTITY, title, Optional.empty(), all.size());
    excel.write(
        response,
        title,
        messages.all(RuleSheet.HEADER_KEYS.toArray(String[]::new)),
        RuleSheet.rows(all, service));
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", RuleForm.empty());
    return editView(model, 0);
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    model.addAttribute("form", service.formOf(service.get(id)));
    return editView(model, id);
  }

  @PostMapping
  String create(@ModelAttribute("form") RuleForm form, Model model, RedirectAttributes redirect) {
    try {
      AlarmRuleService.Checked c = service.create(form);
      return saved(c, redirect);
    } catch (UserFacingException e) {
      model.addAttribute("error", messages.get(e.messageKey(), e.arguments()));
      return editView(model, 0);
    }
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute("form") RuleForm form,
      Model model,
      RedirectAttributes redirect) {
    service.get(id);
    try {
      return saved(service.update(id, form), redirect);
    } catch (UserFacingException e) {
      model.addAttribute("error", messages.get(e.messageKey(), e.arguments()));
      return editView(model, id);
    }
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
    service.setEnabled(id, enabled);
    redirect.addFlashAttribute("notice", "alarm.rule.saved");
    return "redirect:/alarm-rules";
  }

  @PostMapping("/import")
  String importRules(
      @RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect)
      throws IOException {
    RuleSheet.Read read;
    try (InputStream in = file.getInputStream()) {
      read = RuleSheet.read(in, service, messages);
    }
    if (!read.errors().isEmpty()) {
      model.addAttribute("importErrors", read.errors());
      return list(null, null, null, null, model);
    }
    int n = service.importRules(read.rules());
    redirect.addFlashAttribute("importedCount", n);
    redirect.addFlashAttribute("notice", "alarm.rule.imported");
    return "redirect:/alarm-rules";
  }

  private String saved(AlarmRuleService.Checked c, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", "alarm.rule.saved");
    redirect.addFlashAttribute(
        "warnings", c.warnings().stream().map(k -> messages.get(k)).toList());
    return "redirect:/alarm-rules";
  }

  private String editView(Model model, long id) {
    model.addAttribute("ruleId", id);
    model.addAttribute("types", AlarmType.values());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("kinds", Arrays.stream(ObservationKind.values()).map(Enum::name).toList());
    return "alarm/rule-edit";
  }
}
