package org.qingshan.plan.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.document.SourceLine;
import org.qingshan.plan.responsibility.ResponsibilityMarker;
import org.qingshan.plan.responsibility.UnitNames;
import org.qingshan.plan.structure.Numbering;

/**
 * Reads task division tables (任务分工表), often an annex: one task per row with 牵头单位, 配合单位 or 责任单位
 * columns and a deadline. Roles follow the marker rules: a responsible column next to a lead column
 * names support.
 */
public final class TaskTableReader {

  private static final Pattern TASK = Pattern.compile("任务|工作|措施|事项");
  private static final Pattern CONTENT = Pattern.compile("内容|措施|举措|要求");
  private static final Pattern LEAD = Pattern.compile("牵头|主办|主责");
  private static final Pattern SUPPORT = Pattern.compile("配合|协办|参与|协助");
  private static final Pattern RESPONSIBLE = Pattern.compile("责任(单位|部门)|实施(单位|主体)");
  private static final Pattern DEADLINE = Pattern.compile("时限|时间|期限|进度|完成年");
  private static final Pattern NO = Pattern.compile("^(序号|编号)$");
  private static final Pattern CAPTION = Pattern.compile("分工|任务表|任务清单|责任清单");
  private static final Pattern ROLE_TAIL =
      Pattern.compile("[，,、]?\\s*(等)?\\s*(按照?|根据)?(各自)?(职责|职能|责任)?分工(负责|落实)?$|负责(落实)?$");

  private enum Column {
    NO,
    TASK,
    CONTENT,
    LEAD,
    SUPPORT,
    RESPONSIBLE,
    DEADLINE,
    OTHER
  }

  private TaskTableReader() {}

  public static List<TaskTable> read(List<SourceLine> lines, TaskCollector collector) {
    List<TaskTable> tables = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (!line.tableRow()) {
        continue;
      }
      Optional<Column[]> columns = header(cells(line.text()));
      if (columns.isPresent()) {
        TaskTable table = read(lines, i, columns.get(), collector);
        tables.add(table);
      }
    }
    return tables;
  }

  private static Optional<Column[]> header(List<String> cells) {
    Column[] columns = new Column[cells.size()];
    boolean task = false;
    boolean units = false;
    for (int i = 0; i < cells.size(); i++) {
      String cell = Fold.width(cells.get(i)).replace(" ", "");
      if (cell.length() > 12) {
        return Optional.empty();
      }
      if (NO.matcher(cell).matches()) {
        columns[i] = Column.NO;
      } else if (LEAD.matcher(cell).find()) {
        columns[i] = Column.LEAD;
        units = true;
      } else if (SUPPORT.matcher(cell).find()) {
        columns[i] = Column.SUPPORT;
        units = true;
      } else if (RESPONSIBLE.matcher(cell).find()) {
        columns[i] = Column.RESPONSIBLE;
        units = true;
      } else if (DEADLINE.matcher(cell).find()) {
        columns[i] = Column.DEADLINE;
      } else if (!task && TASK.matcher(cell).find()) {
        columns[i] = Column.TASK;
        task = true;
      } else if (task && CONTENT.matcher(cell).find()) {
        columns[i] = Column.CONTENT;
      } else {
        columns[i] = Column.OTHER;
      }
    }
    return task && units ? Optional.of(columns) : Optional.empty();
  }

  private static TaskTable read(
      List<SourceLine> lines, int headerIndex, Column[] columns, TaskCollector collector) {
    Set<Integer> used = new HashSet<>();
    SourceLine header = lines.get(headerIndex);
    used.add(header.number());
    String caption = "任务分工表";
    for (int j = headerIndex - 1; j >= 0 && j >= headerIndex - 3; j--) {
      String text = lines.get(j).text().strip();
      if (!text.isEmpty()) {
        if (CAPTION.matcher(text).find() && text.length() <= 60) {
          caption = text;
          used.add(lines.get(j).number());
        }
        break;
      }
    }
    List<Task> tasks = new ArrayList<>();
    for (int i = headerIndex + 1; i < lines.size(); i++) {
      SourceLine line = lines.get(i);
      if (line.isBlank()) {
        break;
      }
      if (!line.tableRow()) {
        break;
      }
      used.add(line.number());
      List<String> cells = cells(line.text());
      if (cells.stream().filter(c -> !c.isBlank()).distinct().count() <= 1) {
        continue;
      }
      String task = "";
      String content = "";
      String deadline = "";
      List<String> lead = new ArrayList<>();
      List<String> support = new ArrayList<>();
      List<String> responsible = new ArrayList<>();
      for (int c = 0; c < columns.length && c < cells.size(); c++) {
        String cell = cells.get(c);
        switch (columns[c]) {
          case TASK -> task = withoutNumber(cell);
          case CONTENT -> content = cell;
          case DEADLINE -> deadline = cell;
          case LEAD -> lead.addAll(names(cell));
          case SUPPORT -> support.addAll(names(cell));
          case RESPONSIBLE -> responsible.addAll(names(cell));
          default -> {}
        }
      }
      if (task.isBlank() && content.isBlank()) {
        continue;
      }
      if (lead.isEmpty() && support.isEmpty() && responsible.isEmpty() && deadline.isBlank()) {
        // A group row (一 | 大气污染防治) names a field, not a task.
        continue;
      }
      if (!lead.isEmpty()) {
        // As in a marker: with a lead named, the units listed as responsible support it.
        support.addAll(responsible);
        responsible.clear();
      }
      String text = content.isBlank() ? task : task.isBlank() ? content : task + "：" + content;
      Optional<String> title =
          !task.isBlank() && task.length() <= 30
              ? Optional.of(task.replaceAll("[。；;]+$", ""))
              : Optional.empty();
      Task parsed =
          collector.task(title, text, line.number(), List.of(marker(lead, support, responsible)));
      if (!deadline.isBlank()) {
        parsed = collector.withDeadline(parsed, deadline);
      }
      if (parsed.unassigned()) {
        collector.warn(line.number(), "任务分工表此行没有责任单位，未推断责任单位");
      }
      tasks.add(parsed);
    }
    return new TaskTable(caption, header.number(), tasks, used);
  }

  private static ResponsibilityMarker marker(
      List<String> lead, List<String> support, List<String> responsible) {
    return new ResponsibilityMarker(
        0, 0, "", true, lead, support, responsible, false, Optional.empty(), List.of());
  }

  private static List<String> names(String cell) {
    return UnitNames.split(ROLE_TAIL.matcher(cell.strip()).replaceAll(""));
  }

  private static String withoutNumber(String cell) {
    return Numbering.parse(cell).map(n -> cell.substring(n.end())).orElse(cell).strip();
  }

  private static List<String> cells(String text) {
    return Arrays.stream(text.split("\t", -1)).map(String::strip).toList();
  }
}
