package org.qingshan.server.cases;

import java.util.Locale;

/**
 * One step a person (or the escalation clock) takes on a case. The API's steps name the {@link
 * #code()}; the pages the bundle's label ({@code CaseAction.DISPATCH} …).
 */
public enum CaseAction {
  /** 登记: the case is registered. */
  REGISTER,
  /** 受理 by the bureau. */
  ACCEPT,
  /** 不予受理, with a reason the reporter sees. */
  REJECT,
  /** 转办 to a user, a department or an enterprise. */
  DISPATCH,
  /** 签收: the assignee takes the case on. */
  TAKE,
  /** 办理反馈: the assignee reports handling, with photos and location. */
  HANDLE,
  /** 申请延期 by the assignee. */
  REQUEST_EXTENSION,
  /** 同意延期 by the bureau: a new deadline. */
  GRANT_EXTENSION,
  /** 不同意延期. */
  DENY_EXTENSION,
  /** 核查通过: the case is closed. */
  VERIFY,
  /** 退回: back to the assignee with a reason. */
  SEND_BACK,
  /** 催办: overdue, the assignee is urged. */
  URGE,
  /** 督办: long overdue, escalated to the leadership. */
  SUPERVISE,
  /** 备注: a remark that changes nothing. */
  COMMENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
