package org.qingshan.server.web;

import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every form post does: a form with invalid fields, or a save that broke a rule, is shown
 * again with the reason; a save that worked redirects with a notice.
 */
public final class FormSubmission {
  private FormSubmission() {}

  /**
   * @param save stores the form and returns the path to go to afterwards
   * @param formView shows the form again and returns its view name
   */
  public static String handle(
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      String noticeKey,
      Supplier<String> save,
      Supplier<String> formView) {
    if (errors.hasErrors()) {
      return formView.get();
    }
    try {
      String target = save.get();
      redirect.addFlashAttribute("notice", noticeKey);
      return "redirect:" + target;
    } catch (UserFacingException e) {
      model.addAttribute("formError", e);
      return formView.get();
    }
  }
}
