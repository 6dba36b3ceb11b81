package org.qingshan.server.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** What an administrator types to register or change an enterprise. */
public record EnterpriseForm(
    @NotBlank(message = "{registry.enterprise.name.required}") @Size(max = 200) String name,
    @NotBlank(message = "{registry.credit-code.required}") String creditCode,
    @Pattern(regexp = "([A-T]|[A-T]?[0-9]{2,4})?", message = "{registry.industry-code.pattern}")
        String industryCode,
    @Size(max = 100) String industryName,
    @Size(max = 300) String address,
    @Size(max = 100) String town,
    @Size(max = 100) String grid,
    Long departmentId,
    @DecimalMin(value = "-180", message = "{registry.longitude.range}")
        @DecimalMax(value = "180", message = "{registry.longitude.range}")
        Double longitude,
    @DecimalMin(value = "-90", message = "{registry.latitude.range}")
        @DecimalMax(value = "90", message = "{registry.latitude.range}")
        Double latitude,
    List<KeyPolluterCategory> keyCategories,
    @Size(max = 60) String permitNumber,
    PermitClass permitClass,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate permitValidFrom,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate permitValidTo,
    @Size(max = 100) String contactName,
    @Pattern(regexp = "([0-9+\\- ]{5,40})?", message = "{registry.contact-phone.pattern}")
        String contactPhone) {

  public static EnterpriseForm empty() {
    return new EnterpriseForm(
        "", "", "", "", "", "", "", null, null, null, List.of(), "", null, null, null, "", "");
  }

  public static EnterpriseForm of(Enterprise e) {
    return new EnterpriseForm(
        e.name(),
        e.creditCode().value(),
        e.industryCode().orElse(""),
        e.industryName().orElse(""),
        e.address().orElse(""),
        e.town().orElse(""),
        e.grid().orElse(""),
        e.departmentId().orElse(null),
        e.longitude().orElse(null),
        e.latitude().orElse(null),
        e.keyCategories().stream().sorted().toList(),
        e.permitNumber().orElse(""),
        e.permitClass().orElse(null),
        e.permitValidFrom().orElse(null),
        e.permitValidTo().orElse(null),
        e.contactName().orElse(""),
        e.contactPhone().orElse(""));
  }

  /** The enterprise the form describes, once its credit code is known to be valid. */
  Enterprise toEnterprise(long id, CreditCode code) {
    Set<KeyPolluterCategory> cats = EnumSet.noneOf(KeyPolluterCategory.class);
    if (keyCategories != null) {
      cats.addAll(keyCategories);
    }
    return new Enterprise(
        id,
        name.trim(),
        code,
        text(industryCode),
        text(industryName),
        text(address),
        text(town),
        text(grid),
        Optional.ofNullable(departmentId),
        Optional.ofNullable(longitude),
        Optional.ofNullable(latitude),
        cats,
        text(permitNumber),
        Optional.ofNullable(permitClass),
        Optional.ofNullable(permitValidFrom),
        Optional.ofNullable(permitValidTo),
        text(contactName),
        text(contactPhone));
  }

  static Optional<String> text(String s) {
    return Optional.ofNullable(s).map(String::trim).filter(t -> !t.isEmpty());
  }

  /** Whether a category is ticked, for the form's check boxes. */
  public boolean has(KeyPolluterCategory c) {
    return keyCategories != null && keyCategories.contains(c);
  }
}
