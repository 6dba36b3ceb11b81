package org.qingshan.server.apitoken;

import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.SearchText;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of API tokens: the list, issuing one (its secret shown once, through a
 * flash attribute so a reload does not issue another), revoking.
 */
@Controller
@RequestMapping("/api-tokens")
class ApiTokenController {
  private static final int MAX_NAME = 100;

  private final ApiTokens tokens;

  ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Model model) {
    model.addAttribute("page", tokens.search(SearchText.of(q), PageQuery.of(page, size)));
    model.addAttribute("q", q);
    return "apitokens/list";
  }

  @PostMapping
  String issue(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    try {
      if (username.isBlank()) {
        throw new UserFacingException("api-token.error.username-required");
      }
      if (name.isBlank() || name.trim().length() > MAX_NAME) {
        throw new UserFacingException("api-token.error.name-required", MAX_NAME);
      }
      IssuedToken issued = tokens.issue(username, name);
      redirect.addFlashAttribute("issued", issued);
      redirect.addFlashAttribute("notice", "api-token.issued");
    } catch (UserFacingException e) {
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/api-tokens";
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    tokens.revoke(id);
    redirect.addFlashAttribute("notice", "api-token.revoked");
    return "redirect:/api-tokens";
  }
}
