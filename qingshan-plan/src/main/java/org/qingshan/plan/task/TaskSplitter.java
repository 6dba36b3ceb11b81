package org.qingshan.plan.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qingshan.plan.responsibility.MarkerFinder;
import org.qingshan.plan.responsibility.MarkerParser;
import org.qingshan.plan.responsibility.ResponsibilityMarker;
import org.qingshan.plan.structure.Block;
import org.qingshan.plan.structure.Paragraph;

/**
 * Splits a block into tasks at its markers. With markers after the text, each marker closes the
 * text since the previous one (several tasks on one line are split there); with markers before the
 * text, each marker opens the text up to the next one. A unit named inside a sentence (…施工（住建局）。)
 * governs that sentence only and does not split. Text that no marker governs becomes a task flagged
 * for review, unless it merely introduces the items below it.
 */
public final class TaskSplitter {

  private static final int MAX_RUN_IN_TITLE = 30;
  private static final String UNMARKED = "任务段落没有责任单位标注，未推断责任单位";

  private final TaskCollector collector;
  private final MarkerPlacement placement;

  public TaskSplitter(TaskCollector collector, MarkerPlacement placement) {
    this.collector = collector;
    this.placement = placement;
  }

  /** Pieces of text with the source line where each starts. */
  private static final class Pending {
    private final StringBuilder text = new StringBuilder();
    private int line = -1;
    private Paragraph last;

    void add(Paragraph paragraph, int from, int to) {
      if (from >= to) {
        return;
      }
      String part = paragraph.text().substring(from, to);
      int skip = 0;
      while (skip < part.length() && ignorable(part.charAt(skip))) {
        skip++;
      }
      if (skip == part.length()) {
        return;
      }
      if (text.isEmpty()) {
        line = paragraph.lineAt(from + skip);
        text.append(part.substring(skip));
      } else {
        // Paragraphs stay apart; pieces of one paragraph (around a rule-only marker) join up.
        text.append(paragraph == last ? "" : "\n").append(part);
      }
      last = paragraph;
    }

    boolean substantial() {
      return text.codePoints()
              .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
              .count()
          >= 4;
    }

    boolean titleOnly() {
      String t = text.toString().strip();
      int stop = t.indexOf('。');
      return t.length() <= MAX_RUN_IN_TITLE && (stop < 0 || stop == t.length() - 1);
    }

    String take() {
      String result = text.toString().strip();
      text.setLength(0);
      line = -1;
      return result;
    }
  }

  private static boolean ignorable(char c) {
    return Character.isWhitespace(c) || "。；;，,.、 ".indexOf(c) >= 0;
  }

  public List<Task> split(Block block, Optional<String> headingTitle) {
    return split(block, headingTitle, false);
  }

  /**
   * The tasks of a block; {@code underTask}: the block is an item of a task above it (（1）… under
   * 1.…（牵头…）), so text without a marker of its own is the task's work, neither flagged nor taken
   * for an introduction.
   */
  public List<Task> split(Block block, Optional<String> headingTitle, boolean underTask) {
    Optional<Block> kept = withoutStandingRules(block);
    if (kept.isEmpty()) {
      return List.of();
    }
    Block tasksOnly = kept.get();
    this.underTask = underTask;
    try {
      return placement == MarkerPlacement.AFTER_TEXT
          ? splitAfter(tasksOnly, headingTitle)
          : splitBefore(tasksOnly, headingTitle);
    } finally {
      this.underTask = false;
    }
  }

  /**
   * Whether the block being split is an item of a task (see {@link #split(Block, Optional,
   * boolean)}).
   */
  private boolean underTask;

  private boolean introduces(Block block) {
    return !underTask && block.isIntroduction();
  }

  /**
   * A paragraph that only states a rule for all later tasks (以下各项任务均需各镇（街道）落实，不再一一列出。) is recorded
   * once for the plan and is not a task.
   */
  private Optional<Block> withoutStandingRules(Block block) {
    List<Paragraph> kept = new ArrayList<>();
    List<Paragraph> paragraphs = block.paragraphs();
    for (Paragraph paragraph : paragraphs) {
      String text = paragraph.text();
      boolean first = paragraph == paragraphs.get(0);
      int from = first && block.numbering().isPresent() ? block.numbering().get().end() : 0;
      String body = text.substring(Math.min(from, text.length())).replaceAll("[。.；;\\s]+$", "");
      if (MarkerParser.isStandingRule(body)) {
        ResponsibilityMarker rule = MarkerParser.parse(0, body.length(), body, body, false);
        rule.standingRule()
            .ifPresent(r -> collector.standingRule(r, rule.standingUnits(), paragraph.firstLine()));
      } else {
        kept.add(paragraph);
      }
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        kept.size() == block.paragraphs().size() ? block : block.withParagraphs(kept));
  }

