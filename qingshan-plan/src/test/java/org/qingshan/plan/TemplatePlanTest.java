package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.placeholder.Placeholder;
import org.qingshan.plan.placeholder.PlaceholderKind;
import org.qingshan.plan.task.Task;

/** The county template: 55 tasks, every XXX unit a placeholder, no unit invented. */
class TemplatePlanTest {

  @Test
  void importsTheTemplateWithItsTasksAndUnitPlaceholders() throws Exception {
    Path file = SharedPlans.plan("template-county-2018-2020.txt");
    Plan plan = new PlanImporter().importFile(file);

    assertThat(plan.tasks()).hasSize(55);

    // Every "单位：XXX" in the file, found here independently of the importer, is a unit placeholder.
    List<String> expected = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Pattern unitSlot = Pattern.compile("单位[：:]\\s*(X+)");
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = unitSlot.matcher(lines.get(i));
      while (m.find()) {
        expected.add((i + 1) + ":" + m.group(1));
      }
    }
    List<String> units =
        plan.placeholders().stream()
            .filter(p -> p.kind() == PlaceholderKind.UNIT)
            .map(p -> p.line() + ":" + p.text())
            .toList();
    assertThat(expected).isNotEmpty();
    assertThat(units).containsExactlyElementsOf(expected);
    System.out.printf(
        "[template] %d tasks, %d unit placeholders, %d placeholders in all%n",
        plan.tasks().size(), units.size(), plan.placeholders().size());
  }

  @Test
  void inventsNoUnits() throws Exception {
    Path file = SharedPlans.plan("template-county-2018-2020.txt");
    Plan plan = new PlanImporter().importFile(file);
    String source = Files.readString(file, StandardCharsets.UTF_8);
    for (Task task : plan.tasks()) {
      List<String> names = new ArrayList<>(task.lead());
      names.addAll(task.support());
      names.addAll(task.responsible());
      // The template names no unit at task level: all block units are XXX.
      assertThat(names).as("units of task at line %d", task.line()).isEmpty();
    }
    for (Placeholder placeholder : plan.placeholders()) {
      assertThat(source).contains(placeholder.text());
    }
    assertThat(plan.placeholders()).noneMatch(p -> p.text().matches(".*[^X%].*"));
  }
}
