package org.qingshan.server.cases;

import java.util.Optional;

/**
 * A step was taken on a case, announced inside its transaction: listeners (notifications, the alarm
 * a verified case closes, analysis) act in the same commit or hand the work on.
 *
 * @param by the user name of who took the step ({@code system} for the escalation clock)
 */
public record CaseChanged(
    long caseId, CaseAction action, Optional<CaseStatus> from, CaseStatus to, String by) {}
