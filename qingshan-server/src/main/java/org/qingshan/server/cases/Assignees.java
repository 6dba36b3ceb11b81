package org.qingshan.server.cases;

import org.qingshan.server.department.DepartmentRepository;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.user.UserRepository;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Component;

/** Turns what a dispatcher names (a user name, a department, an enterprise) into an assignee. */
@Component
public class Assignees {
  private final UserRepository users;
  private final DepartmentRepository departments;
  private final EnterpriseRepository enterprises;

  Assignees(
      UserRepository users, DepartmentRepository departments, EnterpriseRepository enterprises) {
    this.users = users;
    this.departments = departments;
    this.enterprises = enterprises;
  }

  /** An enabled user, or {@code cases.assignee.unknown}. */
  public Assignee user(String username) {
    return users
        .findByUsername(username == null ? "" : username.trim())
        .filter(u -> u.enabled())
        .map(u -> Assignee.user(u.username(), u.displayName()))
        .orElseThrow(() -> new UserFacingException("cases.assignee.unknown", username));
  }

  public Assignee department(long id) {
    return departments
        .findById(id)
        .map(d -> Assignee.department(d.id(), d.name()))
        .orElseThrow(() -> new UserFacingException("cases.assignee.unknown", id));
  }

  public Assignee enterprise(long id) {
    return enterprises
        .findById(id)
        .map(e -> Assignee.enterprise(e.id(), e.name()))
        .orElseThrow(() -> new UserFacingException("cases.assignee.unknown", id));
  }
}
