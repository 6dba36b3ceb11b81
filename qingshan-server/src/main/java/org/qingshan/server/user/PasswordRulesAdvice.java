package org.qingshan.server.user;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bureau's password rules, for every form that sets a password to state them. */
@ControllerAdvice
class PasswordRulesAdvice {
  private final PasswordPolicy passwordPolicy;

  PasswordRulesAdvice(PasswordPolicy passwordPolicy) {
    this.passwordPolicy = passwordPolicy;
  }

  @ModelAttribute("passwordRules")
  PasswordPolicy passwordRules() {
    return passwordPolicy;
  }
}
