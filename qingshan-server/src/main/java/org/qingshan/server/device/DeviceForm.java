package org.qingshan.server.device;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;

/** What an admin types to register a device or change it. */
public record DeviceForm(
    @NotBlank(message = "{device.mn.required}")
        @Pattern(regexp = "[0-9A-Za-z]{1,32}", message = "{device.mn.pattern}")
        String mn,
    @NotBlank(message = "{device.password.required}") @Size(max = 64) String password,
    @NotBlank(message = "{device.st.required}")
        @Pattern(regexp = "\\d{2}", message = "{device.st.pattern}")
        String st,
    @NotBlank(message = "{device.name.required}") @Size(max = 200) String name,
    @NotNull(message = "{device.kind.required}") DeviceKind kind,
    @Size(max = 200) String site,
    Long departmentId,
    @NotNull ProtocolVersion protocol,
    @NotNull CrcDialect crcDialect,
    boolean hourDataExpected,
    @DecimalMin("-180") @DecimalMax("180") Double longitude,
    @DecimalMin("-90") @DecimalMax("90") Double latitude) {

  public static DeviceForm empty() {
    return new DeviceForm(
        "",
        "",
        "31",
        "",
        DeviceKind.STACK_GAS,
        "",
        null,
        ProtocolVersion.HJ_212_2017,
        CrcDialect.STRICT,
        true,
        null,
        null);
  }

  /** A form for a device that knocked unregistered: its MN and ST as it sent them. */
  public static DeviceForm forUnknown(String mn, String st) {
    DeviceForm e = empty();
    return new DeviceForm(
        mn,
        e.password(),
        st == null || st.isBlank() ? e.st() : st,
        "",
        e.kind(),
        "",
        null,
        e.protocol(),
        e.crcDialect(),
        true,
        null,
        null);
  }

  public static DeviceForm of(Device d) {
    return new DeviceForm(
        d.mn(),
        d.password(),
        d.st(),
        d.name(),
        d.kind(),
        d.site().orElse(""),
        d.departmentId().orElse(null),
        d.protocol(),
        d.crcDialect(),
        d.hourDataExpected(),
        d.longitude().orElse(null),
        d.latitude().orElse(null));
  }

  Optional<String> siteText() {
    return Optional.ofNullable(site).map(String::trim).filter(s -> !s.isEmpty());
  }
}
