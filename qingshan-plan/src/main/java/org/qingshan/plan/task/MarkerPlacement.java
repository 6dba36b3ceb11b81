package org.qingshan.plan.task;

/**
 * Whether a document writes its markers after the text they govern (the common case) or before it.
 * Taken from the document as a whole, never from one line.
 */
public enum MarkerPlacement {
  AFTER_TEXT,
  BEFORE_TEXT
}
