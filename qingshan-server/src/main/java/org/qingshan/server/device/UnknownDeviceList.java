package org.qingshan.server.device;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.server.ingest.IngestSettings;
import org.qingshan.server.ingest.RefusedDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The list of refused devices an admin reviews, kept to a bound and an age: a flood of made-up MNs
 * must not grow a table without end. What does not fit is counted, and the page says so.
 */
@Component
public class UnknownDeviceList implements RefusedDevices {
  private static final Logger log = LoggerFactory.getLogger(UnknownDeviceList.class);
  private final UnknownDeviceRepository repository;
  private final IngestSettings settings;
  private final Counter evictedCounter;
  private final Counter droppedCounter;
  private final AtomicLong notListed = new AtomicLong();

  UnknownDeviceList(
      UnknownDeviceRepository repository, IngestSettings settings, MeterRegistry meters) {
    this.repository = repository;
    this.settings = settings;
    this.evictedCounter = meters.counter("qingshan.hj212.unknown-devices.evicted");
    this.droppedCounter = meters.counter("qingshan.hj212.unknown-devices.not-recorded");
  }

  @Override
  public void record(String mn, String st, AuthResult reason, String remoteAddr, String packet) {
    if (repository.recordAttempt(
        mn, st, reason, remoteAddr, packet, Math.max(1, settings.unknownDevices()))) {
      evictedCounter.increment();
      notListed.incrementAndGet();
    }
  }

  @Override
  public void dropped() {
    droppedCounter.increment();
    notListed.incrementAndGet();
  }

  /** Refused devices left out of the list since start: made room for others, or not recorded. */
  public long notListed() {
    return notListed.get();
  }

  public int bound() {
    return settings.unknownDevices();
  }

  public Duration retention() {
    return settings.unknownDeviceRetention();
  }

  @Scheduled(cron = "0 27 3 * * *")
  void purge() {
    int n =
        repository.deleteNotSeenSince(
            OffsetDateTime.now().minus(settings.unknownDeviceRetention()));
    log.info("unknown devices: forgot {} not seen for {}", n, settings.unknownDeviceRetention());
  }
}
