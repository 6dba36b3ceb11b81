package org.qingshan.server.mark;

import org.qingshan.server.web.PageSection;
import org.qingshan.server.web.PageSections;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A bare 一企一档 that renders only the sections features contribute, as the registry's page does, so
 * the marks' and loads' sections are rendered by their real templates in tests. Switched on with
 * the sample feature's property, so it shares that test server.
 */
@Controller
@ConditionalOnProperty("qingshan.test.sample-feature")
class EnterprisePageStandIn {
  private final PageSections sections;

  EnterprisePageStandIn(PageSections sections) {
    this.sections = sections;
  }

  @GetMapping("/test-enterprise/{id}")
  String page(@PathVariable long id, Model model) {
    model.addAttribute("sections", sections.of(PageSection.ENTERPRISE, id));
    return "testpages/enterprise";
  }
}
