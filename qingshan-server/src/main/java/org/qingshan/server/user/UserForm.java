package org.qingshan.server.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;

/** What an admin types to create or change a user. */
public record UserForm(
    @NotBlank(message = "{user.username.required}")
        @Pattern(regexp = "[A-Za-z0-9_.-]{2,64}", message = "{user.username.pattern}")
        String username,
    @NotBlank(message = "{user.display-name.required}") @Size(max = 100) String displayName,
    Long departmentId,
    @Pattern(regexp = "[0-9+\\- ]{0,40}", message = "{user.phone.pattern}") String phone,
    @NotEmpty(message = "{user.roles.required}") Set<Role> roles,
    boolean enabled,
    String password) {

  public Optional<Long> department() {
    return Optional.ofNullable(departmentId);
  }

  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phone).map(String::trim).filter(p -> !p.isEmpty());
  }

  public static UserForm empty() {
    return new UserForm("", "", null, "", Set.of(), true, "");
  }

  public static UserForm of(AppUser u) {
    return new UserForm(
        u.username(),
        u.displayName(),
        u.departmentId().orElse(null),
        u.phone().orElse(""),
        u.roles(),
        u.enabled(),
        "");
  }
}
