package org.qingshan.server.cases;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.ExcelExport;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.PageSections;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.TimeFormat;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 案件办理, the bureau's pages: the list (search, overdue only, export), a new case, a case with its
 * timeline, position and the steps the person may take, and 转为案件 from an alarm.
 */
@Controller
class CaseController {
  /** The bureau's steps, each a form posting to {@code /cases/{id}/{code}}. */
  static final List<CaseAction> PAGE_STEPS =
      List.of(
          CaseAction.ACCEPT,
          CaseAction.REJECT,
          CaseAction.DISPATCH,
          CaseAction.VERIFY,
          CaseAction.SEND_BACK,
          CaseAction.URGE,
          CaseAction.SUPERVISE,
          CaseAction.GRANT_EXTENSION,
          CaseAction.DENY_EXTENSION,
          CaseAction.COMMENT);

  /** The sources of a case the bureau registers by hand (alarms and reports come by themselves). */
  static final List<CaseSource> REGISTERED_SOURCES =
      List.of(CaseSource.INSPECTION, CaseSource.PATROL, CaseSource.DEPARTMENT);

  private final CaseService cases;
  private final CasePages pages;
  private final CaseChoices choices;
  private final Assignees assignees;
  private final AlarmCases alarmCases;
  private final CaseSettings settings;
  private final MapSettings map;
  private final ExcelExport excel;
  private final Messages messages;
  private final AuditLog audit;
  private final TimeFormat times;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final PageSections sections;
  private final CaseDeadlines deadlines;

  CaseController(
      CaseService cases,
      CasePages pages,
      CaseChoices choices,
      Assignees assignees,
      AlarmCases alarmCases,
      CaseSettings settings,
      MapSettings map,
      ExcelExport excel,
      Messages messages,
      AuditLog audit,
      TimeFormat times,
      Clock clock,
      CurrentUser currentUser,
      PageSections sections,
      CaseDeadlines deadlines) {
    this.sections = sections;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
    this.cases = cases;
    this.pages = pages;
    this.choices = choices;
    this.assignees = assignees;
    this.alarmCases = alarmCases;
    this.settings = settings;
    this.map = map;
    this.excel = excel;
    this.messages = messages;
    this.audit = audit;
    this.times = times;
    this.clock = clock;
  }

