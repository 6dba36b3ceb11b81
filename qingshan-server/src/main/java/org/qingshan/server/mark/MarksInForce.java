package org.qingshan.server.mark;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.registry.OutletRepository;
import org.springframework.stereotype.Component;

/**
 * Whether a value is under a mark in force (filed or accepted, not rejected): the alarm engine asks
 * before judging a value, and a marked value raises nothing. A mark covers data times from its
 * start (inclusive) to its end (exclusive); a whole-outlet mark covers every device bound to the
 * outlet, a device mark every factor of the device unless it names one.
 *
 * <p>Marks are filed by people, so there are few: every mark in force is held in memory, indexed by
 * device and by outlet, and read again after each filing or review commits. Asking costs no query,
 * which the engine needs when it judges every reading of every packet.
 */
@Component
public class MarksInForce {
  private final MarkRepository repository;
  private final OutletRepository outlets;
  private volatile Snapshot snapshot;

  MarksInForce(MarkRepository repository, OutletRepository outlets) {
    this.repository = repository;
    this.outlets = outlets;
  }

  /** The marks in force, by the device they name and by the outlet of whole-outlet marks. */
  private record Snapshot(Map<Long, List<DataMark>> byDevice, Map<Long, List<DataMark>> byOutlet) {
    static Snapshot of(List<DataMark> marks) {
      Map<Long, List<DataMark>> byDevice = new HashMap<>();
      Map<Long, List<DataMark>> byOutlet = new HashMap<>();
      for (DataMark m : marks) {
        if (m.deviceId().isPresent()) {
          byDevice.computeIfAbsent(m.deviceId().get(), k -> new ArrayList<>()).add(m);
        } else {
          byOutlet.computeIfAbsent(m.outletId(), k -> new ArrayList<>()).add(m);
        }
      }
      return new Snapshot(byDevice, byOutlet);
    }
  }

  /** The mark in force over this value, the earliest filed where several overlap. */
  public Optional<DataMark> at(
      long outletId, long deviceId, String factor, LocalDateTime dataTime) {
    Snapshot s = current();
    DataMark found = null;
    for (List<DataMark> list :
        List.of(
            s.byDevice().getOrDefault(deviceId, List.of()),
            s.byOutlet().getOrDefault(outletId, List.of()))) {
      for (DataMark m : list) {
        if (m.covers(outletId, deviceId, factor, dataTime)
            && (found == null || m.filedAt().isBefore(found.filedAt()))) {
          found = m;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean covers(long outletId, long deviceId, String factor, LocalDateTime dataTime) {
    return at(outletId, deviceId, factor, dataTime).isPresent();
  }

  /**
   * As {@link #covers(long, long, String, LocalDateTime)}, the outlet being the device's own (one
   * query for the binding; the engine, knowing the outlet, asks the other form).
   */
  public boolean covers(long deviceId, String factor, LocalDateTime dataTime) {
    return covers(outlets.outletOfDevice(deviceId).orElse(-1L), deviceId, factor, dataTime);
  }

  /**
   * Every mark in force that touches the device (its own and its outlet's) over any part of {@code
   * [from, to)}: a caller judging many values of a device reads them once and asks {@link
   * DataMark#covers} of each value.
   */
  public List<DataMark> forDevice(long deviceId, LocalDateTime from, LocalDateTime to) {
    return repository.inForceForDevice(deviceId, outlets.outletOfDevice(deviceId), from, to);
  }

  /** Reads the marks again now: after marks were written outside this feature (an import, SQL). */
  public void refresh() {
    reload();
  }

  /** Reads the marks again once the change being made now has committed. */
  void changed() {
    AfterCommit.run(this::reload);
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    return s != null ? s : reload();
  }

  // One reader at a time, so a slow first read cannot overwrite a later one.
  private synchronized Snapshot reload() {
    Snapshot s = Snapshot.of(repository.allInForce());
    snapshot = s;
    return s;
  }
}
