package org.qingshan.server.portal;

import java.util.List;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The explanation form of an alarm. One fixed path for every alarm: the upload gate knows a page
 * that takes files by its exact path.
 */
@Controller
class ExplanationController {
  static final String PATH = "/portal/explanations";

  private final ExplanationService service;

  ExplanationController(ExplanationService service) {
    this.service = service;
  }

  @PostMapping(PATH)
  String explain(
      @RequestParam long alarmId,
      @RequestParam(required = false) String text,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      RedirectAttributes redirect) {
    try {
      service.explain(alarmId, text, files == null ? List.of() : files);
      redirect.addFlashAttribute("notice", "portal.explained");
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/portal/alarms/" + alarmId;
  }
}
