package org.qingshan.plan;

import java.util.List;
import java.util.Optional;
import org.qingshan.plan.task.Task;

/**
 * A heading of the plan (chapter, section, 节) with its subsections and tasks (each task with its
 * sub-tasks).
 */
public record Section(
    Optional<String> number, String heading, int line, List<Section> sections, List<Task> tasks) {

  public Section {
    sections = List.copyOf(sections);
    tasks = List.copyOf(tasks);
  }

  /** Tasks and sub-tasks under this heading and its subsections. */
  public int taskCount() {
    return (int) tasks.stream().flatMap(Task::withDescendants).count()
        + sections.stream().mapToInt(Section::taskCount).sum();
  }
}
