package org.qingshan.server.report;

import java.util.Optional;
import org.qingshan.server.cases.CaseStatus;

/** What the bureau's list of reports asks for: a text (report, tracking, case number, phone). */
record ReportSearch(Optional<String> text, Optional<CaseStatus> status) {}
