package org.qingshan.server.plandispatch;

import java.util.List;

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
}
