package org.qingshan.server.analysis;

import java.util.Optional;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.Assignee;
import org.qingshan.server.cases.Assignees;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.cases.StepInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Cases run through the case service as the people who would take each step; the deadline is then
 * moved where a test needs a case late, as time passing would.
 */
final class CaseFixtures {
  private final CaseService cases;
  private final Assignees assignees;
  private final UserDetailsService users;
  private final JdbcClient jdbc;

  CaseFixtures(CaseService cases, Assignees assignees, UserDetailsService users, JdbcClient jdbc) {
    this.cases = cases;
    this.assignees = assignees;
    this.users = users;
    this.jdbc = jdbc;
  }

  void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  CaseFile open(String title, CaseType type, long enterprise) {
    as("dispatcher");
    return cases.open(
        NewCase.of(title, type, CaseSource.INSPECTION, Severity.MINOR, "现场检查发现")
            .withEnterprise(enterprise));
  }

  CaseFile dispatch(CaseFile c, Assignee to) {
    as("dispatcher");
    return cases.dispatch(c.id(), to, Optional.empty(), StepInput.text("请处理"));
  }

  /** Dispatched to the grid member, handled by them and verified closed. */
  CaseFile closedByGrid(CaseFile c) {
    dispatch(c, assignees.user("grid"));
    as("grid");
    cases.take(c.id(), StepInput.text(""));
    cases.handle(c.id(), StepInput.text("已整改"));
    as("dispatcher");
    return cases.verify(c.id(), true, StepInput.text("核查属实，已整改到位"));
  }

  /** Moves the deadline a day before the case was closed: it was closed late. */
  void closedLate(CaseFile c) {
    jdbc.sql("UPDATE case_file SET deadline = closed_at - INTERVAL '1' DAY WHERE id = :id")
        .param("id", c.id())
        .update();
  }

  /** Moves the deadline of an open case to yesterday: it is overdue. */
  void overdue(CaseFile c) {
    jdbc.sql("UPDATE case_file SET deadline = created_at - INTERVAL '1' DAY WHERE id = :id")
        .param("id", c.id())
        .update();
  }

  void logOut() {
    SecurityContextHolder.clearContext();
  }
}
