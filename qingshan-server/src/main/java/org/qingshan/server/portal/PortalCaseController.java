package org.qingshan.server.portal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.cases.CaseAction;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CasePages;
import org.qingshan.server.cases.CaseSearch;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSettings;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cases the bureau handed to the enterprise (转办给企业), in its portal: the list, a case with its
 * steps, 签收 and 办理反馈 with text and photos. Another enterprise's case is refused by the case service
 * (403, audited).
 */
@Controller
class PortalCaseController {
  static final String LIST_PATH = "/portal/cases";
  static final String HANDLE_PATH = "/portal/cases/handle";

  private final CaseService cases;
  private final CasePages pages;
  private final CaseSettings settings;
  private final Clock clock;

  PortalCaseController(CaseService cases, CasePages pages, CaseSettings settings, Clock clock) {
    this.cases = cases;
    this.pages = pages;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping(LIST_PATH)
  String list(@RequestParam(required = false) Integer page, Model model) {
    PageResult<CaseFile> found = cases.search(CaseSearch.all(), PageQuery.of(page, null));
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, String> states = new HashMap<>();
    found.items().forEach(c -> states.put(c.id(), pages.deadlineState(c, now)));
    model.addAttribute("page", found);
    model.addAttribute("states", states);
    return "portal/cases";
  }

  @GetMapping(LIST_PATH + "/{id}")
  String view(@PathVariable long id, Model model) {
    Map<CaseAction, String> paths = new EnumMap<>(CaseAction.class);
    paths.put(CaseAction.TAKE, LIST_PATH + "/" + id + "/take");
    paths.put(CaseAction.HANDLE, HANDLE_PATH);
    pages.show(id, paths, model);
    model.addAttribute("maxPhotos", settings.maxPhotos());
    return "portal/case";
  }

  @PostMapping(LIST_PATH + "/{id}/take")
  String take(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return done(
        id, redirect, () -> cases.take(id, CasePages.input("", null, null, List.of(), version)));
  }

  @PostMapping(HANDLE_PATH)
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
    return "redirect:" + LIST_PATH + "/" + id;
  }
}
