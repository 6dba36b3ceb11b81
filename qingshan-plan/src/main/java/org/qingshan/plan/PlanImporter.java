package org.qingshan.plan;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.ImportStep;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.common.PlanTooLargeException;
import org.qingshan.plan.document.DocumentReader;
import org.qingshan.plan.document.SourceDocument;
import org.qingshan.plan.document.SourceLine;
import org.qingshan.plan.indicator.IndicatorTable;
import org.qingshan.plan.indicator.IndicatorTableReader;
import org.qingshan.plan.placeholder.Placeholder;
import org.qingshan.plan.placeholder.PlaceholderFinder;
import org.qingshan.plan.project.KeyProject;
import org.qingshan.plan.project.KeyProjectReader;
import org.qingshan.plan.structure.Block;
import org.qingshan.plan.structure.DocumentLayout;
import org.qingshan.plan.structure.Numbering;
import org.qingshan.plan.structure.Outline;
import org.qingshan.plan.structure.OutlineNode;
import org.qingshan.plan.structure.Paragraph;
import org.qingshan.plan.structure.ParagraphAssembler;
import org.qingshan.plan.structure.PlanHeader;
import org.qingshan.plan.task.MarkerPlacement;
import org.qingshan.plan.task.Task;
import org.qingshan.plan.task.TaskCollector;
import org.qingshan.plan.task.TaskSplitter;
import org.qingshan.plan.task.TaskTable;
import org.qingshan.plan.task.TaskTableReader;

/**
 * Imports a plan document (.txt, .docx, .pdf) into a task tree. Nothing is half-imported: either a
 * complete {@link Plan} comes back or a {@link PlanImportException} says why the file is not a
 * plan.
 */
public final class PlanImporter {
  private static final Pattern SPACE_AND_PUNCT = Pattern.compile("[\\s。；;，,]");

  private static final Pattern MARKER_HINT =
      Pattern.compile(
          "(牵\\s*头|主\\s*办|责\\s*任|配\\s*合)\\s*(单\\s*位|部\\s*门)\\s*[:：]|分工负责|牵头[，,、)）]|参与[)）]"
              + "|会同[^。()（）]{2,40}(负责|落实)[)）]");

  private final DepartmentDirectory directory;
  private final ImportLimits limits;

  public PlanImporter() {
    this(DepartmentDirectory.none());
  }

  public PlanImporter(DepartmentDirectory directory) {
    this(directory, ImportLimits.defaults());
  }

  /** An importer that refuses files beyond {@code limits} with a {@link PlanTooLargeException}. */
  public PlanImporter(DepartmentDirectory directory, ImportLimits limits) {
    this.directory = directory;
    this.limits = limits;
  }

  public Plan importFile(Path file) throws PlanImportException {
    ImportBudget budget = ImportBudget.start(limits);
    return importDocument(DocumentReader.read(file, budget), budget);
  }

  public Plan importBytes(String fileName, byte[] bytes) throws PlanImportException {
    return importBytes(fileName, bytes, step -> {});
  }

  /** As {@link #importBytes(String, byte[])}, telling {@code progress} each step as it begins. */
  public Plan importBytes(String fileName, byte[] bytes, Consumer<ImportStep> progress)
      throws PlanImportException {
    ImportBudget budget = ImportBudget.start(limits);
    progress.accept(ImportStep.READING);
    SourceDocument document = DocumentReader.read(fileName, bytes, budget);
    progress.accept(ImportStep.SECTIONS);
    return importDocument(document, budget, progress);
  }

  private Plan importDocument(SourceDocument document, ImportBudget budget)
      throws PlanImportException {
    return importDocument(document, budget, step -> {});
  }

