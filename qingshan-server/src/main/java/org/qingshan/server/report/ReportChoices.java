package org.qingshan.server.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.cases.CaseType;

/** The kinds of problem the public may choose (online monitoring is the bureau's own). */
final class ReportChoices {
  static final List<CaseType> TYPES =
      Arrays.stream(CaseType.values()).filter(t -> t != CaseType.ONLINE_MONITORING).toList();

  private ReportChoices() {}

  /** A type by its enum name, as the page's form sends it. */
  static Optional<CaseType> byName(String name) {
    return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
