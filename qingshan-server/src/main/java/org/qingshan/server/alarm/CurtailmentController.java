package org.qingshan.server.alarm;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 停限产时段: the periods production must stand still, as the engine judges them. The warnings feature
 * will fill them; until then an admin lists, adds and removes them here.
 */
@Controller
@RequestMapping("/alarm-rules/curtailments")
class CurtailmentController {
  private final CurtailmentRepository periods;
  private final EnterpriseRepository enterprises;
  private final AlarmCatalog catalog;
  private final AuditLog audit;
  private final Messages messages;

  CurtailmentController(
      CurtailmentRepository periods,
      EnterpriseRepository enterprises,
      AlarmCatalog catalog,
      AuditLog audit,
      Messages messages) {
    this.periods = periods;
    this.enterprises = enterprises;
    this.catalog = catalog;
    this.audit = audit;
    this.messages = messages;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("periods", periods.findAll());
    return "alarm/curtailments";
  }

  @PostMapping
  @Transactional
  String add(
      @RequestParam long enterpriseId,
      @RequestParam(required = false) Long facilityId,
      @RequestParam String start,
      @RequestParam String end,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      RedirectAttributes redirect) {
    LocalDateTime from;
    LocalDateTime to;
    try {
      from = LocalDateTime.parse(start.trim());
      to = LocalDateTime.parse(end.trim());
    } catch (DateTimeParseException e) {
      return refused(model, "alarm.curtailment.error.time");
    }
    if (!to.isAfter(from)) {
      return refused(model, "alarm.curtailment.error.order");
    }
    if (enterprises.findById(enterpriseId).isEmpty()) {
      return refused(model, "alarm.rule.error.enterprise", enterpriseId);
    }
    String why = reason.trim().length() > 500 ? reason.trim().substring(0, 500) : reason.trim();
    long id = periods.insert(enterpriseId, Optional.ofNullable(facilityId), from, to, why);
    audit.record(
        AuditAction.CREATE,
        "curtailment-period",
        id,
        why,
        Optional.empty(),
        Optional.of(Map.of("enterpriseId", enterpriseId, "start", from, "end", to)));
    catalog.refreshAfterCommit();
    redirect.addFlashAttribute("notice", "alarm.curtailment.saved");
    return "redirect:/alarm-rules/curtailments";
  }

  @PostMapping("/{id}/delete")
  @Transactional
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    periods.delete(id);
    audit.record(
        AuditAction.DELETE, "curtailment-period", id, "", Optional.empty(), Optional.empty());
    catalog.refreshAfterCommit();
    redirect.addFlashAttribute("notice", "alarm.curtailment.deleted");
    return "redirect:/alarm-rules/curtailments";
  }

  private String refused(Model model, String key, Object... args) {
    model.addAttribute("error", messages.get(key, args));
    return list(model);
  }
}
