package org.qingshan.plan.responsibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * Reads who does what from the text of one marker. Clauses are split at ；;。 outside brackets; a
 * clause either starts with a label (牵头单位：, 配合单位：, 责任单位：) or carries role words after the names
 * (…牵头，…配合, …按职责分工负责). Names without an explicit role are support when the marker names a lead, and
 * responsible otherwise.
 */
public final class MarkerParser {

  private static final Pattern LEAD_LABEL =
      Pattern.compile("^(牵\\s*头|主\\s*办)\\s*(单\\s*位|部\\s*门)?\\s*[:：]");
  private static final Pattern SUPPORT_LABEL =
      Pattern.compile("^(配\\s*合|协\\s*办|协\\s*助|参\\s*与)\\s*(单\\s*位|部\\s*门)\\s*[:：]?");
  private static final Pattern RESPONSIBLE_LABEL =
      Pattern.compile("^(责\\s*任|主\\s*责|实\\s*施)\\s*(单\\s*位|部\\s*门)\\s*[:：]?");
  private static final Pattern ROLE_WORD =
      Pattern.compile(
          "(并|且)?((按照?|根据|依据)?(各自)?(职责|职能|责任)?分\\s*工\\s*(负\\s*责|落\\s*实)?"
              + "|(按照?|根据|依据)(各自)?(职责|职能|责任)(负\\s*责|落\\s*实)?"
              + "|为?(牵头|配合|参与|协助|协办)(单位|部门)?|(分别|共同)?负\\s*责(落实|实施)?"
              + "|会\\s*同|(具体)?(落\\s*实|实\\s*施)(?=\\s*$))");
  private static final Pattern SUPPORT_WORD = Pattern.compile("配合|参与|协助|协办");
  private static final Pattern STANDING_RULE =
      Pattern.compile(
          "以下(各项|所有)?(任务|工作)?[^。;；]*?(均|都|皆|一律)[^。;；]*?(落实|负责|执行|实施)(?:[,，]?\\s*不再(?:一一)?(?:列出|赘述|重复|列明))?");
  private static final Pattern STANDING_UNITS =
      Pattern.compile("(?:均|都|皆|一律)(?:需|须|要|由)?(?:由)?(.+?)(?:负责)?(?:落实|执行|实施)");

  private enum Slot {
    LEAD,
    SUPPORT,
    DEFAULT
  }

  private MarkerParser() {}

  /** True when the whole text is a standing rule and nothing else. */
  public static boolean isStandingRule(String body) {
    Matcher rule = STANDING_RULE.matcher(Fold.width(body).strip());
    return rule.lookingAt() && body.strip().length() - rule.end() <= 2;
  }

