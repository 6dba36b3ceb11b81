package org.qingshan.server.cases;

import org.qingshan.server.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The logged-in user's unread notices, for the page frame's header ({@code @unreadNotices}): a
 * dispatched case is seen on any page, not only on the notices page.
 */
@Component("unreadNotices")
public class UnreadNotices {
  private final NotificationRepository notifications;
  private final CurrentUser currentUser;

  UnreadNotices(NotificationRepository notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  /** The count, 0 for a visitor who is not logged in. */
  public long count() {
    return currentUser.principal().map(p -> notifications.unread(p.getUsername())).orElse(0L);
  }
}
