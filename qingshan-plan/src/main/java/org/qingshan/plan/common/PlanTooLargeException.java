package org.qingshan.plan.common;

/**
 * The file goes beyond a limit of {@link ImportLimits} (size, count or time) and was refused before
 * it could exhaust memory or a processor; the message says which limit in a planner's words.
 */
public class PlanTooLargeException extends PlanImportException {
  private static final long serialVersionUID = 1L;

  public PlanTooLargeException(String message) {
    super(message);
  }
}
