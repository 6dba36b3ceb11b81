package org.qingshan.server.samplefeature;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sample feature's one page. */
@Controller
@ConditionalOnProperty("qingshan.test.sample-feature")
class SampleController {
  @GetMapping("/sample")
  String page() {
    return "sample/page";
  }
}
