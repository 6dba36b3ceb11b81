package org.qingshan.server.analysis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What the bureau types to start or change a campaign. */
public record CampaignForm(
    @NotBlank(message = "{campaign.name.required}") @Size(max = 200) String name,
    @Size(max = 2000) String goal,
    @NotNull(message = "{campaign.deadline.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate deadline,
    Long departmentId) {

  public static CampaignForm empty() {
    return new CampaignForm("", "", null, null);
  }

  public static CampaignForm of(Campaign c) {
    return new CampaignForm(c.name(), c.goal(), c.deadline(), c.departmentId().orElse(null));
  }
}
