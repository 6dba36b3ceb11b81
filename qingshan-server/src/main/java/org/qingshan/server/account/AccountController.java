package org.qingshan.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.user.UserService;
import org.qingshan.server.web.UserFacingException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: changing the password, which a first login requires. */
@Controller
@RequestMapping("/account")
class AccountController {
  private final UserService users;
  private final CurrentUser currentUser;
  private final HttpSessionSecurityContextRepository contexts =
      new HttpSessionSecurityContextRepository();

  AccountController(UserService users, CurrentUser currentUser) {
    this.users = users;
    this.currentUser = currentUser;
  }

  @GetMapping("/password")
  String passwordForm() {
    return "account/password";
  }

  @PostMapping("/password")
  String changePassword(
      @RequestParam String current,
      @RequestParam String next,
      @RequestParam String repeat,
      Model model,
      RedirectAttributes redirect,
      HttpServletRequest request,
      HttpServletResponse response) {
    QingshanPrincipal me = currentUser.require();
    try {
      String hash =
          users.changeOwnPassword(me.userId(), current, next, repeat, request.getSession().getId());
      // A copy of this session's cookie, taken along with the old password, stops working too.
      request.changeSessionId();
      QingshanPrincipal updated = me.withPasswordChanged(hash);
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(
              updated, null, updated.getAuthorities()));
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
      redirect.addFlashAttribute("notice", "password.changed");
      return "redirect:/";
    } catch (UserFacingException e) {
      model.addAttribute("formError", e);
      return "account/password";
    }
  }
}
