package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseWorkflowTest {

  @Test
  void theUsualPathRunsFromPendingToClosed() {
    CaseStatus s = CaseStatus.PENDING;
    s = CaseWorkflow.next(s, CaseAction.ACCEPT).orElseThrow();
    assertThat(s).isEqualTo(CaseStatus.ACCEPTED);
    s = CaseWorkflow.next(s, CaseAction.DISPATCH).orElseThrow();
    assertThat(s).isEqualTo(CaseStatus.DISPATCHED);
    s = CaseWorkflow.next(s, CaseAction.TAKE).orElseThrow();
    assertThat(s).isEqualTo(CaseStatus.IN_PROGRESS);
    s = CaseWorkflow.next(s, CaseAction.HANDLE).orElseThrow();
    assertThat(s).isEqualTo(CaseStatus.AWAITING_VERIFICATION);
    assertThat(CaseWorkflow.next(s, CaseAction.SEND_BACK)).contains(CaseStatus.IN_PROGRESS);
    assertThat(CaseWorkflow.next(s, CaseAction.VERIFY)).contains(CaseStatus.CLOSED);
  }

  @Test
  void stepsOutOfTurnAreRefused() {
    assertThat(CaseWorkflow.next(CaseStatus.PENDING, CaseAction.VERIFY)).isEmpty();
    assertThat(CaseWorkflow.next(CaseStatus.PENDING, CaseAction.HANDLE)).isEmpty();
    assertThat(CaseWorkflow.next(CaseStatus.ACCEPTED, CaseAction.REJECT)).isEmpty();
    assertThat(CaseWorkflow.next(CaseStatus.IN_PROGRESS, CaseAction.TAKE)).isEmpty();
    for (CaseAction a : CaseAction.values()) {
      if (a != CaseAction.COMMENT) {
        assertThat(CaseWorkflow.next(CaseStatus.CLOSED, a)).as(a.name()).isEmpty();
        assertThat(CaseWorkflow.next(CaseStatus.REJECTED, a)).as(a.name()).isEmpty();
      }
    }
  }

  @Test
  void escalationAndExtensionKeepTheState() {
    assertThat(CaseWorkflow.next(CaseStatus.IN_PROGRESS, CaseAction.URGE))
        .contains(CaseStatus.IN_PROGRESS);
    assertThat(CaseWorkflow.next(CaseStatus.DISPATCHED, CaseAction.SUPERVISE))
        .contains(CaseStatus.DISPATCHED);
    assertThat(CaseWorkflow.next(CaseStatus.IN_PROGRESS, CaseAction.REQUEST_EXTENSION))
        .contains(CaseStatus.IN_PROGRESS);
    assertThat(CaseWorkflow.next(CaseStatus.PENDING, CaseAction.REQUEST_EXTENSION)).isEmpty();
  }

  @Test
  void apiCodesAreLowerCaseWithDashes() {
    assertThat(CaseStatus.AWAITING_VERIFICATION.code()).isEqualTo("awaiting-verification");
    assertThat(CaseStatus.ofCode("in-progress")).contains(CaseStatus.IN_PROGRESS);
    assertThat(CaseSource.PUBLIC_REPORT.code()).isEqualTo("public-report");
  }
}
