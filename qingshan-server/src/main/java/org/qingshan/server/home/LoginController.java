package org.qingshan.server.home;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {
  /** Beyond this many seconds the page speaks of minutes. */
  private static final long SECONDS_SHOWN = 120;

  @GetMapping("/login")
  String login(@RequestParam(required = false) String wait, Model model) {
    waitSeconds(wait)
        .ifPresent(
            s -> {
              if (s <= SECONDS_SHOWN) {
                model.addAttribute("waitMessage", "login.wait.seconds");
                model.addAttribute("waitAmount", s);
              } else {
                model.addAttribute("waitMessage", "login.wait.minutes");
                model.addAttribute("waitAmount", (s + 59) / 60);
              }
            });
    return "login";
  }

  /** The wait the server named in the redirect; anything else typed into the address is ignored. */
  private static Optional<Long> waitSeconds(String wait) {
    if (wait == null || !wait.matches("[0-9]{1,7}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(wait));
  }
}
