package org.qingshan.server.department;

/** The kinds of unit in a county's tree; labels live in the message bundle. */
public enum DepartmentKind {
  GOVERNMENT,
  BUREAU,
  DEPARTMENT,
  TOWN,
  STREET,
  VILLAGE,
  OTHER
}
