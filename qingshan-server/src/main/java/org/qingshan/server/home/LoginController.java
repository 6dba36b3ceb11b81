package org.qingshan.server.home;

import org.qingshan.server.security.LoginThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {
  private final LoginThrottle throttle;

  LoginController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("lockMinutes", throttle.lockDuration().toMinutes());
    return "login";
  }
}
