package org.qingshan.server.evaluation;

import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public page (no login) of published evaluations: only the published snapshot (kind, date,
 * summary, indicators with value, target and status) — no department scores, no user names.
 */
@Controller
@RequestMapping(EvaluationPublicController.PATH)
class EvaluationPublicController {
  static final String PATH = "/public/plans";
  private final EvaluationService service;

  EvaluationPublicController(EvaluationService service) {
    this.service = service;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("items", service.published());
    return "evaluation/public-list";
  }

  @GetMapping("/evaluations/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute(
        "item",
        service
            .published(id)
            .orElseThrow(() -> new UserFacingException("evaluation.published.not-found")));
    return "evaluation/public-show";
  }
}
