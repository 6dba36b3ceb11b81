package org.qingshan.server.cases;

import static org.qingshan.server.cases.CaseStatus.ACCEPTED;
import static org.qingshan.server.cases.CaseStatus.AWAITING_VERIFICATION;
import static org.qingshan.server.cases.CaseStatus.CLOSED;
import static org.qingshan.server.cases.CaseStatus.DISPATCHED;
import static org.qingshan.server.cases.CaseStatus.IN_PROGRESS;
import static org.qingshan.server.cases.CaseStatus.PENDING;
import static org.qingshan.server.cases.CaseStatus.REJECTED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The states a case passes and the steps allowed in each: 待受理 → 已受理 / 不予受理 → 已转办 → 处置中 → 待核查 → 已办结,
 * or 退回 to 处置中. Steps that change no state (催办, 督办, 延期, 备注) are allowed while the case is open. A
 * finished case takes only remarks.
 */
public final class CaseWorkflow {
  private static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.of(REJECTED, CLOSED));
  private static final Set<CaseStatus> WITH_ASSIGNEE = EnumSet.of(DISPATCHED, IN_PROGRESS);

  private CaseWorkflow() {}

  /** The state after the step, or empty when the step is not allowed in the state. */
  public static Optional<CaseStatus> next(CaseStatus from, CaseAction action) {
    return switch (action) {
      case REGISTER -> Optional.empty();
      case ACCEPT -> when(from == PENDING, ACCEPTED);
      case REJECT -> when(from == PENDING, REJECTED);
      case DISPATCH ->
          when(from == PENDING || from == ACCEPTED || WITH_ASSIGNEE.contains(from), DISPATCHED);
      case TAKE -> when(from == DISPATCHED, IN_PROGRESS);
      case HANDLE -> when(WITH_ASSIGNEE.contains(from), AWAITING_VERIFICATION);
      case REQUEST_EXTENSION -> when(WITH_ASSIGNEE.contains(from), from);
      case GRANT_EXTENSION, DENY_EXTENSION, URGE, SUPERVISE -> when(OPEN.contains(from), from);
      case VERIFY -> when(from == AWAITING_VERIFICATION, CLOSED);
      case SEND_BACK -> when(from == AWAITING_VERIFICATION, IN_PROGRESS);
      case COMMENT -> Optional.of(from);
    };
  }

  /**
   * Steps the bureau takes (dispatcher, admin); the others are the assignee's, or anyone's remark.
   */
  public static boolean bureauStep(CaseAction action) {
    return switch (action) {
      case ACCEPT,
              REJECT,
              DISPATCH,
              GRANT_EXTENSION,
              DENY_EXTENSION,
              VERIFY,
              SEND_BACK,
              URGE,
              SUPERVISE ->
          true;
      default -> false;
    };
  }

  /** Steps only the assignee takes. */
  public static boolean assigneeStep(CaseAction action) {
    return action == CaseAction.TAKE
        || action == CaseAction.HANDLE
        || action == CaseAction.REQUEST_EXTENSION;
  }

  private static Optional<CaseStatus> when(boolean allowed, CaseStatus to) {
    return allowed ? Optional.of(to) : Optional.empty();
  }
}
