package org.qingshan.plan.common;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form under which a unit name as written and a department's name or alias are the same unit:
 * without the county prefix (冠县X局 / 县X局 / X局 are one bureau of the county), with the usual short
 * forms written out (住建 → 住房和城乡建设, 市场监管 → 市场监督管理), and without the 和 that some spellings drop
 * (住房城乡建设局 / 住房和城乡建设局). A city body with its county branch (聊城市生态环境局冠县分局) keeps its city name, so
 * it never meets the county's own bureau of the same trade.
 */
public final class DepartmentNameKey {

  /** Short forms and the long forms they stand for, longest first within each trade. */
  private static final List<String[]> SHORT_FORMS =
      List.of(
          new String[] {"住房城乡建设", "住房和城乡建设"},
          new String[] {"住建", "住房和城乡建设"},
          new String[] {"发展改革", "发展和改革"},
          new String[] {"发改", "发展和改革"},
          new String[] {"工业信息化", "工业和信息化"},
          new String[] {"工信", "工业和信息化"},
          new String[] {"人力资源社会保障", "人力资源和社会保障"},
          new String[] {"人社", "人力资源和社会保障"},
          new String[] {"文化旅游", "文化和旅游"},
          new String[] {"文旅", "文化和旅游"},
          new String[] {"市场监管", "市场监督管理"},
          new String[] {"综合执法", "综合行政执法"},
          new String[] {"卫健", "卫生健康"},
          new String[] {"城管", "城市管理"},
          new String[] {"自然资源和规划", "自然资源"},
          new String[] {"自然资源规划", "自然资源"},
          new String[] {"自规", "自然资源"},
          new String[] {"交通局", "交通运输局"},
          new String[] {"农业局", "农业农村局"},
          new String[] {"环保局", "生态环境局"});

  private static final Pattern SPACE = Pattern.compile("[\\s\\u3000]+");
  private static final Pattern TRAILING = Pattern.compile("[等、,，;；。]+$");
  private static final Pattern COUNTY_IN_TITLE =
      Pattern.compile("^(?:[\\u4e00-\\u9fff]{2,5}?市)?([\\u4e00-\\u9fff]{1,5}?[县区旗])");

  private DepartmentNameKey() {}

  /**
   * The county (or district) a plan is written for, from its title: 聊城市冠县“十四五”… → 冠县, 榕湾区生态环境保护… →
   * 榕湾区.
   */
  public static Optional<String> countyOf(String title) {
    Matcher m = COUNTY_IN_TITLE.matcher(SPACE.matcher(title).replaceAll(""));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The key of {@code name} for a plan of {@code county} (empty when the county is not known). */
  public static String of(String name, Optional<String> county) {
    String key = Normalizer.normalize(name, Normalizer.Form.NFKC);
    key = SPACE.matcher(key).replaceAll("");
    key = TRAILING.matcher(key).replaceAll("");
    key = withoutCounty(key, county);
    for (String[] form : SHORT_FORMS) {
      if (key.contains(form[0]) && !key.contains(form[1])) {
        key = key.replace(form[0], form[1]);
      }
    }
    // 住房和城乡建设 / 住房城乡建设: the 和 between two trades is dropped by some spellings.
    return key.replace("和", "");
  }

  private static String withoutCounty(String name, Optional<String> county) {
    if (county.isPresent()
        && name.startsWith(county.get())
        && name.length() > county.get().length() + 1) {
      return name.substring(county.get().length());
    }
    if (county.isPresent()) {
      // 冠县 written without its 县 (冠县 → 冠…局 is rare) is left alone; 县X局 / 区X局 lose the 县 / 区.
      String level = county.get().substring(county.get().length() - 1);
      if (name.startsWith(level) && name.length() > 2) {
        return name.substring(1);
      }
      return name;
    }
    if ((name.startsWith("县") || name.startsWith("区")) && name.length() > 2) {
      return name.substring(1);
    }
    return name;
  }
}
