package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The case loop through its service: who may take which step, photos, stale pages, audit. */
@DemoServerTest
class CaseServiceTest {
  @Autowired CaseService cases;
  @Autowired Assignees assignees;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aCaseRunsFromRegistrationToClosureWithAPhoto() throws IOException {
    as("dispatcher");
    CaseFile c =
        cases.open(
            NewCase.of("河道漂浮垃圾", CaseType.WATER, CaseSource.INSPECTION, Severity.MINOR, "白河桥下"));
    assertThat(c.status()).isEqualTo(CaseStatus.PENDING);
    assertThat(c.caseNo()).matches("\\d{4}-\\d{4}");
    c = cases.dispatch(c.id(), assignees.user("grid"), Optional.empty(), StepInput.text("请核实"));
    assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(c.assignee().orElseThrow().name()).isEqualTo("网格员 赵强");

    as("grid");
    cases.take(c.id(), StepInput.text(""));
    byte[] png = TestPhotos.png(64, 48, "EXIF owner 13800000000");
    StepInput handled =
        new StepInput(
            "已清理",
            Optional.of(36.1),
            Optional.of(115.2),
            List.of(new MockMultipartFile("photos", "a.png", "image/png", png)),
            Optional.empty());
    c = cases.handle(c.id(), handled);
    assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_VERIFICATION);

    as("dispatcher");
    c = cases.verify(c.id(), true, StepInput.text("经核查已清理完毕"));
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.answer()).contains("经核查已清理完毕");
    List<CaseStep> steps = cases.steps(c.id());
    assertThat(steps)
        .extracting(CaseStep::action)
        .containsExactly(
            CaseAction.REGISTER,
            CaseAction.DISPATCH,
            CaseAction.TAKE,
            CaseAction.HANDLE,
            CaseAction.VERIFY);
    CasePhoto photo = steps.get(3).photos().get(0);
    byte[] stored = cases.photo(c.id(), photo.id()).orElseThrow();
    assertThat(stored).startsWith(0xFF, 0xD8, 0xFF);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13800000000");
    assertThat(steps.get(3).lat()).contains(36.1);
  }

  @Test
  void someoneElsesCaseIsRefusedAndAudited() {
    as("dispatcher");
    CaseFile c =
        cases.open(NewCase.of("噪声扰民", CaseType.NOISE, CaseSource.PATROL, Severity.MINOR, "夜间施工"));
    cases.dispatch(c.id(), assignees.user("grid"), Optional.empty(), StepInput.text(""));
    as("liaison");
    assertThatThrownBy(() -> cases.get(c.id())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> cases.take(c.id(), StepInput.text("")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = 'liaison'"
                        + " AND action = 'ACCESS_DENIED' AND entity_type = 'case'"
                        + " AND entity_id = :id")
                .param("id", String.valueOf(c.id()))
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(2);
    as("grid");
    // a grid member may not take the bureau's steps on their own case
    assertThatThrownBy(() -> cases.verify(c.id(), true, StepInput.text("")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aStalePageAndAStepOutOfTurnAreTold() {
    as("dispatcher");
    CaseFile c =
        cases.open(NewCase.of("扬尘", CaseType.DUST, CaseSource.PATROL, Severity.MINOR, "工地未覆盖"));
    cases.accept(c.id(), StepInput.text(""));
    StepInput stale =
        new StepInput("", Optional.empty(), Optional.empty(), List.of(), Optional.of(c.version()));
    assertThatThrownBy(() -> cases.urge(c.id(), stale))
        .extracting(e -> ((UserFacingException) e).messageKey())
        .isEqualTo("error.stale");
    assertThatThrownBy(() -> cases.verify(c.id(), true, StepInput.text("")))
        .extracting(e -> ((UserFacingException) e).messageKey())
        .isEqualTo("cases.step.not-allowed");
    assertThat(cases.get(c.id()).status()).isEqualTo(CaseStatus.ACCEPTED);
  }

  @Test
  void aPhotoThatIsNoImageStoresNothing() {
    as("dispatcher");
    CaseFile c =
        cases.open(NewCase.of("异味", CaseType.ODOUR, CaseSource.PATROL, Severity.MINOR, "夜间异味"));
    cases.dispatch(c.id(), assignees.user("grid"), Optional.empty(), StepInput.text(""));
    as("grid");
    StepInput bad =
        new StepInput(
            "已处理",
            Optional.empty(),
            Optional.empty(),
            List.of(
                new MockMultipartFile("photos", "x.jpg", "image/jpeg", "MZ not a jpeg".getBytes())),
            Optional.empty());
    assertThatThrownBy(() -> cases.handle(c.id(), bad))
        .extracting(e -> ((UserFacingException) e).messageKey())
        .isEqualTo("photo.not-image");
    assertThat(cases.get(c.id()).status()).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(cases.steps(c.id())).hasSize(2);
  }
}
