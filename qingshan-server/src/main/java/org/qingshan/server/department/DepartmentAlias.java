package org.qingshan.server.department;

/** One spelling of a department's name as documents write it. */
public record DepartmentAlias(long id, long departmentId, String alias) {}
