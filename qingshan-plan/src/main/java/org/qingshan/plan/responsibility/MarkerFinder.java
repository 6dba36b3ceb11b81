package org.qingshan.plan.responsibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * Finds responsibility markers in a paragraph. Labelled markers (牵头单位/配合单位/责任单位, the label possibly
 * broken by a page break) are found by their label and extend to the matching bracket of either
 * width, even when the opening or closing bracket is missing. Unlabelled brackets are markers only
 * when they name organisations (县农业农村局牵头…, a bare 县公安局); ordinary parentheticals such as （试行）,
 * （改、扩）, （鲁政办字〔2021〕81号） are not.
 */
public final class MarkerFinder {
  private static final Pattern LEADING_PUNCT = Pattern.compile("^[\\s。；;，,.]+");
  private static final Pattern ROLE_PHRASES =
      Pattern.compile(
          "(并|且)?((按照?|根据|依据)?(各自)?(职责|职能|责任)?分工(负责|落实)?|(按照?|根据|依据)(各自)?(职责|职能|责任)(负责|落实)?|为?(牵头|配合|参与|协助|协办)(单位|部门)?|负责(落实)?|会同|(具体)?(落实|实施)$)");

  private static final Pattern LABEL =
      Pattern.compile(
          "(牵\\s*头|主\\s*办|责\\s*任|配\\s*合|协\\s*办|协\\s*助|参\\s*与|主\\s*责|实\\s*施)\\s*(单\\s*位|部\\s*门)\\s*[:：]?");
  private static final Pattern ROLE_WORDS =
      Pattern.compile("牵头|配合|参与|协助|协办|分工负责|分工落实|负责|会同.{2,}(负责|落实|实施)$");
  private static final Pattern NOT_A_MARKER =
      Pattern.compile("含|除外|下同|即|包括|例如|简称|以下简称|试行|暂行|详见|见附|[0-9]|号|〔|%");

  private MarkerFinder() {}

  public static List<ResponsibilityMarker> find(String text) {
    String folded = Fold.width(text);
    List<ResponsibilityMarker> markers = new ArrayList<>();
    Matcher label = LABEL.matcher(folded);
    int from = 0;
    while (from < folded.length() && label.find(from)) {
      int start = openingBefore(folded, label.start());
      boolean bracketed = start < label.start();
      if (!bracketed && !hasColon(label.group())) {
        // 责任单位 in running prose (…时限和责任单位，…) is not a marker.
        from = label.end();
        continue;
      }
      int end = closingAfter(folded, label.end(), bracketed);
      String raw = text.substring(start, end);
      markers.add(MarkerParser.parse(start, end, raw, inner(raw), true));
      from = end;
    }
    for (int i = 0; i < folded.length(); i++) {
      if (folded.charAt(i) != '(' || insideAny(markers, i)) {
        continue;
      }
      int close = matching(folded, i);
      if (close < 0) {
        continue;
      }
      String body = text.substring(i + 1, close);
      if (MarkerParser.isStandingRule(body)) {
        // （以下各项任务均需各镇（街道）落实，不再一一列出）: a rule for the plan, no task owners.
        markers.add(MarkerParser.parse(i, close + 1, text.substring(i, close + 1), body, false));
        i = close;
        continue;
      }
      if (isUnitList(body, folded, i, close + 1)) {
        String raw = text.substring(i, close + 1);
        ResponsibilityMarker marker = MarkerParser.parse(i, close + 1, raw, body, false);
        if (!marker.names().isEmpty()) {
          markers.add(marker);
        }
        i = close;
      }
    }
    markers.sort(Comparator.comparingInt(ResponsibilityMarker::start));
    // A broken bracket can make two candidates overlap; the first one wins.
    List<ResponsibilityMarker> disjoint = new ArrayList<>();
    for (ResponsibilityMarker marker : markers) {
      if (disjoint.isEmpty() || marker.start() >= disjoint.get(disjoint.size() - 1).end()) {
        disjoint.add(marker);
      }
    }
    return disjoint;
  }

