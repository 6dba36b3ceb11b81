package org.qingshan.plan.responsibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a list of unit names as written in a marker. Names keep their own brackets (各镇（街道）人民政府,
 * 开发区管（工）委); separators are 、，,；; outside brackets; a trailing 等 goes. Two repairs are made because
 * conversions lose separators: a local unit glued to the next name (县水利局聊城市生态环境局冠县分局) is split. A
 * list joined by 、 is several units (各镇、街道办事处 is 各镇 and 街道办事处); an alternative in brackets is one
 * (各镇（街道）).
 */
public final class UnitNames {
  private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]+");
  private static final Pattern HAN_SPACE =
      Pattern.compile("(?<=[\\u4e00-\\u9fff）)])[\\s\\u3000]+(?=[\\u4e00-\\u9fff（(])");
  private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\s:：。.]+|[\\s。.]+$");
  private static final Pattern LEADING_CONJUNCTION =
      Pattern.compile("^(由|及|和|以及)(?=[\\u4e00-\\u9fff]{3})");
  private static final Pattern QUOTES = Pattern.compile("^[“\"‘']|[”\"’']$");
  private static final Pattern DIGITS = Pattern.compile("[0-9０-９%]");

  static final Pattern ORG_SUFFIX =
      Pattern.compile(
          "(局|委员会|委|办公室|办|中心|政府|办事处|公司|集团|院|部|会|队|所|站|厅|处|室|单位|街道|乡镇|镇|联|协|团|银行|社|学校|医院|管委会|指挥部|小组|机构|部门|企业|园区)$");
  private static final Pattern SPLIT_SUFFIX = Pattern.compile("(局|委员会|中心|政府|办事处|公司|院|部|队|会|单位)$");
  private static final Pattern LOCAL_PREFIX =
      Pattern.compile("^([县区旗]|[\\u4e00-\\u9fff]{1,4}[县区旗](?![委级]))");
  private static final Pattern BRANCH = Pattern.compile("^[\\u4e00-\\u9fff]{1,8}分(局|公司|院|中心|行|所)$");
  private static final Pattern PLACEHOLDER = Pattern.compile("^[XＸ]+$");
  private static final Pattern TRAILING_ETC = Pattern.compile("(等|等单位|等部门|等相关单位|等有关单位)$");

  private UnitNames() {}

  /** Names in {@code list}, in order; placeholder-only entries (XXX) are left out. */
  public static List<String> split(String list) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if ((c == ')' || c == '）') && depth > 0) {
        depth--;
      }
      if (depth == 0 && "、，,；;/／".indexOf(c) >= 0) {
        pieces.add(piece.toString());
        piece.setLength(0);
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    List<String> names = new ArrayList<>();
    for (String raw : pieces) {
      String name = tidy(raw);
      if (name.isEmpty() || PLACEHOLDER.matcher(name).matches() || !hasHan(name)) {
        continue;
      }
      for (String part : spaced(name)) {
        names.addAll(unglue(part));
      }
    }
    return names;
  }

  /**
   * Spaces inside a list: between complete unit names they separate units (县发改局 县财政局); inside one
   * name they are layout left by a conversion (冠县 发展和改革局) and go.
   */
  private static List<String> spaced(String name) {
    if (!SPACE.matcher(name).find()) {
      return List.of(name);
    }
    List<String> parts = List.of(SPACE.split(name));
    if (parts.size() > 1 && parts.stream().allMatch(UnitNames::looksLikeUnit)) {
      return parts;
    }
    return List.of(HAN_SPACE.matcher(name).replaceAll(""));
  }

  /** True when the text contains a placeholder where a unit name should be. */
  public static boolean hasPlaceholder(String list) {
    for (String raw : list.split("[、，,；;]")) {
      if (PLACEHOLDER.matcher(tidy(raw)).matches()) {
        return true;
      }
    }
    return false;
  }

  public static boolean looksLikeUnit(String name) {
    // An alternative in brackets after the name (各镇（街道）) is part of one unit.
    String core = TRAILING_ALTERNATIVE.matcher(name).replaceFirst("");
    return name.length() >= 2
        && name.length() <= 40
        && ORG_SUFFIX.matcher(core).find()
        && !DIGITS.matcher(name).find();
  }

  private static final Pattern TRAILING_ALTERNATIVE = Pattern.compile("[(（][^()（）]{1,8}[)）]$");

  /**
   * A complete unit name with a fragment of one to three characters glued after it (冠县市场监督管理局市场:
   * the next name's start left by a lost separator), as the complete name; empty when the name is
   * not of that shape.
   */
  public static Optional<String> withoutTrailingFragment(String name) {
    if (looksLikeUnit(name)) {
      return Optional.empty();
    }
    for (int cut = name.length() - 1; cut >= name.length() - 3 && cut >= 4; cut--) {
      String whole = name.substring(0, cut);
      String rest = name.substring(cut);
      if (looksLikeUnit(whole)
          && SPLIT_SUFFIX.matcher(whole).find()
          && balanced(whole)
          && rest.chars()
              .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        return Optional.of(whole);
      }
    }
    return Optional.empty();
  }

  private static String tidy(String raw) {
    String name = raw.strip();
    name = EDGE_PUNCT.matcher(name).replaceAll("");
    name = LEADING_CONJUNCTION.matcher(name).replaceAll("");
    name = TRAILING_ETC.matcher(name).replaceAll("").strip();
    return QUOTES.matcher(name).replaceAll("").strip();
  }

  /**
   * Splits a name where a local unit is glued to another complete unit. A higher-level body
   * followed by its local branch (聊城市生态环境局冠县分局, 国家税务总局冠县税务局) is one name, so only a left part that
   * is itself a local unit (starts with 县/区 or the county name) is split off.
   */
  static List<String> unglue(String name) {
    for (int i = 4; i <= name.length() - 4; i++) {
      String left = name.substring(0, i);
      String right = name.substring(i);
      if (SPLIT_SUFFIX.matcher(left).find()
          && LOCAL_PREFIX.matcher(left).find()
          && ORG_SUFFIX.matcher(right).find()
          && !BRANCH.matcher(right).matches()
          && !right.startsWith("分")
          && balanced(left)) {
        List<String> names = new ArrayList<>();
        names.add(left);
        names.addAll(unglue(right));
        return names;
      }
    }
    return List.of(name);
  }

  private static boolean balanced(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if (c == ')' || c == '）') {
        depth--;
      }
    }
    return depth == 0;
  }

  static boolean hasHan(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
        return true;
      }
    }
    return false;
  }
}
