package org.qingshan.plan.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.responsibility.ResponsibilityMarker;
import org.qingshan.plan.responsibility.ResponsibilityRole;
import org.qingshan.plan.responsibility.StandingRule;
import org.qingshan.plan.responsibility.UnitNames;
import org.qingshan.plan.target.DatedTarget;
import org.qingshan.plan.target.TargetExtractor;

/**
 * Turns governed text plus its markers into {@link Task}s, resolving names through the department
 * directory, and gathers what the plan states once (standing rules) and what needs review.
 */
public final class TaskCollector {

  private final DepartmentDirectory directory;
  private final List<ImportWarning> warnings = new ArrayList<>();
  private final Map<String, StandingRule> standingRules = new LinkedHashMap<>();
  private final Map<String, Integer> unresolved = new LinkedHashMap<>();
  private final Set<String> suspicious = new HashSet<>();

  public TaskCollector(DepartmentDirectory directory) {
    this.directory = directory;
  }

  public void warn(int line, String message) {
    warnings.add(new ImportWarning(line, message));
  }

  public void standingRule(String text, List<String> units, int line) {
    standingRules.putIfAbsent(text, new StandingRule(text, units, line));
  }

  /**
   * A task from its text and the markers that govern it (several when a block had adjacent
   * markers).
   */
  public Task task(
      Optional<String> title, String text, int line, List<ResponsibilityMarker> markers) {
    Set<String> lead = new LinkedHashSet<>();
    Set<String> support = new LinkedHashSet<>();
    Set<String> responsible = new LinkedHashSet<>();
    for (ResponsibilityMarker marker : markers) {
      lead.addAll(repaired(marker.lead(), line));
      support.addAll(repaired(marker.support(), line));
      responsible.addAll(repaired(marker.responsible(), line));
    }
    support.removeAll(lead);
    List<DepartmentAssignment> departments = new ArrayList<>();
    add(departments, lead, ResponsibilityRole.LEAD, line);
    add(departments, support, ResponsibilityRole.SUPPORT, line);
    add(departments, responsible, ResponsibilityRole.RESPONSIBLE, line);
    return new Task(
        title,
        text,
        line,
        List.copyOf(lead),
        List.copyOf(support),
        List.copyOf(responsible),
        departments,
        TargetExtractor.extract(text));
  }

  /**
   * Names with the start of the next name glued to their end (冠县市场监督管理局市场, a lost separator or a
   * line cut) lose the fragment; the planner is told once.
   */
  private List<String> repaired(List<String> names, int line) {
    List<String> result = new ArrayList<>(names.size());
    for (String name : names) {
      Optional<String> whole = UnitNames.withoutTrailingFragment(name);
      if (whole.isPresent() && suspicious.add(name)) {
        warn(
            line,
            "单位名称“"
                + name
                + "”末尾多出“"
                + name.substring(whole.get().length())
                + "”，已按“"
                + whole.get()
                + "”导入，需核对");
      }
      result.add(whole.orElse(name));
    }
    return result;
  }

  private void add(
      List<DepartmentAssignment> departments,
      Set<String> names,
      ResponsibilityRole role,
      int line) {
    for (String name : names) {
      Optional<String> id = directory.resolve(name);
      if (id.isEmpty()) {
        unresolved.putIfAbsent(name, line);
      }
      if (!UnitNames.looksLikeUnit(name) && suspicious.add(name)) {
        warn(line, "单位名称不像完整的机构名称（可能有错字或漏字），需核对：" + name);
      }
      departments.add(new DepartmentAssignment(name, role, id));
    }
  }

  /** The task with the deadline stated beside it (a column of a task table) added as a target. */
  public Task withDeadline(Task task, String deadline) {
    List<DatedTarget> targets = new ArrayList<>(task.targets());
    targets.addAll(TargetExtractor.extract(deadline));
    return new Task(
        task.title(),
        task.text(),
        task.line(),
        task.lead(),
        task.support(),
        task.responsible(),
        task.departments(),
        targets);
  }

  public List<StandingRule> standingRules() {
    return List.copyOf(standingRules.values());
  }

  /** Warnings, then one review line per name the directory did not know. */
  public List<ImportWarning> warnings() {
    List<ImportWarning> all = new ArrayList<>(warnings);
    unresolved.forEach(
        (name, line) -> all.add(new ImportWarning(line, "单位名称未对应到部门，需人工确认：" + name)));
    return all;
  }
}
