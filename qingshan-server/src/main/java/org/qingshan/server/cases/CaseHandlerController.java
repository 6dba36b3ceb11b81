package org.qingshan.server.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.device.MapSettings;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的案件, the handler's phone page: the cases handed to the grid member or their department, a case
 * with its steps, 签收, 办理反馈 with photos and position, 申请延期.
 */
@Controller
class CaseHandlerController {
  private final CaseService cases;
  private final CasePages pages;
  private final CaseSettings settings;
  private final MapSettings map;
  private final Clock clock;

  CaseHandlerController(
      CaseService cases, CasePages pages, CaseSettings settings, MapSettings map, Clock clock) {
    this.cases = cases;
    this.pages = pages;
    this.settings = settings;
    this.map = map;
    this.clock = clock;
  }

  /** My cases: those still to be done unless all are asked for. */
  @GetMapping("/m/cases")
  String mine(
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Integer page,
      Model model) {
    CaseSearch search = status == null ? CaseSearch.all() : CaseSearch.all().withStatus(status);
    PageResult<CaseFile> found = cases.search(search, PageQuery.of(page, null));
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, String> states = new HashMap<>();
    found.items().forEach(c -> states.put(c.id(), pages.deadlineState(c, now)));
    model.addAttribute("page", found);
    model.addAttribute("states", states);
    model.addAttribute("status", status);
    model.addAttribute("statuses", CaseStatus.values());
    return "cases/mine";
  }

  @GetMapping("/m/cases/{id}")
  String view(@PathVariable long id, Model model) {
    Map<CaseAction, String> paths = new EnumMap<>(CaseAction.class);
    paths.put(CaseAction.TAKE, "/m/cases/" + id + "/take");
    paths.put(CaseAction.HANDLE, CasePagesFeature.HANDLE_PATH);
    paths.put(CaseAction.REQUEST_EXTENSION, "/m/cases/" + id + "/extension");
    paths.put(CaseAction.COMMENT, "/m/cases/" + id + "/comment");
    pages.show(id, paths, model);
    model.addAttribute("maxPhotos", settings.maxPhotos());
    model.addAttribute("tileUrl", map.tileUrl());
    model.addAttribute("tileAttribution", map.tileAttribution());
    return "cases/mine-case";
  }

  @PostMapping("/m/cases/{id}/take")
  String take(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return done(
        id, redirect, () -> cases.take(id, CasePages.input("", null, null, List.of(), version)));
  }

  /** One fixed path for every case: the upload gate knows a page that takes files by its path. */
  @PostMapping(CasePagesFeature.HANDLE_PATH)
  String handle(
      @RequestParam long id,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lng,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return done(
        id, redirect, () -> cases.handle(id, CasePages.input(text, lat, lng, photos, version)));
  }

  @PostMapping("/m/cases/{id}/extension")
  String extension(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate until,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return done(
        id,
        redirect,
        () -> {
          if (until == null) {
            throw new UserFacingException("cases.extension.date-required");
          }
          cases.requestExtension(
              id,
              pages.endOfDay(until),
              CasePages.input(pages.extensionText(until, text), null, null, List.of(), version));
        });
  }

  /** 备注: a remark that changes nothing, such as a question to the dispatcher. */
  @PostMapping("/m/cases/{id}/comment")
  String comment(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return done(
        id,
        redirect,
        () -> cases.comment(id, CasePages.input(text, null, null, List.of(), version)));
  }

  private static String done(long id, RedirectAttributes redirect, Runnable step) {
    try {
      step.run();
      redirect.addFlashAttribute("notice", "cases.step.saved");
    } catch (UserFacingException e) {
      if (e.messageKey().equals("error.not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/m/cases/" + id;
  }
}
