package org.qingshan.server.mark;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.registry.OutletRepository;
import org.springframework.stereotype.Component;

/**
 * Whether a value is under a mark in force (filed or accepted, not rejected): the alarm engine asks
 * before judging a value, and a marked value raises nothing. A mark covers data times from its
 * start (inclusive) to its end (exclusive); a whole-outlet mark covers every device bound to the
 * outlet, a device mark every factor of the device unless it names one.
 */
@Component
public class MarksInForce {
  private final MarkRepository repository;
  private final OutletRepository outlets;

  MarksInForce(MarkRepository repository, OutletRepository outlets) {
    this.repository = repository;
    this.outlets = outlets;
  }

  /** The mark in force over this value, the earliest filed where several overlap. */
  public Optional<DataMark> at(
      long outletId, long deviceId, String factor, LocalDateTime dataTime) {
    return repository.inForceAt(outletId, deviceId, factor, dataTime);
  }

  public boolean covers(long outletId, long deviceId, String factor, LocalDateTime dataTime) {
    return at(outletId, deviceId, factor, dataTime).isPresent();
  }

  /** As {@link #covers(long, long, String, LocalDateTime)}, the outlet being the device's own. */
  public boolean covers(long deviceId, String factor, LocalDateTime dataTime) {
    return at(outlets.outletOfDevice(deviceId).orElse(-1L), deviceId, factor, dataTime).isPresent();
  }

  /**
   * Every mark in force that touches the device (its own and its outlet's) over any part of {@code
   * [from, to)}: a caller judging many values of a device reads them once and asks {@link
   * DataMark#covers} of each value.
   */
  public List<DataMark> forDevice(long deviceId, LocalDateTime from, LocalDateTime to) {
    return repository.inForceForDevice(deviceId, outlets.outletOfDevice(deviceId), from, to);
  }
}
