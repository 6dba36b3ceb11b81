package org.qingshan.plan.responsibility;

/** The part a unit plays in a task, as the plan states it. */
public enum ResponsibilityRole {
  /** Named as 牵头. */
  LEAD("lead"),
  /** Named as 配合 or 参与, or as 按职责分工负责 next to a lead. */
  SUPPORT("support"),
  /** Named without any lead in the marker: 责任单位, a joint 按职责分工负责 list, a bare name. */
  RESPONSIBLE("responsible");

  private final String jsonName;

  ResponsibilityRole(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
