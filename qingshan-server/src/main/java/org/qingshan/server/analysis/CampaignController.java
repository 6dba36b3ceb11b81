package org.qingshan.server.analysis;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 集中治理: the campaigns, one campaign with its progress and cases, adding cases to it. */
@Controller
@RequestMapping("/campaigns")
class CampaignController {
  private final CampaignService campaigns;
  private final AnalysisService analysis;
  private final DepartmentService departments;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;

  CampaignController(
      CampaignService campaigns,
      AnalysisService analysis,
      DepartmentService departments,
      ExcelExport excel,
      Messages messages,
      AuditLog audit) {
    this.campaigns = campaigns;
    this.analysis = analysis;
    this.departments = departments;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", campaigns.search(SearchText.of(q), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    model.addAttribute("now", campaigns.now());
    model.addAttribute("zone", campaigns.zone());
    return "analysis/campaigns";
  }

  @GetMapping("/export")
  void export(@RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (Campaign c : campaigns.search(SearchText.of(q), PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              c.name(),
              c.goal(),
              c.deadline().toString(),
              c.departmentName().orElse(""),
              c.total(),
              c.finished(),
              c.overdue(),
              c.percent() + "%"));
    }
    String title = messages.get("nav.campaigns");
    audit.recordExport(CampaignService.ENTITY, title, SearchText.of(q), rows.size());
    excel.write(
        response,
        title,
        messages.all(
            "campaign.name",
            "campaign.goal",
            "campaign.deadline",
            "campaign.department",
            "campaign.total",
            "campaign.finished",
            "campaign.overdue",
            "campaign.progress"),
        rows);
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", CampaignForm.empty());
    return formView(model, null);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") CampaignForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return formView(model, null);
    }
    Campaign c;
    try {
      c = campaigns.create(form);
    } catch (UserFacingException e) {
      errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      return formView(model, null);
    }
    redirect.addFlashAttribute("notice", "campaign.saved");
    return "redirect:/campaigns/" + c.id();
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    model.addAttribute("form", CampaignForm.of(campaigns.get(id)));
    return formView(model, id);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") CampaignForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return formView(model, id);
    }
    try {
      campaigns.update(id, form);
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      return formView(model, id);
    }
    redirect.addFlashAttribute("notice", "campaign.saved");
    return "redirect:/campaigns/" + id;
  }

  @GetMapping("/{id}")
  String view(
      @PathVariable long id,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    Campaign c = campaigns.get(id);
    PageResult<CaseFact> cases = campaigns.cases(id, SearchText.of(q), PageQuery.of(page, size));
    model.addAttribute("campaign", c);
    model.addAttribute("page", cases);
    model.addAttribute("q", q);
    model.addAttribute("now", campaigns.now());
    model.addAttribute("late", c.lateAt(campaigns.now(), campaigns.zone()));
    model.addAttribute("types", CaseType.values());
    model.addAttribute("towns", analysis.towns());
    model.addAttribute("industries", analysis.industries());
    model.addAttribute("filterFrom", analysis.today().minusMonths(1));
    model.addAttribute("filterTo", analysis.today());
    return "analysis/campaign";
  }

  /** The cases of a campaign as a sheet, with the same search as the page. */
  @GetMapping("/{id}/export")
  void exportCases(
      @PathVariable long id, @RequestParam(required = false) String q, HttpServletResponse response)
      throws IOException {
    Campaign c = campaigns.get(id);
    List<List<?>> rows = new ArrayList<>();
    for (CaseFact f : campaigns.cases(id, SearchText.of(q), PageQuery.EXPORT).items()) {
      rows.add(
          List.of(
              f.caseNo(),
              f.title(),
              messages.label(f.type()),
              messages.label(f.status()),
              f.enterpriseName().orElse(""),
              f.town().orElse(""),
              f.memberName().or(f::departmentName).orElse(""),
              f.createdAt(),
              f.deadline(),
              f.closedAt().map(Object.class::cast).orElse(""),
              f.overdueAt(campaigns.now()) ? messages.get("campaign.case.overdue") : ""));
    }
    audit.recordExport(CampaignService.ENTITY, c.name(), SearchText.of(q), rows.size());
    excel.write(
        response,
        c.name(),
        messages.all(
            "campaign.case.no",
            "campaign.case.title",
            "analysis.type",
            "campaign.case.status",
            "analysis.enterprise",
            "analysis.town",
            "campaign.case.assignee",
            "campaign.case.created",
            "campaign.case.deadline",
            "campaign.case.closed",
            "analysis.overdue"),
        rows);
  }

  @PostMapping("/{id}/cases")
  String addByNumbers(
      @PathVariable long id,
      @RequestParam(required = false) String numbers,
      RedirectAttributes redirect) {
    try {
      int added = campaigns.addByNumbers(id, numbers);
      redirect.addFlashAttribute("added", added);
      redirect.addFlashAttribute("notice", "campaign.cases.added");
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/{id}/filter")
  String addByFilter(
      @PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      RedirectAttributes redirect) {
    int added =
        campaigns.addByFilter(
            id,
            new CaseFilter(
                from,
                to,
                Optional.ofNullable(type),
                Optional.ofNullable(town),
                Optional.ofNullable(industry)));
    redirect.addFlashAttribute("added", added);
    redirect.addFlashAttribute("notice", "campaign.cases.added");
    return "redirect:/campaigns/" + id;
  }

  @PostMapping("/{id}/cases/{caseId}/remove")
  String remove(@PathVariable long id, @PathVariable long caseId, RedirectAttributes redirect) {
    campaigns.removeCase(id, caseId);
    redirect.addFlashAttribute("notice", "campaign.case.removed");
    return "redirect:/campaigns/" + id;
  }

  private String formView(Model model, Long id) {
    model.addAttribute("campaignId", id);
    model.addAttribute("departments", departments.tree().nodes());
    return "analysis/campaign-form";
  }
}
