package org.qingshan.server.registry;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The whole registry as a workbook: the template, the export, and the import in two steps (upload
 * and preview with every bad row's reason; then the administrator confirms the good rows).
 */
@Controller
@RequestMapping("/registry")
class RegistryImportController {
  private static final Logger log = LoggerFactory.getLogger(RegistryImportController.class);
  static final String SESSION_KEY = "qingshan.registry-import";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final RegistrySheets sheets;
  private final RegistryImportReader reader;
  private final RegistryImporter importer;
  private final EnterpriseRepository enterprises;
  private final RegistryAccess access;
  private final AuditLog audit;
  private final RegistrySettings settings;
  private final ZoneId zone;

  RegistryImportController(
      RegistrySheets sheets,
      RegistryImportReader reader,
      RegistryImporter importer,
      EnterpriseRepository enterprises,
      RegistryAccess access,
      AuditLog audit,
      RegistrySettings settings,
      ZoneId countyZone) {
    this.sheets = sheets;
    this.reader = reader;
    this.importer = importer;
    this.enterprises = enterprises;
    this.access = access;
    this.audit = audit;
    this.settings = settings;
    this.zone = countyZone;
  }

  @GetMapping("/template")
  void template(HttpServletResponse response) throws IOException {
    attachment(response, "污染源档案导入模板.xlsx");
    sheets.writeTemplate(response.getOutputStream());
  }

  @GetMapping("/export")
  void export(HttpServletResponse response) throws IOException {
    var list =
        enterprises
            .search(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                access.departmentFilter(),
                access.idFilter(),
                PageQuery.EXPORT)
            .items();
    audit.recordExport(RegistryAccess.ENTITY, "污染源档案（全部）", Optional.empty(), list.size());
    attachment(response, "污染源档案-" + LocalDate.now(zone) + ".xlsx");
    sheets.writeAll(response.getOutputStream(), list);
  }

  private static void attachment(HttpServletResponse response, String name) {
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"registry.xlsx\"; filename*=UTF-8''"
            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  @GetMapping("/import")
  String page(HttpSession session, Model model) {
    preview(session).ifPresent(p -> model.addAttribute("preview", p));
    model.addAttribute("sheets", RegistrySheets.SHEETS.keySet());
    model.addAttribute("maxSize", settings.importMaxSize().toMegabytes() + " MB");
    return "registry/import";
  }

  @PostMapping("/import")
  String upload(
      @RequestParam("file") MultipartFile file, HttpSession session, RedirectAttributes redirect)
      throws IOException {
    session.removeAttribute(SESSION_KEY);
    String name = Optional.ofNullable(file.getOriginalFilename()).orElse("registry.xlsx");
    if (file.isEmpty()) {
      redirect.addFlashAttribute("flashError", new UserFacingException("registry.import.empty"));
      return "redirect:/registry/import";
    }
    try {
      ImportPreview p = reader.read(name, file.getBytes());
      session.setAttribute(SESSION_KEY, p);
      log.info(
          "registry workbook {} read for review: {} good rows, {} bad",
          name,
          p.goodRows(),
          p.errors().size());
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/registry/import";
  }

  @PostMapping("/import/confirm")
  String confirm(HttpSession session, RedirectAttributes redirect) {
    ImportPreview p =
        preview(session).orElseThrow(() -> new UserFacingException("registry.import.none"));
    try {
      int rows = importer.apply(p);
      session.removeAttribute(SESSION_KEY);
      redirect.addFlashAttribute("imported", rows);
      redirect.addFlashAttribute("notice", "registry.import.done");
      return "redirect:/enterprises";
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
      return "redirect:/registry/import";
    }
  }

  @PostMapping("/import/cancel")
  String cancel(HttpSession session, RedirectAttributes redirect) {
    session.removeAttribute(SESSION_KEY);
    redirect.addFlashAttribute("notice", "registry.import.cancelled");
    return "redirect:/registry/import";
  }

  private static Optional<ImportPreview> preview(HttpSession session) {
    return session.getAttribute(SESSION_KEY) instanceof ImportPreview p
        ? Optional.of(p)
        : Optional.empty();
  }
}
