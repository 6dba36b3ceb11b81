package org.qingshan.server.mark;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user types to file a mark: the outlet, and optionally one device of it and one factor of
 * that device; the enterprise follows from the outlet.
 */
public record MarkForm(
    @NotNull(message = "{mark.outlet.required}") Long outletId,
    Long deviceId,
    @Pattern(regexp = "[A-Za-z0-9]{0,32}", message = "{mark.factor.pattern}") String factor,
    @NotNull(message = "{mark.kind.required}") MarkKind kind,
    @NotNull(message = "{mark.starts.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime startsAt,
    @NotNull(message = "{mark.ends.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime endsAt,
    @NotBlank(message = "{mark.reason.required}") @Size(max = 1000, message = "{mark.reason.size}")
        String reason) {

  public static MarkForm empty() {
    return new MarkForm(null, null, "", null, null, null, "");
  }

  public Optional<Long> device() {
    return Optional.ofNullable(deviceId);
  }

  public Optional<String> factorCode() {
    return Optional.ofNullable(factor).map(String::trim).filter(f -> !f.isEmpty());
  }
}