  private List<Task> splitAfter(Block block, Optional<String> headingTitle) {
    List<Task> tasks = new ArrayList<>();
    List<ResponsibilityMarker> lastMarkers = new ArrayList<>();
    List<ResponsibilityMarker> opening = new ArrayList<>();
    Pending pending = new Pending();
    boolean first = true;
    List<Paragraph> paragraphs = block.paragraphs();
    boolean[] later = markersAfter(paragraphs);
    for (int index = 0; index < paragraphs.size(); index++) {
      Paragraph paragraph = paragraphs.get(index);
      String text = paragraph.text();
      int cursor = first && block.numbering().isPresent() ? block.numbering().get().end() : 0;
      List<ResponsibilityMarker> markers = closingMarkers(paragraph, cursor, later[index]);
      if (!first
          && block.kind() == Block.Kind.BODY
          && pending.substantial()
          && opening.isEmpty()
          && !markerOnly(text, markers)) {
        // In plain body text each paragraph is a task of its own; one without marker stands alone.
        if (tasks.isEmpty() && introduces(block)) {
          pending.take();
        } else {
          flagged(tasks, pending, block, headingTitle, UNMARKED);
        }
      }
      first = false;
      for (ResponsibilityMarker marker : markers) {
        pending.add(paragraph, cursor, marker.start());
        cursor = marker.end();
        if (marker.assignsNothing()) {
          continue;
        }
        if (pending.text.isEmpty() && !tasks.isEmpty()) {
          // Markers in a row (牵头单位：… ⏎ 配合单位：…) govern the same text.
          lastMarkers.add(marker);
          tasks.set(tasks.size() - 1, retag(tasks.get(tasks.size() - 1), lastMarkers));
        } else if (pending.text.isEmpty()) {
          opening.add(marker);
        } else {
          lastMarkers = new ArrayList<>(opening);
          lastMarkers.add(marker);
          opening.clear();
          tasks.add(emit(pending, lastMarkers, tasks.isEmpty(), block, headingTitle));
        }
      }
      pending.add(paragraph, cursor, text.length());
    }
    if (pending.substantial()) {
      if (!opening.isEmpty()) {
        tasks.add(emit(pending, opening, tasks.isEmpty(), block, headingTitle));
      } else if (!(tasks.isEmpty() && introduces(block))) {
        String why = lastMarkers.isEmpty() ? UNMARKED : "责任单位标注之后的文字没有责任单位标注，未推断责任单位";
        flagged(tasks, pending, block, headingTitle, why);
      }
    }
    return tasks;
  }

  /**
   * Markers before their text: each marker opens the text up to the next marker or the end of the
   * paragraph. A short run-in title before the first marker stays with the text it opens.
   */
  private List<Task> splitBefore(Block block, Optional<String> headingTitle) {
    List<Task> tasks = new ArrayList<>();
    List<ResponsibilityMarker> opening = new ArrayList<>();
    Pending pending = new Pending();
    boolean first = true;
    List<Paragraph> paragraphs = block.paragraphs();
    boolean[] later = markersAfter(paragraphs);
    for (int index = 0; index < paragraphs.size(); index++) {
      Paragraph paragraph = paragraphs.get(index);
      String text = paragraph.text();
      int cursor = first && block.numbering().isPresent() ? block.numbering().get().end() : 0;
      first = false;
      for (ResponsibilityMarker marker : closingMarkers(paragraph, cursor, later[index])) {
        pending.add(paragraph, cursor, marker.start());
        cursor = marker.end();
        if (marker.assignsNothing()) {
          continue;
        }
        if (!opening.isEmpty() && pending.text.isEmpty()) {
          opening.add(marker);
          continue;
        }
        if (!pending.text.isEmpty() && !(opening.isEmpty() && pending.titleOnly())) {
          flush(tasks, pending, opening, block, headingTitle);
          opening = new ArrayList<>();
        }
        opening.add(marker);
      }
      pending.add(paragraph, cursor, text.length());
      if (pending.substantial()) {
        flush(tasks, pending, opening, block, headingTitle);
        opening = new ArrayList<>();
      }
      // A marker on a line of its own opens the paragraph that follows it.
    }
    flush(tasks, pending, opening, block, headingTitle);
    return tasks;
  }

  private void flush(
      List<Task> tasks,
      Pending pending,
      List<ResponsibilityMarker> opening,
      Block block,
      Optional<String> headingTitle) {
    if (!pending.substantial()) {
      return;
    }
    if (!opening.isEmpty()) {
      tasks.add(emit(pending, List.copyOf(opening), tasks.isEmpty(), block, headingTitle));
    } else if (!(tasks.isEmpty() && introduces(block))) {
      flagged(tasks, pending, block, headingTitle, UNMARKED);
    } else {
      pending.take();
    }
  }