  private Plan importDocument(
      SourceDocument document, ImportBudget budget, Consumer<ImportStep> progress)
      throws PlanImportException {
    List<SourceLine> lines = document.lines();
    DocumentLayout layout = DocumentLayout.locate(lines);
    PlanHeader header = PlanHeader.read(lines, layout);
    budget.checkTime();
    List<SourceLine> body =
        lines.subList(layout.bodyStart(), Math.max(layout.bodyStart(), layout.bodyEnd()));
    IndicatorTable table = IndicatorTableReader.read(body);
    budget.checkTime();
    TaskCollector collector = new TaskCollector(directory);
    List<SourceLine> withoutIndicators = withoutLines(body, table.usedLines());
    List<TaskTable> taskTables = TaskTableReader.read(withoutIndicators, collector);
    Set<Integer> taskTableLines = new HashSet<>();
    taskTables.forEach(t -> taskTableLines.addAll(t.usedLines()));
    budget.checkTime();
    List<SourceLine> text = withoutLines(withoutIndicators, taskTableLines);
    List<Paragraph> paragraphs = ParagraphAssembler.assemble(text, document.hardWrapped(), budget);
    Outline outline = Outline.read(paragraphs, header.title());
    budget.checkTime();
    if (outline.root().children().isEmpty() && outline.root().blocks().isEmpty()) {
      throw new PlanImportException("文件中没有找到规划正文（没有章节、段落或任务），不能作为规划导入");
    }
    progress.accept(ImportStep.TASKS);

    TaskSplitter splitter = new TaskSplitter(collector, MarkerPlacement.of(outline));
    List<KeyProject> projects = new ArrayList<>();
    Reader reader = new Reader(splitter, projects, budget);
    List<Section> sections = new ArrayList<>();
    OutlineNode root = outline.root();
    List<Task> rootTasks =
        reader.tasks(root, root.children().isEmpty() || reader.hasMarkers(root.blocks()), false);
    if (!rootTasks.isEmpty()) {
      sections.add(
          new Section(
              Optional.empty(), header.title(), firstLine(rootTasks), List.of(), rootTasks));
    }
    for (int i = 0; i < root.children().size(); i++) {
      OutlineNode chapter = root.children().get(i);
      boolean review = i == 0 && root.children().size() > 2;
      sections.add(reader.section(chapter, !review || reader.hasMarkers(chapter)));
    }
    for (TaskTable taskTable : taskTables) {
      sections.add(
          new Section(
              Optional.empty(),
              taskTable.caption(),
              taskTable.line(),
              List.of(),
              taskTable.tasks()));
    }
    if (sections.stream().mapToInt(Section::taskCount).sum() == 0
        && table.rows().isEmpty()
        && root.children().isEmpty()) {
      throw new PlanImportException("文件中没有找到章节、任务或指标表，不像是一份规划文本");
    }

    List<ImportWarning> warnings = new ArrayList<>(table.warnings());
    warnings.addAll(collector.warnings());
    if (!layout.hasTitle()) {
      warnings.add(new ImportWarning(1, "没有找到规划标题，已取首行或印发通知中的书名"));
    }
    if (header.period().isEmpty()) {
      warnings.add(new ImportWarning(layout.titleTo() + 1, "标题中没有写明规划期（年份或“十X五”），规划期未设定"));
    }
    warnings.sort(Comparator.comparingInt(ImportWarning::line));
    return Plan.builder()
        .title(header.title())
        .issuer(header.issuer())
        .documentNumber(header.documentNumber())
        .date(header.date())
        .period(header.period())
        .indicators(table.rows(), table.missing())
        .sections(sections)
        .standingRules(collector.standingRules())
        .keyProjects(projects)
        .placeholders(placeholders(lines))
        .warnings(warnings)
        .build();
  }

  /** Walks the outline; knows which parts of the plan assign work and which list projects. */
  private static final class Reader {
    private final TaskSplitter splitter;
    private final List<KeyProject> projects;
    private final ImportBudget budget;
    private final Map<OutlineNode, Boolean> markerCache = new IdentityHashMap<>();

    Reader(TaskSplitter splitter, List<KeyProject> projects, ImportBudget budget) {
      this.splitter = splitter;
      this.projects = projects;
      this.budget = budget;
    }

    Section section(OutlineNode node, boolean taskRegion) throws PlanTooLargeException {
      return section(node, taskRegion, false);
    }

