package org.qingshan.server.plan;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;
import org.qingshan.plan.common.ByteSize;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.common.PlanTooLargeException;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.UploadSettings;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a plan document in the browser: upload a .docx, .pdf or .txt, review its tasks with
 * their departments resolved through the alias table, export the dispatch table to Excel.
 */
@Controller
@RequestMapping("/plans/import")
class PlanImportController {
  static final String ENTITY = "plan";

  private static final Logger log = LoggerFactory.getLogger(PlanImportController.class);
  static final String SESSION_KEY = "qingshan.imported-plan";
  private final DepartmentService departments;
  private final PlanDepartments planDepartments;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final DataSize maxSize;
  private final ImportLimits limits;

  PlanImportController(
      DepartmentService departments,
      PlanDepartments planDepartments,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      UploadSettings uploads,
      Clock clock) {
    this.departments = departments;
    this.planDepartments = planDepartments;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.maxSize = uploads.planImportMaxSize();
    // The importer's limits (expanded size, paragraphs, characters, 30 s) bound each upload; the
    // server's clock measures the time budget.
    this.limits = ImportLimits.defaults().withClock(clock);
  }

  @ModelAttribute
  void limits(Model model) {
    model.addAttribute("maxBytes", maxSize.toBytes());
    model.addAttribute("maxSize", ByteSize.of(maxSize.toBytes()));
  }

  @GetMapping
  String page(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      HttpSession session,
      Model model) {
    imported(session)
        .ifPresent(
            p -> {
              PlanDepartments.Resolver resolver = planDepartments.forPlan(p.plan().title());
              ImportedPlan current = p.resolvedAgain(resolver::resolve);
              session.setAttribute(SESSION_KEY, current);
              model.addAttribute("imported", current);
              model.addAttribute("departmentChoices", resolver.choices());
              model.addAttribute(
                  "page", PageResult.slice(filtered(current, q), PageQuery.of(page, size)));
            });
    model.addAttribute("q", q);
    return "plans/import";
  }

  @PostMapping
  String upload(@RequestParam("file") MultipartFile file, HttpSession session, Model model)
      throws IOException {
    String name = Optional.ofNullable(file.getOriginalFilename()).orElse("plan");
    if (file.isEmpty()) {
      model.addAttribute("importError", messages.get("plan.import.empty"));
      return "plans/import";
    }
    DepartmentDirectory directory =
        written -> departments.resolve(written).map(d -> Long.toString(d.id()));
    try {
      Plan plan = new PlanImporter(directory, limits).importBytes(name, file.getBytes());
      ImportedPlan imported =
          ImportedPlan.of(name, plan, planDepartments.forPlan(plan.title())::resolve);
      session.setAttribute(SESSION_KEY, imported);
      log.info("plan {} imported for review: {} tasks", name, imported.tasks().size());
      audit.record(
          AuditAction.IMPORT,
          ENTITY,
          null,
          messages.get("plan.import.audit", name, imported.tasks().size()),
          Optional.empty(),
          Optional.of(imported.auditState(file.getSize())));
      return "redirect:/plans/import";
    } catch (PlanTooLargeException e) {
      // Refused at a limit: worth an operator's eye (repeated, it is an attack), shown like any
      // other reason. The message names the limit, never the file's content.
      log.warn("plan upload refused at a limit: {}", e.getMessage());
      model.addAttribute("importError", messages.get("plan.import.failed", name, e.getMessage()));
      return "plans/import";
    } catch (PlanImportException e) {
      // The importer's reason is written for the user; nothing of the file is kept.
      model.addAttribute("importError", messages.get("plan.import.failed", name, e.getMessage()));
      return "plans/import";
    } catch (RuntimeException e) {
      log.warn("plan {} could not be read", name, e);
      model.addAttribute("importError", messages.get("plan.import.unreadable", name));
      return "plans/import";
    }
  }

  /**
   * A planner resolves a name of the imported plan on the review page: the name becomes an alias of
   * the department picked (recorded and audited by the department feature), so this and later
   * imports match it.
   */
  @PostMapping("/alias")
  String alias(
      @RequestParam("name") String name,
      @RequestParam("departmentId") long departmentId,
      HttpSession session) {
    ImportedPlan p =
        imported(session).orElseThrow(() -> new UserFacingException("plan.import.none"));
    if (p.names().stream().noneMatch(n -> n.name().equals(name))) {
      throw new UserFacingException("plan.alias.unknown-name", name);
    }
    departments.addAlias(departmentId, name);
    log.info("plan name {} recorded as an alias of department {}", name, departmentId);
    return "redirect:/plans/import";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String q, HttpSession session, HttpServletResponse response)
      throws IOException {
    ImportedPlan saved =
        imported(session).orElseThrow(() -> new UserFacingException("plan.import.none"));
    ImportedPlan p = saved.resolvedAgain(planDepartments.forPlan(saved.plan().title())::resolve);
    List<List<?>> rows = new ArrayList<>();
    int n = 1;
    for (TaskRow t : filtered(p, q)) {
      rows.add(
          List.of(
              n++,
              t.section(),
              t.title(),
              t.text(),
              String.join("、", t.lead()),
              String.join("、", t.support()),
              String.join("、", t.responsible()),
              String.join("、", t.unresolved()),
              t.line()));
    }
    audit.recordExport(ENTITY, p.plan().title(), Optional.ofNullable(q), rows.size());
    excel.write(
        response,
        p.plan().title(),
        messages.all(
            "plan.task.no",
            "plan.task.section",
            "plan.task.title",
            "plan.task.text",
            "plan.task.lead",
            "plan.task.support",
            "plan.task.responsible",
            "plan.task.unresolved",
            "plan.task.line"),
        rows);
  }

  private static List<TaskRow> filtered(ImportedPlan p, String q) {
    Optional<String> text = SearchText.of(q);
    return p.tasks().stream().filter(t -> text.isEmpty() || t.matches(text.get())).toList();
  }

  private static Optional<ImportedPlan> imported(HttpSession session) {
    return session.getAttribute(SESSION_KEY) instanceof ImportedPlan p
        ? Optional.of(p)
        : Optional.empty();
  }
}
