package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The import jobs on their own: the job runs the import as the user who started it and reports its
 * stages and outcome to that user only; a refused file fails the job with the bundle's text; a
 * finished job is forgotten {@link PlanImportJobs#KEPT} later on the injected clock.
 */
class PlanImportJobsTest {
  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2025-06-30T02:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final PlanDispatchService plans = mock(PlanDispatchService.class);
  private final Messages messages = mock(Messages.class);
  private final PlanImportJobs jobs = new PlanImportJobs(plans, messages, clock);

  @AfterEach
  void stop() {
    jobs.stop();
    SecurityContextHolder.clearContext();
  }

  private void logIn(String name) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_PLANNER"))));
  }

  private PlanImportJobs.Status finish(String id, String user) throws InterruptedException {
    PlanImportJobs.Status s = jobs.status(id, user);
    for (int i = 0; i < 500 && s.state() == PlanImportJobs.State.RUNNING; i++) {
      Thread.sleep(20);
      s = jobs.status(id, user);
    }
    return s;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aJobImportsAsItsUserThroughTheStagesAndIsForgottenLater() throws Exception {
    String[] importedBy = new String[1];
    when(plans.checkUpload(anyString(), any())).thenAnswer(a -> a.getArgument(0));
    when(plans.importPlan(eq("方案.txt"), any(), eq(Optional.empty()), any()))
        .thenAnswer(
            a -> {
              importedBy[0] = SecurityContextHolder.getContext().getAuthentication().getName();
              Consumer<PlanImportStage> progress = a.getArgument(3);
              progress.accept(PlanImportStage.READING);
              progress.accept(PlanImportStage.SAVING);
              DispatchPlan p =
                  new DispatchPlan(
                      42,
                      42,
                      1,
                      "方案",
                      DispatchPlanStatus.DRAFT,
                      "方案.txt",
                      "planner1",
                      OffsetDateTime.now(clock),
                      Optional.empty(),
                      Optional.empty());
              return new PlanDispatchService.Imported(p, 3, 1, 0);
            });
    logIn("planner1");
    PlanImportJobs.Status started =
        jobs.start("方案.txt", new byte[] {1}, Optional.empty(), "10.0.0.9");
    assertThat(started.fileName()).isEqualTo("方案.txt");

    PlanImportJobs.Status done = finish(started.id(), "planner1");
    assertThat(done.state()).isEqualTo(PlanImportJobs.State.DONE);
    assertThat(done.stage()).isEqualTo(PlanImportStage.SAVING);
    assertThat(done.planId()).hasValue(42L);
    assertThat(importedBy[0]).isEqualTo("planner1");
    // another user learns nothing of it
    assertThatThrownBy(() -> jobs.status(started.id(), "planner2"))
        .isInstanceOf(UserFacingException.class);

    clock.now = clock.now.plus(PlanImportJobs.KEPT).minusSeconds(1);
    assertThat(jobs.status(started.id(), "planner1").state()).isEqualTo(PlanImportJobs.State.DONE);
    clock.now = clock.now.plus(Duration.ofSeconds(2));
    assertThatThrownBy(() -> jobs.status(started.id(), "planner1"))
        .isInstanceOf(UserFacingException.class)
        .hasFieldOrPropertyWithValue("messageKey", "plandispatch.import.job.not-found");
  }

  @Test
  void aRefusedFileFailsTheJobWithTheBundlesText() throws Exception {
    when(plans.checkUpload(anyString(), any())).thenAnswer(a -> a.getArgument(0));
    when(plans.importPlan(anyString(), any(), any(), any()))
        .thenThrow(new UserFacingException("plandispatch.import.not-a-plan", "通知.txt"));
    when(messages.get(eq("plandispatch.import.not-a-plan"), any(Object[].class)))
        .thenReturn("“通知.txt”中没有找到任务或指标，不像是规划文件，未保存");
    logIn("planner1");
    PlanImportJobs.Status started = jobs.start("通知.txt", new byte[] {1}, Optional.empty(), "::1");
    PlanImportJobs.Status failed = finish(started.id(), "planner1");
    assertThat(failed.state()).isEqualTo(PlanImportJobs.State.FAILED);
    assertThat(failed.planId()).isEmpty();
    assertThat(failed.message()).hasValue("“通知.txt”中没有找到任务或指标，不像是规划文件，未保存");
  }
}
