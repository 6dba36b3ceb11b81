package org.qingshan.server.report;

import java.util.Map;
import java.util.Optional;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.PageSection;
import org.springframework.stereotype.Component;

/**
 * The report behind a case, on the case's page ({@code PageSections.of("case", id)}): the
 * reporter's phone number and the tracking number, for admins and dispatchers only (the bureau
 * calls reporters back); anyone else sees nothing of it there, as the case itself tells the rest.
 */
@Component
class ReportSections implements PageSection {
  /** The case page's name for its sections; {@code cases} cannot name this package. */
  static final String CASE_PAGE = "case";

  private final ReportService reports;
  private final CurrentUser currentUser;

  ReportSections(ReportService reports, CurrentUser currentUser) {
    this.reports = reports;
    this.currentUser = currentUser;
  }

  @Override
  public String page() {
    return CASE_PAGE;
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public String fragment() {
    return "report/sections :: case";
  }

  @Override
  public Optional<Map<String, Object>> model(long caseId) {
    boolean bureau = currentUser.principal().map(ReportSections::bureau).orElse(false);
    if (!bureau) {
      return Optional.empty();
    }
    return reports.ofCase(caseId).map(r -> Map.of("report", r));
  }

  private static boolean bureau(QingshanPrincipal p) {
    return p.has(Role.ADMIN) || p.has(Role.DISPATCHER);
  }
}
