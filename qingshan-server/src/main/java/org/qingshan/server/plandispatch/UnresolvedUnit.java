package org.qingshan.server.plandispatch;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A unit name of a draft no department matched, with how many tasks name it and in which roles: one
 * row of the review page's table where the planner assigns departments.
 */
public record UnresolvedUnit(String name, int tasks, List<DispatchUnitRole> roles) {

  /**
   * The name without a county prefix ("冠县行政审批服务局" and "县行政审批服务局" both give "行政审批服务局"), so names of
   * the same unit sort next to each other.
   */
  public String sortKey() {
    int county = name.indexOf('县');
    return county >= 0 && county <= 3 && county < name.length() - 1
        ? name.substring(county + 1)
        : name;
  }

  /** Names a plan writes for all towns and streets together (各镇（街道）人民政府, 各乡镇街道, 各镇街 …). */
  private static final Pattern TOWN_GROUP = Pattern.compile("各(乡)?镇|各乡镇|镇街|乡镇（街道）");

  /** Whether the review page pre-selects 全部乡镇（街道） for this name. */
  public boolean looksLikeTowns() {
    return TOWN_GROUP.matcher(name).find();
  }
}
