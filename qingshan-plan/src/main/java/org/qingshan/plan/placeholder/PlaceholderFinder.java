package org.qingshan.plan.placeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * Finds template placeholders (X, XX, XXX, XX%) and classifies them by context: after a unit label
 * it is a unit; before a unit of measure or after a verb of attainment it is a number; otherwise a
 * name. A Latin X inside a word (NOx, LDAR) is not a placeholder.
 */
public final class PlaceholderFinder {
  private static final Pattern LIST_END = Pattern.compile("[\\s、，,；;)）。]");

  private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z])X+(?![A-Za-z])%?");
  private static final Pattern UNIT_BEFORE =
      Pattern.compile("(单\\s*位|部\\s*门)\\s*[:：]\\s*$|[、，,]\\s*$");
  private static final Pattern NUMBER_AFTER =
      Pattern.compile(
          "^\\s*(%|‰|万|亿|千|百|吨|亩|处|个|座|家|台|辆|天|倍|公里|千米|米|km|蒸吨|立方米|m|平方|户|人|次|项|条|及以上|以上|以下)");
  private static final Pattern NUMBER_BEFORE =
      Pattern.compile("(达到|达|下降|降低|提高到|提高|提升到|增长|减少|控制在|大于或等于|小于或等于|不低于|不高于|不超过|为|率|系数|至|新增)\\s*$");

  private PlaceholderFinder() {}

  /**
   * Placeholders in one line of text; {@code unitContext} is true inside a responsibility marker.
   */
  public static List<Placeholder> find(String text, int line, boolean unitContext) {
    List<Placeholder> found = new ArrayList<>();
    String folded = Fold.width(text);
    Matcher m = TOKEN.matcher(folded);
    while (m.find()) {
      String before = folded.substring(0, m.start());
      String after = folded.substring(m.end());
      String token = text.substring(m.start(), m.end());
      found.add(new Placeholder(kind(token, before, after, unitContext), token, line));
    }
    return found;
  }

  private static PlaceholderKind kind(
      String token, String before, String after, boolean unitContext) {
    if (token.endsWith("%") || token.endsWith("％")) {
      return PlaceholderKind.NUMBER;
    }
    boolean inName =
        !before.isEmpty()
            && isHan(before.charAt(before.length() - 1))
            && !after.isEmpty()
            && isHan(after.charAt(0))
            && !NUMBER_AFTER.matcher(after).find()
            && !NUMBER_BEFORE.matcher(before).find();
    if (inName) {
      return PlaceholderKind.NAME;
    }
    if (UNIT_BEFORE.matcher(before).find()
        && (after.isBlank() || LIST_END.matcher(after).lookingAt())) {
      return PlaceholderKind.UNIT;
    }
    if (unitContext && (after.isBlank() || LIST_END.matcher(after).lookingAt())) {
      return PlaceholderKind.UNIT;
    }
    if (NUMBER_AFTER.matcher(after).find() || NUMBER_BEFORE.matcher(before).find()) {
      return PlaceholderKind.NUMBER;
    }
    return PlaceholderKind.NAME;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
