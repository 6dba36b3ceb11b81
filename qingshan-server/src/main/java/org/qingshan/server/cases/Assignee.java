package org.qingshan.server.cases;

import java.util.Optional;

/**
 * Who a case is handed to: a user (by user name), a department or an enterprise (by id).
 *
 * @param name the user name, the department's or the enterprise's name, for display
 */
public record Assignee(
    AssigneeKind kind, Optional<String> username, Optional<Long> id, String name) {

  public static Assignee user(String username, String displayName) {
    return new Assignee(AssigneeKind.USER, Optional.of(username), Optional.empty(), displayName);
  }

  public static Assignee department(long id, String name) {
    return new Assignee(AssigneeKind.DEPARTMENT, Optional.empty(), Optional.of(id), name);
  }

  public static Assignee enterprise(long id, String name) {
    return new Assignee(AssigneeKind.ENTERPRISE, Optional.empty(), Optional.of(id), name);
  }
}
