package org.qingshan.server.plandispatch;

/** A node of a plan's tree: a chapter (top heading), a section under it, or a task. */
public enum DispatchTaskKind {
  CHAPTER,
  SECTION,
  TASK
}
