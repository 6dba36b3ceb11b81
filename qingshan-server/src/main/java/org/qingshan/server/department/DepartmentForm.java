package org.qingshan.server.department;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** What a user types to create or change a department. */
public record DepartmentForm(
    @NotBlank(message = "{department.name.required}") @Size(max = 200) String name,
    @NotNull(message = "{department.kind.required}") DepartmentKind kind,
    Long parent,
    @Min(0) @Max(9999) int sortOrder) {

  public Optional<Long> parentId() {
    return Optional.ofNullable(parent);
  }

  public static DepartmentForm empty() {
    return new DepartmentForm("", DepartmentKind.DEPARTMENT, null, 0);
  }

  public static DepartmentForm of(Department d) {
    return new DepartmentForm(d.name(), d.kind(), d.parentId().orElse(null), d.sortOrder());
  }
}