  /** Parses the text inside the marker's brackets. */
  public static ResponsibilityMarker parse(
      int start, int end, String raw, String body, boolean labelled) {
    String rest = body;
    Optional<String> standing = Optional.empty();
    List<String> standingUnits = List.of();
    Matcher rule = STANDING_RULE.matcher(Fold.width(rest));
    if (rule.find()) {
      String text = rest.substring(rule.start(), rule.end());
      standing = Optional.of(text);
      Matcher units = STANDING_UNITS.matcher(text);
      standingUnits = units.find() ? UnitNames.split(units.group(1)) : List.of();
      rest = rest.substring(0, rule.start()) + rest.substring(rule.end());
    }
    Set<String> lead = new LinkedHashSet<>();
    Set<String> support = new LinkedHashSet<>();
    Set<String> fallback = new LinkedHashSet<>();
    boolean leadNamed = false;
    boolean placeholders = false;
    for (String clause : clauses(rest)) {
      String text = clause.strip();
      String folded = Fold.width(text);
      Slot labelSlot = null;
      Matcher label;
      if ((label = LEAD_LABEL.matcher(folded)).find()) {
        labelSlot = Slot.LEAD;
      } else if ((label = SUPPORT_LABEL.matcher(folded)).find()) {
        labelSlot = Slot.SUPPORT;
      } else if ((label = RESPONSIBLE_LABEL.matcher(folded)).find()) {
        labelSlot = Slot.DEFAULT;
      } else {
        label = null;
      }
      if (label != null) {
        text = text.substring(label.end());
        folded = folded.substring(label.end());
      }
      placeholders |= UnitNames.hasPlaceholder(stripRoles(text));
      if (labelSlot == Slot.LEAD) {
        leadNamed = true;
      }
      for (Segment segment : segments(text, folded, labelSlot)) {
        List<String> names = UnitNames.split(segment.text());
        switch (segment.slot()) {
          case LEAD -> {
            lead.addAll(names);
            leadNamed = true;
          }
          case SUPPORT -> support.addAll(names);
          default -> fallback.addAll(names);
        }
      }
    }
    List<String> supportList = new ArrayList<>(support);
    List<String> responsible = new ArrayList<>();
    if (leadNamed) {
      fallback.stream().filter(n -> !supportList.contains(n)).forEach(supportList::add);
    } else {
      responsible.addAll(fallback);
      // 配合 without any lead still names helpers; keep them as support.
    }
    supportList.removeAll(lead);
    return new ResponsibilityMarker(
        start,
        end,
        raw,
        labelled,
        new ArrayList<>(lead),
        supportList,
        responsible,
        placeholders,
        standing,
        standingUnits);
  }

  private record Segment(String text, Slot slot) {}

  private static List<Segment> segments(String text, String folded, Slot labelSlot) {
    List<Segment> segments = new ArrayList<>();
    Matcher role = ROLE_WORD.matcher(folded);
    int from = 0;
    // A会同B: A leads, B supports (whatever role word follows B, unless it names one).
    boolean together = false;
    while (role.find()) {
      if (role.end() == role.start()) {
        continue;
      }
      String word = role.group().replace(" ", "");
      Slot slot;
      if (word.contains("会同")) {
        slot = Slot.LEAD;
      } else if (word.contains("牵头")) {
        slot = Slot.LEAD;
      } else if (SUPPORT_WORD.matcher(word).find()) {
        slot = Slot.SUPPORT;
      } else {
        slot = labelSlot == null ? Slot.DEFAULT : labelSlot;
      }
      if (labelSlot != null && slot != Slot.LEAD && slot != Slot.SUPPORT) {
        slot = labelSlot;
      }
      if (together && slot != Slot.LEAD) {
        slot = Slot.SUPPORT;
      }
      segments.add(new Segment(text.substring(from, role.start()), slot));
      together = word.contains("会同");
      from = role.end();
    }
    if (from < text.length()) {
      Slot rest = together ? Slot.SUPPORT : labelSlot == null ? Slot.DEFAULT : labelSlot;
      segments.add(new Segment(text.substring(from), rest));
    }
    return segments;
  }

  private static String stripRoles(String text) {
    return ROLE_WORD.matcher(text).replaceAll("");
  }

  private static final Pattern INNER_LABEL =
      Pattern.compile(
          "(?<=[^\\s(（:：])\\s*(?=(牵\\s*头|主\\s*办|配\\s*合|责\\s*任|协\\s*办|协\\s*助|参\\s*与|实\\s*施)\\s*(单\\s*位|部\\s*门)\\s*[:：])");

  static List<String> clauses(String text) {
    // A second label without a separator (牵头单位：A 配合单位：B) still starts a new clause.
    String body = INNER_LABEL.matcher(text).replaceAll("；");
    List<String> clauses = new ArrayList<>();
    StringBuilder clause = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if ((c == ')' || c == '）') && depth > 0) {
        depth--;
      }
      if (depth == 0 && (c == '；' || c == ';' || c == '。')) {
        clauses.add(clause.toString());
        clause.setLength(0);
      } else {
        clause.append(c);
      }
    }
    clauses.add(clause.toString());
    return clauses;
  }
}
