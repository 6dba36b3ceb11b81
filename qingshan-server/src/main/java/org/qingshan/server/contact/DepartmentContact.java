package org.qingshan.server.contact;

import java.util.Optional;

/** A liaison of a department: the person a dispatcher calls about that department's tasks. */
public record DepartmentContact(
    long id,
    long departmentId,
    String name,
    Optional<String> position,
    String phone,
    Optional<String> duty) {}
