package org.qingshan.server.alarm;

/**
 * A rule as the admin page edits it: text fields, checked by {@link AlarmRuleService}. A device is
 * given by its MN; a blank field is "any".
 *
 * @param autoCase 自动生成案件: each alarm the rule raises opens a case at once; absent (a form or
 *     program that does not send it) leaves a rule's setting as it is
 */
public record RuleForm(
    String name,
    String type,
    String enterpriseId,
    String outletId,
    String deviceMn,
    String factor,
    String dataKind,
    String threshold,
    String countOrMinutes,
    String severity,
    boolean enabled,
    Boolean autoCase) {

  public static RuleForm empty() {
    return new RuleForm("", "exceedance", "", "", "", "", "", "", "", "MAJOR", true, false);
  }
}