  private static boolean markerOnly(String text, List<ResponsibilityMarker> markers) {
    if (markers.isEmpty()) {
      return false;
    }
    StringBuilder rest = new StringBuilder();
    int at = 0;
    for (ResponsibilityMarker marker : markers) {
      rest.append(text, at, marker.start());
      at = marker.end();
    }
    rest.append(text.substring(at));
    return rest.codePoints()
        .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** Markers that govern text; units named inside a sentence are reported and left in the text. */
  /**
   * For each paragraph of a block, whether a paragraph after it carries a marker: found in one pass
   * from the end, not by a scan per paragraph (a block may hold thousands).
   */
  private static boolean[] markersAfter(List<Paragraph> paragraphs) {
    boolean[] later = new boolean[paragraphs.size()];
    boolean seen = false;
    for (int i = paragraphs.size() - 1; i >= 0; i--) {
      later[i] = seen;
      seen |= !paragraphs.get(i).markers().isEmpty();
    }
    return later;
  }

  /**
   * A bare unit name ending the paragraph right after a word (…绿色施工（县住建局）) governs the task when
   * nothing else in the block does; when a block marker follows (牵头单位：… on the next line), it names
   * the unit of that last sentence only.
   */
  private List<ResponsibilityMarker> closingMarkers(
      Paragraph paragraph, int from, boolean laterMarkers) {
    String text = paragraph.text();
    List<ResponsibilityMarker> closing = new ArrayList<>();
    for (ResponsibilityMarker marker : paragraph.markers()) {
      if (marker.start() < from) {
        continue;
      }
      int line = paragraph.lineAt(marker.start());
      marker
          .standingRule()
          .ifPresent(rule -> collector.standingRule(rule, marker.standingUnits(), line));
      boolean lastInParagraph = MarkerFinder.endsParagraph(text, marker);
      if (MarkerFinder.closesText(text, marker) || lastInParagraph && !laterMarkers) {
        closing.add(marker);
      } else {
        collector.warn(line, "句中标注的单位只对该句有效，未作为整项任务的责任单位：" + marker.raw());
      }
    }
    return closing;
  }

  private void flagged(
      List<Task> tasks, Pending pending, Block block, Optional<String> headingTitle, String why) {
    int line = pending.line;
    if (!underTask) {
      collector.warn(line, why);
    }
    tasks.add(emit(pending, List.of(), tasks.isEmpty(), block, headingTitle));
  }

  private Task emit(
      Pending pending,
      List<ResponsibilityMarker> markers,
      boolean firstInBlock,
      Block block,
      Optional<String> headingTitle) {
    int line = pending.line;
    String text = pending.take();
    Optional<String> title = title(text, firstInBlock, block, headingTitle);
    return collector.task(title, withoutTitle(text, title), line, List.copyOf(markers));
  }

  /**
   * The text after its run-in title: the title is shown once, as the title. A task that is only its
   * title keeps it as its text.
   */
  static String withoutTitle(String text, Optional<String> title) {
    if (title.isEmpty() || !text.startsWith(title.get())) {
      return text;
    }
    String rest = text;
    // Some plans write the title twice (加大农村环境整治力度。加大农村环境整治力度。开展…).
    while (rest.startsWith(title.get())) {
      String after = TITLE_END.matcher(rest.substring(title.get().length())).replaceFirst("");
      if (after.isBlank()) {
        break;
      }
      rest = after;
    }
    return rest;
  }

  private static final Pattern TITLE_END = Pattern.compile("^[\\s。.．:：]+");

  private Task retag(Task task, List<ResponsibilityMarker> markers) {
    return collector.task(task.title(), task.text(), task.line(), List.copyOf(markers));
  }

  /**
   * The run-in title: the first sentence when it is short. Numbered items are written with a title;
   * plain body text only has one when the sentence is a short phrase without a comma. Otherwise the
   * heading above names the task when the block is the whole body of that heading.
   */
  static Optional<String> title(
      String text, boolean firstInBlock, Block block, Optional<String> headingTitle) {
    int stop = text.indexOf('。');
    boolean numbered = firstInBlock && block.kind() != Block.Kind.BODY;
    if (stop > 0) {
      String sentence = text.substring(0, stop).strip();
      if (numbered && sentence.length() <= MAX_RUN_IN_TITLE) {
        return Optional.of(sentence);
      }
      if (!numbered
          && sentence.length() <= 20
          && !sentence.contains("，")
          && !sentence.contains(",")) {
        return Optional.of(sentence);
      }
    } else if (numbered && text.length() <= MAX_RUN_IN_TITLE) {
      return Optional.of(text.strip());
    }
    if (firstInBlock && block.kind() == Block.Kind.BODY && !block.isIntroduction()) {
      return headingTitle;
    }
    return Optional.empty();
  }
}
