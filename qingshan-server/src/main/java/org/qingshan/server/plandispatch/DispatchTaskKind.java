package org.qingshan.server.plandispatch;

/**
 * A node of a plan's tree: a chapter (top heading), a section under it, a task, or a sub-task (an
 * item （1）/① of a task, under it). Tasks and sub-tasks alike are reported on.
 */
public enum DispatchTaskKind {
  CHAPTER,
  SECTION,
  TASK,
  SUBTASK
}
