package org.qingshan.server.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What a logger without an MN sends with CN=1001 (HJ 212-2025 table C2): its serial (i23005), CPUID
 * (i23006) and MACs (i23007, i23008), as the gateway decoded them, for {@link ActivationRequests}.
 */
public record ActivationRequest(
    String serial, String cpuId, List<String> macs, String st, String remoteAddr, Instant at) {
  public ActivationRequest {
    macs = List.copyOf(macs);
  }

  /** A serial as a logger can have it; anything else is junk and is not recorded. */
  public boolean wellFormed() {
    return serial.matches("[0-9A-Za-z_-]{1,64}")
        && cpuId.matches("[0-9A-Za-z_:-]{0,64}")
        && macs.size() <= 2
        && macs.stream().allMatch(m -> m.matches("[0-9A-Fa-f:-]{0,64}"))
        && st.matches("\\d{0,4}");
  }

  public String mac(int i) {
    return macs.size() > i ? macs.get(i) : "";
  }
}
