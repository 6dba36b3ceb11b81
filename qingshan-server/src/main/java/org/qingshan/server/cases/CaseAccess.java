package org.qingshan.server.cases;

import java.util.Optional;
import java.util.Set;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and act on a case: the bureau (admin, dispatcher) reads and steers all; the
 * leadership and planners read all and the leadership may 督办; anyone else reads and acts only on
 * the cases handed to them (as a user, through their department or their enterprise) or registered
 * by them. Everything else is refused and audited.
 */
@Component
public class CaseAccess {
  static final String ENTITY = "case";
  private final CurrentUser currentUser;
  private final EnterpriseRepository enterprises;
  private final ApplicationEventPublisher events;

  CaseAccess(
      CurrentUser currentUser, EnterpriseRepository enterprises, ApplicationEventPublisher events) {
    this.currentUser = currentUser;
    this.enterprises = enterprises;
    this.events = events;
  }

  /** The current user's own cases when they see only those; empty for the bureau and leaders. */
  public Optional<CaseSearch.AssignedTo> ownCases() {
    QingshanPrincipal p = currentUser.require();
    if (p.roles().stream().anyMatch(Role::seesAllDepartments)) {
      return Optional.empty();
    }
    Set<Long> departments = currentUser.scope().filter().map(Set::copyOf).orElse(Set.of());
    Optional<Long> enterprise =
        p.has(Role.ENTERPRISE) ? enterprises.enterpriseOfUser(p.userId()) : Optional.empty();
    return Optional.of(new CaseSearch.AssignedTo(p.getUsername(), departments, enterprise));
  }

  public boolean bureau() {
    QingshanPrincipal p = currentUser.require();
    return p.has(Role.ADMIN) || p.has(Role.DISPATCHER);
  }

  /** May the current user read the case? */
  public boolean mayRead(CaseFile c) {
    return ownCases().map(own -> isOwn(c, own)).orElse(true);
  }

  /** Is the current user the case's assignee (themselves, their department, their enterprise)? */
  public boolean isAssignee(CaseFile c) {
    QingshanPrincipal p = currentUser.require();
    if (c.assignee().isEmpty()) {
      return false;
    }
    Assignee a = c.assignee().get();
    return switch (a.kind()) {
      case USER -> a.username().map(p.getUsername()::equals).orElse(false);
      case DEPARTMENT ->
          a.id().map(id -> p.departmentId().map(id::equals).orElse(false)).orElse(false)
              || (!p.roles().stream().anyMatch(Role::seesAllDepartments)
                  && a.id().map(id -> currentUser.scope().allows(id)).orElse(false));
      case ENTERPRISE ->
          p.has(Role.ENTERPRISE)
              && a.id()
                  .map(id -> enterprises.enterpriseOfUser(p.userId()).equals(Optional.of(id)))
                  .orElse(false);
    };
  }

  /** May the current user take this step on the case? */
  public boolean mayTake(CaseFile c, CaseAction action) {
    if (action == CaseAction.SUPERVISE) {
      return bureau() || currentUser.require().has(Role.LEADER);
    }
    if (CaseWorkflow.bureauStep(action)) {
      return bureau();
    }
    if (CaseWorkflow.assigneeStep(action)) {
      return isAssignee(c);
    }
    return mayRead(c);
  }

  /** The case if the current user may read it; otherwise refused (403) and audited. */
  public CaseFile requireReadable(CaseFile c) {
    if (!mayRead(c)) {
      refuse(c.id());
    }
    return c;
  }

  /** Refuses (403, audited) unless the current user may take the step on the case. */
  public void requireStep(CaseFile c, CaseAction action) {
    requireReadable(c);
    if (!mayTake(c, action)) {
      refuse(c.id());
    }
  }

  void refuse(long id) {
    events.publishEvent(new RecordRefused(ENTITY, Optional.of(id)));
    throw new AccessDeniedException("case " + id + " is not the user's to read or act on");
  }

  private static boolean isOwn(CaseFile c, CaseSearch.AssignedTo own) {
    if (c.createdBy().equals(own.username())) {
      return true;
    }
    return c.assignee()
        .map(
            a ->
                switch (a.kind()) {
                  case USER -> a.username().map(own.username()::equals).orElse(false);
                  case DEPARTMENT -> a.id().map(own.departmentIds()::contains).orElse(false);
                  case ENTERPRISE -> a.id().equals(own.enterpriseId());
                })
        .orElse(false);
  }
}
