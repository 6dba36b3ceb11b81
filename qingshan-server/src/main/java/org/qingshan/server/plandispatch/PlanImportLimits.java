package org.qingshan.server.plandispatch;

import java.util.Arrays;
import java.util.List;
import org.qingshan.plan.common.ByteSize;
import org.qingshan.server.security.UploadSettings;
import org.springframework.stereotype.Component;

/**
 * The plan upload's size limit for the plans page ({@code @planImportLimits}), so its script says a
 * file is too large before sending it rather than after the server refused it.
 */
@Component("planImportLimits")
public class PlanImportLimits {
  private final UploadSettings uploads;

  PlanImportLimits(UploadSettings uploads) {
    this.uploads = uploads;
  }

  public long maxBytes() {
    return uploads.planImportMaxSize().toBytes();
  }

  /** The server's stages of an import, as the progress bar lists them (waiting is not one). */
  public List<PlanImportStage> stages() {
    return Arrays.stream(PlanImportStage.values())
        .filter(s -> s != PlanImportStage.QUEUED)
        .toList();
  }

  /** The limit as people write it (20 MB). */
  public String maxSize() {
    return ByteSize.of(maxBytes());
  }
}
