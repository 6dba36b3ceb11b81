package org.qingshan.server.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, searchable by an admin: who changed what, when, from what to what. */
@Controller
@RequestMapping("/audit")
class AuditController {
  private final AuditLog audit;
  private final ExcelExport excel;
  private final Messages messages;

  private final AuditVocabulary vocabulary;

  AuditController(
      AuditLog audit, ExcelExport excel, Messages messages, AuditVocabulary vocabulary) {
    this.audit = audit;
    this.vocabulary = vocabulary;
    this.excel = excel;
    this.messages = messages;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String entity,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    AuditSearch search = search(actor, action, entity, q, from, to);
    model.addAttribute("page", audit.search(search, PageQuery.of(page, size)).map(this::row));
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("entities", vocabulary.entities());
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("entity", entity);
    model.addAttribute("q", q);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "audit/list";
  }

  @GetMapping("/export")
  void export(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) AuditAction action,
      @RequestParam(required = false) String entity,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (AuditEntry e :
        audit.search(search(actor, action, entity, q, from, to), PageQuery.EXPORT).items()) {
      AuditChange change = audit.change(e);
      rows.add(
          List.of(
              e.occurredAt(),
              e.actor(),
              messages.label(e.action()),
              vocabulary.entity(e.entityType()),
              e.entityId().orElse(""),
              e.summary().orElse(""),
              change.summary(false),
              change.summary(true),
              e.remoteAddr().orElse("")));
    }
    excel.write(
        response,
        messages.get("nav.audit"),
        messages.all(
            "audit.time",
            "audit.actor",
            "audit.action",
            "audit.entity",
            "audit.entity-id",
            "audit.summary",
            "audit.before",
            "audit.after",
            "audit.address"),
        rows);
  }

  /** An entry as the list shows it: the object by name, the change field by field. */
  public record Row(AuditEntry entry, String entity, AuditChange change) {}

  private Row row(AuditEntry e) {
    return new Row(e, vocabulary.entity(e.entityType()), audit.change(e));
  }

  private static AuditSearch search(
      String actor, AuditAction action, String entity, String q, LocalDate from, LocalDate to) {
    return new AuditSearch(
        SearchText.of(actor),
        Optional.ofNullable(action),
        SearchText.of(entity),
        SearchText.of(q),
        Optional.ofNullable(from),
        Optional.ofNullable(to));
  }
}
