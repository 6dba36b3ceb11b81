package org.qingshan.plan.task;

import java.util.Optional;
import org.qingshan.plan.responsibility.ResponsibilityRole;

/** A unit named in a task, with its role and the department it resolved to (empty: to review). */
public record DepartmentAssignment(
    String name, ResponsibilityRole role, Optional<String> departmentId) {}
