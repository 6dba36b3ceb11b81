package org.qingshan.server.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * Whether the current user may open a page or send a form, asked of the same access rules that
 * guard the request. Pages show a button only where pressing it would be allowed, without a second
 * copy of who may do what. Used from templates as {@code @may}.
 */
@Component("may")
public class Permissions {
  private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

  // A provider: the evaluator is built from the security filter chains, which are built later.
  Permissions(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
    this.evaluator = evaluator;
  }

  /** May the user open this path? */
  public boolean get(String path) {
    return allowed("GET", path);
  }

  /** May the user send a form to this path? */
  public boolean post(String path) {
    return allowed("POST", path);
  }

  private boolean allowed(String method, String path) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user != null
        && user.isAuthenticated()
        && evaluator.getObject().isAllowed("", path, method, user);
  }
}
