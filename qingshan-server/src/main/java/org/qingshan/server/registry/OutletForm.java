package org.qingshan.server.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** What an administrator types to add or change an outlet. */
public record OutletForm(
    @NotBlank(message = "{registry.outlet.code.required}")
        @Pattern(regexp = "\\s*D[AW][0-9]{3}\\s*", message = "{registry.outlet.code.pattern}")
        String code,
    @NotBlank(message = "{registry.outlet.name.required}") @Size(max = 200) String name,
    @NotNull(message = "{registry.outlet.kind.required}") OutletKind kind,
    boolean main,
    @Size(max = 200) String emissionStandard,
    @DecimalMin(value = "-180", message = "{registry.longitude.range}")
        @DecimalMax(value = "180", message = "{registry.longitude.range}")
        Double longitude,
    @DecimalMin(value = "-90", message = "{registry.latitude.range}")
        @DecimalMax(value = "90", message = "{registry.latitude.range}")
        Double latitude) {

  public static OutletForm empty() {
    return new OutletForm("", "", OutletKind.GAS, true, "", null, null);
  }

  public static OutletForm of(Outlet o) {
    return new OutletForm(
        o.code(),
        o.name(),
        o.kind(),
        o.main(),
        o.emissionStandard().orElse(""),
        o.longitude().orElse(null),
        o.latitude().orElse(null));
  }

  Outlet toOutlet(long id, long enterpriseId) {
    return new Outlet(
        id,
        enterpriseId,
        code.trim(),
        name.trim(),
        kind,
        main,
        EnterpriseForm.text(emissionStandard),
        Optional.ofNullable(longitude),
        Optional.ofNullable(latitude));
  }
}
