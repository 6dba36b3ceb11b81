package org.qingshan.server.warning;

import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The warning thresholds page: everyone in the bureau reads them, an admin changes them. */
@Controller
@RequestMapping("/settings/warnings")
class WarningSettingsController {
  private final WarningSettings settings;

  WarningSettingsController(WarningSettings settings) {
    this.settings = settings;
  }

  @GetMapping
  String page(Model model) {
    if (!model.containsAttribute("text")) {
      model.addAttribute("text", settings.text());
    }
    model.addAttribute("tables", settings.tables());
    model.addAttribute("customised", settings.customised());
    return "warning/settings";
  }

  @PostMapping
  String save(@RequestParam String text, Model model, RedirectAttributes redirect) {
    try {
      settings.save(text);
      redirect.addFlashAttribute("notice", "warning.saved");
      return "redirect:/settings/warnings";
    } catch (UserFacingException e) {
      model.addAttribute("formError", e);
      model.addAttribute("text", text);
      return page(model);
    }
  }

  @PostMapping("/reset")
  String reset(RedirectAttributes redirect) {
    settings.reset();
    redirect.addFlashAttribute("notice", "warning.reset-done");
    return "redirect:/settings/warnings";
  }
}
