package org.qingshan.server.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** What a user types to add or change a contact. */
public record ContactForm(
    @NotNull(message = "{contact.department.required}") Long departmentId,
    @NotBlank(message = "{contact.name.required}") @Size(max = 100) String name,
    @Size(max = 100) String position,
    @NotBlank(message = "{contact.phone.required}")
        @Pattern(regexp = "[0-9+\\- ]{5,40}", message = "{contact.phone.pattern}")
        String phone,
    @Size(max = 500) String duty) {

  public static ContactForm empty(Long departmentId) {
    return new ContactForm(departmentId, "", "", "", "");
  }

  public static ContactForm of(DepartmentContact c) {
    return new ContactForm(
        c.departmentId(), c.name(), c.position().orElse(""), c.phone(), c.duty().orElse(""));
  }

  Optional<String> positionText() {
    return Optional.ofNullable(position).map(String::trim).filter(s -> !s.isEmpty());
  }

  Optional<String> dutyText() {
    return Optional.ofNullable(duty).map(String::trim).filter(s -> !s.isEmpty());
  }
}
