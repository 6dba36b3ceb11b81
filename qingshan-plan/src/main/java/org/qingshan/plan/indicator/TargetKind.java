package org.qingshan.plan.indicator;

/** What an indicator's target cell says, so evaluation knows how to compare a measured value. */
public enum TargetKind {
  /** A number where lower is better (PM2.5 concentration, 劣Ⅴ类 share, fertiliser use). */
  NUMERIC_LOWER_BETTER("numeric_lower_better"),
  /** A number where higher is better (优良天数比率, 达到或好于Ⅲ类 share, reduction amounts). */
  NUMERIC_HIGHER_BETTER("numeric_higher_better"),
  /** A number whose direction the importer could not tell; a planner sets it. */
  NUMERIC("numeric"),
  /** A change relative to a base year, e.g. 较2020年减少6%. */
  RELATIVE("relative"),
  /** A five-year cumulative value written in brackets, e.g. [4.08]. */
  CUMULATIVE("cumulative"),
  /** Set by a higher level later, e.g. 完成市下达任务; to be filled in. */
  ASSIGNED("assigned"),
  /** Words, not numbers: 稳中向好, 全面消除, 有效保障. */
  QUALITATIVE("qualitative"),
  /** No target given (—). */
  NONE("none");

  private final String jsonName;

  TargetKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }
}
