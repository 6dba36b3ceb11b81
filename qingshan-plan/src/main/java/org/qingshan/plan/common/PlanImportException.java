package org.qingshan.plan.common;

/**
 * The file cannot be read as a plan; the message names the problem in words a planner understands.
 */
public class PlanImportException extends Exception {
  private static final long serialVersionUID = 1L;

  public PlanImportException(String message) {
    super(message);
  }

  public PlanImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