  /**
   * True when the marker ends the text it governs (it follows a finished sentence or ends the
   * paragraph), false for a unit named inside a sentence, e.g. …施工（住建局）。城市道路….
   */
  public static boolean closesText(String text, ResponsibilityMarker marker) {
    String after = LEADING_PUNCT.matcher(text.substring(marker.end())).replaceAll("");
    String rest = Fold.width(text.substring(marker.end())).stripLeading();
    String before = text.substring(0, marker.start()).stripTrailing();
    boolean afterSentence =
        before.isEmpty()
            || "。;!?".indexOf(Fold.width(before.substring(before.length() - 1)).charAt(0)) >= 0;
    boolean roles = marker.labelled() || ROLE_WORDS.matcher(Fold.width(marker.raw())).find();
    if (after.isEmpty() || startsMarker(after)) {
      // A bare name right after a word belongs to that sentence: …污染问题（城管局）。
      return roles || afterSentence;
    }
    if (marker.labelled()) {
      return !(rest.startsWith(",") || rest.startsWith("、"));
    }
    if (roles && (rest.startsWith("。") || rest.startsWith(";"))) {
      // …建设（县治水办牵头，县经信局参与）。推进…: a marker naming roles ends its sentence and governs
      // the text before it; the next sentence starts the next task.
      return true;
    }
    return afterSentence && !(rest.startsWith("。") || rest.startsWith(";"));
  }

  /** True when only punctuation follows the marker in its paragraph. */
  public static boolean endsParagraph(String text, ResponsibilityMarker marker) {
    return LEADING_PUNCT.matcher(text.substring(marker.end())).replaceAll("").isEmpty();
  }

  /** The text starts with another marker (a label, or an opening bracket right before one). */
  private static boolean startsMarker(String text) {
    String head = Fold.width(text.substring(0, Math.min(text.length(), 12)));
    Matcher label = LABEL.matcher(head);
    return label.find() && label.start() < 4 && (label.start() == 0 || head.startsWith("("));
  }

  private static boolean hasColon(String label) {
    return label.endsWith(":") || label.endsWith("：");
  }

  private static String inner(String raw) {
    String body = raw;
    String folded = Fold.width(body);
    if (folded.startsWith("(")) {
      body = body.substring(1);
      folded = folded.substring(1);
    }
    if (folded.endsWith(")") && matchingFromEnd(folded)) {
      body = body.substring(0, body.length() - 1);
    }
    return body;
  }

  /** The closing bracket at the end belongs to the marker, not to a name inside it. */
  private static boolean matchingFromEnd(String folded) {
    int depth = 0;
    for (int i = 0; i < folded.length() - 1; i++) {
      char c = folded.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth <= 0;
  }

  private static int openingBefore(String folded, int labelStart) {
    int i = labelStart - 1;
    while (i >= 0 && Character.isWhitespace(folded.charAt(i))) {
      i--;
    }
    return i >= 0 && folded.charAt(i) == '(' ? i : labelStart;
  }

  /**
   * The end of a labelled marker: the bracket closing it (nested brackets inside names are
   * counted); without a closing bracket, the end of its sentence or of the paragraph.
   */
  private static int closingAfter(String folded, int from, boolean bracketed) {
    int depth = 0;
    for (int i = from; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i + 1;
        }
        depth--;
      }
    }
    // No closing bracket: stop at a full stop that is followed by ordinary text.
    for (int i = from; i < folded.length(); i++) {
      if (folded.charAt(i) == '。') {
        String after = folded.substring(i + 1).stripLeading();
        if (!after.isEmpty() && !LABEL.matcher(after).lookingAt() && !after.startsWith("以下")) {
          return i + 1;
        }
      }
    }
    return folded.length();
  }

  private static int matching(String folded, int open) {
    int depth = 0;
    for (int i = open; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean insideAny(List<ResponsibilityMarker> markers, int offset) {
    for (ResponsibilityMarker m : markers) {
      if (offset >= m.start() && offset < m.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnitList(String body, String folded, int open, int after) {
    String foldedBody = Fold.width(body);
    if (body.isBlank() || body.length() > 300 || NOT_A_MARKER.matcher(foldedBody).find()) {
      return false;
    }
    boolean roles = ROLE_WORDS.matcher(foldedBody).find();
    String names = ROLE_PHRASES.matcher(foldedBody).replaceAll("、");
    List<String> units = UnitNames.split(names);
    long odd = units.stream().filter(u -> !UnitNames.looksLikeUnit(u)).count();
    // With role words, one odd or truncated name among complete ones (县发改局、县财、县水利局按职责分工负责)
    // does not make the list ordinary text: the marker stays, the odd name is flagged for review.
    boolean mostlyUnits = roles && odd == 1 && units.size() - odd >= 2;
    if (units.isEmpty() || odd > 0 && !mostlyUnits) {
      return false;
    }
    if (roles) {
      return true;
    }
    String next = folded.substring(after).stripLeading();
    String previous = folded.substring(0, open).stripTrailing();
    boolean opensSentence =
        previous.isEmpty() || "。;".indexOf(previous.charAt(previous.length() - 1)) >= 0;
    return next.isEmpty() || "。;,，(".indexOf(next.charAt(0)) >= 0 || opensSentence;
  }
}
