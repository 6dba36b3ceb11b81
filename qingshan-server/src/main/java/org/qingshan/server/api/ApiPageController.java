package org.qingshan.server.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page that leads to the API description, in the application's frame. */
@Controller
class ApiPageController {
  @GetMapping("/api")
  String page() {
    return "api/index";
  }
}