  @GetMapping("/cases")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) CaseSource source,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) Long town,
      @RequestParam(required = false) boolean overdue,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    PageResult<CaseFile> found =
        cases.search(search(q, status, source, type, town, overdue, now), PageQuery.of(page, size));
    model.addAttribute("page", found);
    Map<Long, String> states = new HashMap<>();
    found.items().forEach(c -> states.put(c.id(), pages.deadlineState(c, now)));
    model.addAttribute("states", states);
    Map<Long, String> names = new HashMap<>();
    found.items().stream()
        .flatMap(c -> c.enterpriseId().stream())
        .distinct()
        .forEach(id -> pages.enterpriseName(id).ifPresent(n -> names.put(id, n)));
    model.addAttribute("enterpriseNames", names);
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    model.addAttribute("source", source);
    model.addAttribute("type", type);
    model.addAttribute("town", town);
    model.addAttribute("overdue", overdue);
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("sources", CaseSource.values());
    model.addAttribute("types", CaseType.values());
    model.addAttribute("towns", choices.towns());
    model.addAttribute("settings", settings);
    model.addAttribute(
        "typeDays",
        deadlines.typeDays().entrySet().stream()
            .map(
                e ->
                    messages.get("cases.rules.type-days", messages.label(e.getKey()), e.getValue()))
            .toList());
    return "cases/list";
  }

  @GetMapping("/cases/export")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) CaseSource source,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) Long town,
      @RequestParam(required = false) boolean overdue,
      HttpServletResponse response)
      throws IOException {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, String> enterprises = choices.enterpriseNames();
    Map<Long, String> departments = choices.departmentNames();
    List<List<?>> rows = new ArrayList<>();
    for (CaseFile c :
        cases
            .search(search(q, status, source, type, town, overdue, now), PageQuery.EXPORT)
            .items()) {
      rows.add(
          List.of(
              c.caseNo(),
              c.title(),
              messages.label(c.type()),
              messages.label(c.source()),
              messages.label(c.severity()),
              messages.label(c.status()),
              c.enterpriseId().map(enterprises::get).orElse(""),
              c.place().orElse(""),
              c.townId().map(departments::get).orElse(""),
              c.assignee().map(Assignee::name).orElse(""),
              times.minutes(c.deadline()),
              messages.get(stateKey(pages.deadlineState(c, now))),
              c.createdBy(),
              times.minutes(c.createdAt()),
              c.closedAt().map(times::minutes).orElse("")));
    }
    audit.recordExport(CaseAccess.ENTITY, messages.get("nav.cases"), SearchText.of(q), rows.size());
    excel.write(
        response,
        messages.get("nav.cases"),
        messages.all(
            "cases.no",
            "cases.title",
            "cases.type",
            "cases.source",
            "cases.severity",
            "cases.status",
            "cases.enterprise",
            "cases.place",
            "cases.town",
            "cases.assignee",
            "cases.deadline",
            "cases.deadline-state",
            "cases.created-by",
            "cases.created-at",
            "cases.closed-at"),
        rows);
  }

  @GetMapping("/cases/new")
  String newForm(Model model) {
    return form(model);
  }

  @PostMapping(CasePagesFeature.NEW_CASE_PATH)
  String create(
      @RequestParam(required = false) String title,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) CaseSource source,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) Long enterprise,
      @RequestParam(required = false) Long town,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lng,
      @RequestParam(required = false) String description,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      Model model,
      RedirectAttributes redirect) {
    try {
      NewCase c =
          NewCase.of(
              title,
              type == null ? CaseType.OTHER : type,
              source == null || !REGISTERED_SOURCES.contains(source)
                  ? CaseSource.INSPECTION
                  : source,
              severity == null ? Severity.MINOR : severity,
              description == null ? "" : description.trim());
      if (enterprise != null) {
        c = c.withEnterprise(enterprise);
      }
      if ((place != null && !place.isBlank()) || lat != null || lng != null) {
        c =
            c.withPlace(
                place == null ? "" : place.trim(),
                Optional.ofNullable(lat),
                Optional.ofNullable(lng));
      }
      if (town != null) {
        c = c.withTown(town);
      }
      CaseFile opened =
          cases.open(c, currentUserName(), CasePages.input("", lat, lng, photos, null));
      redirect.addFlashAttribute("notice", "cases.opened");
      return "redirect:/cases/" + opened.id();
    } catch (UserFacingException e) {
      model.addAttribute("error", e);
      model.addAttribute("title", title);
      model.addAttribute("description", description);
      model.addAttribute("place", place);
      return form(model);
    }
  }

  @GetMapping("/cases/{id}")
  String view(@PathVariable long id, Model model) {
    Map<CaseAction, String> paths = new EnumMap<>(CaseAction.class);
    PAGE_STEPS.forEach(a -> paths.put(a, "/cases/" + id + "/" + a.code()));
    pages.show(id, paths, model);
    model.addAttribute("sections", sections.of(CasePages.SECTION, id));
    model.addAttribute("handlers", choices.handlers(cases.get(id)));
    model.addAttribute("departments", choices.departments());
    model.addAttribute("enterprises", choices.enterprises());
    model.addAttribute("tileUrl", map.tileUrl());
    model.addAttribute("tileAttribution", map.tileAttribution());
    model.addAttribute("maxPhotos", settings.maxPhotos());
    return "cases/view";
  }

  /** A photo of a step, for whoever may read the case: always a JPEG we wrote, never sniffed. */
  @GetMapping("/cases/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    byte[] jpeg =
        cases.photo(id, photoId).orElseThrow(() -> new UserFacingException("error.not-found"));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noCache().cachePrivate())
        .body(jpeg);
  }

  /** 转为案件: a case from the alarm, then its page. */
  @PostMapping("/cases/from-alarm/{alarmId}")
  String fromAlarm(@PathVariable long alarmId, RedirectAttributes redirect) {
    try {
      CaseFile c = alarmCases.openFor(alarmId);
      redirect.addFlashAttribute("notice", "cases.opened");
      return "redirect:/cases/" + c.id();
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
      return alarmCases
          .caseOf(alarmId)
          .map(c -> "redirect:/cases/" + c.id())
          .orElse("redirect:/duty/alarms/" + alarmId);
    }
  }

  @PostMapping("/cases/{id}/{action}")
  String step(
      @PathVariable long id,
      @PathVariable String action,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) AssigneeKind assigneeKind,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) Long department,
      @RequestParam(required = false) Long enterprise,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime deadline,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate until,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      RedirectAttributes redirect) {
    CaseAction step =
        PAGE_STEPS.stream()
            .filter(a -> a.code().equals(action))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("error.not-found"));
    // photos come with the bureau's on-site steps only (核查, 退回): the other forms send none
    StepInput in = CasePages.input(text, null, null, photos, version);
    try {
      switch (step) {
        case ACCEPT -> cases.accept(id, in);
        case REJECT -> cases.reject(id, in);
        case DISPATCH ->
            cases.dispatch(
                id,
                assignee(assigneeKind, user, department, enterprise),
                Optional.ofNullable(deadline).map(pages::at),
                in);
        case VERIFY -> cases.verify(id, true, in);
        case SEND_BACK -> cases.verify(id, false, in);
        case URGE -> cases.urge(id, in);
        case SUPERVISE -> cases.supervise(id, in);
        case GRANT_EXTENSION -> {
          if (until == null) {
            throw new UserFacingException("cases.extension.date-required");
          }
          cases.grantExtension(id, pages.endOfDay(until), in);
        }
        case DENY_EXTENSION -> cases.denyExtension(id, in);
        case COMMENT -> cases.comment(id, in);
        default -> throw new UserFacingException("error.not-found");
      }
      redirect.addFlashAttribute("notice", "cases.step.saved");
    } catch (UserFacingException e) {
      if (e.messageKey().equals("error.not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/cases/" + id;
  }

  private Assignee assignee(AssigneeKind kind, String user, Long department, Long enterprise) {
    if (kind == null) {
      throw new UserFacingException("cases.assignee.required");
    }
    return switch (kind) {
      case USER -> {
        if (user == null || user.isBlank()) {
          throw new UserFacingException("cases.assignee.required");
        }
        yield assignees.user(user);
      }
      case DEPARTMENT -> {
        if (department == null) {
          throw new UserFacingException("cases.assignee.required");
        }
        yield assignees.department(department);
      }
      case ENTERPRISE -> {
        if (enterprise == null) {
          throw new UserFacingException("cases.assignee.required");
        }
        yield assignees.enterprise(enterprise);
      }
    };
  }

  private String form(Model model) {
    model.addAttribute("types", CaseType.values());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("sources", REGISTERED_SOURCES);
    model.addAttribute("enterprises", choices.enterprises());
    model.addAttribute("towns", choices.towns());
    model.addAttribute("maxPhotos", settings.maxPhotos());
    return "cases/new";
  }

  private static String stateKey(String state) {
    return switch (state) {
      case "overdue" -> "cases.state.overdue";
      case "due-soon" -> "cases.state.due-soon";
      case "finished" -> "cases.state.finished";
      default -> "cases.state.open";
    };
  }

  private String currentUserName() {
    return currentUser.require().getUsername();
  }

  private static CaseSearch search(
      String q,
      CaseStatus status,
      CaseSource source,
      CaseType type,
      Long town,
      boolean overdue,
      OffsetDateTime now) {
    return new CaseSearch(
        SearchText.of(q),
        Optional.ofNullable(status),
        Optional.ofNullable(source),
        Optional.ofNullable(type),
        Optional.empty(),
        Optional.ofNullable(town),
        Optional.empty(),
        Optional.empty(),
        overdue ? Optional.of(now) : Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
