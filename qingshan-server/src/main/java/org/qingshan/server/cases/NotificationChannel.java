package org.qingshan.server.cases;

/**
 * A way out of the application for case notices (a group robot, later others), besides the in-app
 * notifications every user sees. Implementations send off the caller's thread and never throw: a
 * channel that is down must not undo a case step.
 */
public interface NotificationChannel {
  /** Sends one plain-text notice. */
  void send(String text);
}