    private Section section(OutlineNode node, boolean taskRegion, boolean inProjects)
        throws PlanTooLargeException {
      boolean tasksHere = taskRegion && (!node.isFramework() || hasMarkers(node));
      boolean projectsHere =
          (node.isProjectList() || inProjects && !node.isFramework()) && !hasMarkers(node.blocks());
      List<Section> children = new ArrayList<>();
      for (OutlineNode child : node.children()) {
        children.add(section(child, tasksHere, projectsHere));
      }
      List<Task> tasks = tasks(node, tasksHere, projectsHere);
      return new Section(
          node.numbering().map(Numbering::token), node.heading(), node.line(), children, tasks);
    }

    /**
     * The tasks of a heading's blocks. An item numbered deeper than the task item before it
     * (（1）/（2）/① after 1.…（牵头…）) is a sub-task of that task, taking its units when it names none;
     * items under text that names nobody stay tasks of their own, as before.
     */
    List<Task> tasks(OutlineNode node, boolean taskRegion, boolean projectList)
        throws PlanTooLargeException {
      List<TaskNode> tasks = new ArrayList<>();
      Deque<OpenItem> open = new ArrayDeque<>();
      for (Block block : node.blocks()) {
        budget.checkTime();
        if (block.kind() == Block.Kind.BOX || projectList) {
          projects.addAll(KeyProjectReader.read(block.paragraphs()));
          open.clear();
          continue;
        }
        if (!taskRegion) {
          continue;
        }
        Optional<Integer> rank = block.numbering().map(n -> n.style().rank());
        while (!open.isEmpty() && (rank.isEmpty() || open.peek().rank() >= rank.get())) {
          open.pop();
        }
        Optional<TaskNode> parent = Optional.ofNullable(open.peek()).map(OpenItem::item);
        List<Task> split =
            splitter.split(
                block,
                Optional.of(node.heading()).filter(h -> node.line() > 0),
                parent.isPresent());
        TaskNode last = null;
        for (Task task : split) {
          Task own =
              parent.isPresent() && task.unassigned()
                  ? task.inheritingUnitsOf(parent.get().task)
                  : task;
          last = new TaskNode(own);
          (parent.isPresent() ? parent.get().children : tasks).add(last);
        }
        if (last != null && rank.isPresent() && !last.task.unassigned()) {
          open.push(new OpenItem(rank.get(), last));
        }
      }
      return tasks.stream().map(TaskNode::build).toList();
    }

    boolean hasMarkers(OutlineNode node) {
      return markerCache.computeIfAbsent(
          node, n -> hasMarkers(n.blocks()) || n.children().stream().anyMatch(this::hasMarkers));
    }

    boolean hasMarkers(List<Block> blocks) {
      return blocks.stream()
          .flatMap(b -> b.paragraphs().stream())
          .anyMatch(p -> MARKER_HINT.matcher(p.text()).find());
    }
  }

  /** A task while its sub-tasks are being read. */
  private static final class TaskNode {
    private final Task task;
    private final List<TaskNode> children = new ArrayList<>();

    TaskNode(Task task) {
      this.task = task;
    }

    Task build() {
      return children.isEmpty()
          ? task
          : task.withSubTasks(children.stream().map(TaskNode::build).toList());
    }
  }

  /** A numbered task item that later, deeper-numbered items belong to. */
  private record OpenItem(int rank, TaskNode item) {}

  private static List<SourceLine> withoutLines(List<SourceLine> lines, Set<Integer> used) {
    if (used.isEmpty()) {
      return lines;
    }
    List<SourceLine> kept = new ArrayList<>(lines.size());
    for (SourceLine line : lines) {
      kept.add(used.contains(line.number()) ? new SourceLine(line.number(), "", false) : line);
    }
    return kept;
  }

  private static List<Placeholder> placeholders(List<SourceLine> lines) {
    List<Placeholder> found = new ArrayList<>();
    for (SourceLine line : lines) {
      if (line.text().indexOf('X') >= 0 || line.text().indexOf('Ｘ') >= 0) {
        found.addAll(PlaceholderFinder.find(line.text(), line.number(), false));
      }
    }
    return found;
  }

  private static int firstLine(List<Task> tasks) {
    return tasks.isEmpty() ? 0 : tasks.get(0).line();
  }
}
