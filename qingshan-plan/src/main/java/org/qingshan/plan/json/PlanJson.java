package org.qingshan.plan.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.qingshan.plan.Plan;
import org.qingshan.plan.Section;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.indicator.IndicatorValue;
import org.qingshan.plan.placeholder.Placeholder;
import org.qingshan.plan.project.KeyProject;
import org.qingshan.plan.responsibility.StandingRule;
import org.qingshan.plan.target.DatedTarget;
import org.qingshan.plan.task.DepartmentAssignment;
import org.qingshan.plan.task.Task;

/**
 * Writes a plan as the JSON contract of {@code ./qingshan plan import FILE --json}. Field names and
 * order are the contract; absent values are written as null, never left out.
 */
public final class PlanJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  public static String write(Plan plan) {
    try {
      return MAPPER.writeValueAsString(tree(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan JSON could not be written", e);
    }
  }

  public static ObjectNode tree(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("title", plan.title());
    root.put("issuer", plan.issuer().orElse(null));
    root.put("documentNumber", plan.documentNumber().orElse(null));
    root.put("date", plan.date().map(Object::toString).orElse(null));
    if (plan.period().isPresent()) {
      ObjectNode period = root.putObject("period");
      period.put("from", plan.period().get().from());
      period.put("to", plan.period().get().to());
    } else {
      root.putNull("period");
    }
    ArrayNode indicators = root.putArray("indicators");
    plan.indicators().forEach(row -> indicator(indicators.addObject(), row));
    root.put("indicatorTableMissing", plan.indicatorTableMissing());
    ArrayNode sections = root.putArray("sections");
    plan.sections().forEach(section -> section(sections.addObject(), section));
    ArrayNode rules = root.putArray("standingRules");
    plan.standingRules().forEach(rule -> standingRule(rules.addObject(), rule));
    ArrayNode projects = root.putArray("keyProjects");
    plan.keyProjects().forEach(project -> project(projects.addObject(), project));
    ArrayNode placeholders = root.putArray("placeholders");
    plan.placeholders().forEach(p -> placeholder(placeholders.addObject(), p));
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().forEach(w -> warning(warnings.addObject(), w));
    return root;
  }

  private static void indicator(ObjectNode node, IndicatorTarget row) {
    node.put("no", row.no());
    node.put("category", row.category().orElse(null));
    node.put("name", row.name());
    node.put("unit", row.unit().orElse(null));
    strings(node.putArray("flags"), row.flags());
    node.put("baseline", row.baseline().map(IndicatorValue::written).orElse(null));
    node.put("baselineYear", row.baseline().flatMap(IndicatorValue::year).orElse(null));
    node.put("baselineFootnote", row.baseline().flatMap(IndicatorValue::footnote).orElse(null));
    node.put("target", row.target().map(IndicatorValue::written).orElse(null));
    node.put("targetYear", row.target().flatMap(IndicatorValue::year).orElse(null));
    node.put("targetFootnote", row.target().flatMap(IndicatorValue::footnote).orElse(null));
    node.put("attribute", row.attribute().orElse(null));
    node.put("targetKind", row.targetKind().jsonName());
    node.put("line", row.line());
  }

  private static void section(ObjectNode node, Section section) {
    node.put("number", section.number().orElse(null));
    node.put("heading", section.heading());
    node.put("line", section.line());
    ArrayNode children = node.putArray("sections");
    section.sections().forEach(child -> section(children.addObject(), child));
    ArrayNode tasks = node.putArray("tasks");
    section.tasks().forEach(task -> task(tasks.addObject(), task));
  }

  private static void task(ObjectNode node, Task task) {
    node.put("title", task.title().orElse(null));
    node.put("text", task.text());
    node.put("line", task.line());
    strings(node.putArray("lead"), task.lead());
    strings(node.putArray("support"), task.support());
    strings(node.putArray("responsible"), task.responsible());
    ArrayNode departments = node.putArray("departments");
    for (DepartmentAssignment assignment : task.departments()) {
      ObjectNode d = departments.addObject();
      d.put("name", assignment.name());
      d.put("role", assignment.role().jsonName());
      d.put("departmentId", assignment.departmentId().orElse(null));
    }
    ArrayNode targets = node.putArray("targets");
    for (DatedTarget target : task.targets()) {
      ObjectNode t = targets.addObject();
      t.put("text", target.text());
      t.put("metric", target.metric().orElse(null));
      number(t, "value", target.value());
      t.put("unit", target.unit().orElse(null));
      t.put("comparator", target.comparator().orElse(null));
      t.put("deadline", target.deadline().map(Object::toString).orElse(null));
      t.put("recurring", target.recurring().orElse(null));
    }
    // A sub-task naming no unit of its own carries its task's (lead, support, … above).
    node.put("unitsInherited", task.unitsInherited());
    ArrayNode subtasks = node.putArray("subtasks");
    task.subTasks().forEach(sub -> task(subtasks.addObject(), sub));
  }

  private static void standingRule(ObjectNode node, StandingRule rule) {
    node.put("text", rule.text());
    strings(node.putArray("units"), rule.units());
    node.put("line", rule.line());
  }

  private static void project(ObjectNode node, KeyProject project) {
    node.put("name", project.name());
    node.put("content", project.content().orElse(null));
    number(node, "investment", project.investment());
    node.put("line", project.line());
  }

  private static void placeholder(ObjectNode node, Placeholder placeholder) {
    node.put("kind", placeholder.kind().jsonName());
    node.put("text", placeholder.text());
    node.put("line", placeholder.line());
  }

  private static void warning(ObjectNode node, ImportWarning warning) {
    node.put("line", warning.line());
    node.put("message", warning.message());
  }

  private static void number(ObjectNode node, String field, Optional<BigDecimal> value) {
    if (value.isPresent()) {
      node.put(field, value.get());
    } else {
      node.putNull(field);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
