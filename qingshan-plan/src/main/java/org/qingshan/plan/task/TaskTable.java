package org.qingshan.plan.task;

import java.util.List;
import java.util.Set;

/** A task division table (任务分工表): its caption, header line, tasks and the lines it used. */
public record TaskTable(String caption, int line, List<Task> tasks, Set<Integer> usedLines) {

  public TaskTable {
    tasks = List.copyOf(tasks);
    usedLines = Set.copyOf(usedLines);
  }
}
