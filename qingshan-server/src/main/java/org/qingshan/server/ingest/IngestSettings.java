package org.qingshan.server.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of what the store takes as real data. A packet beyond them is answered (the device would
 * otherwise send it again forever) but not stored, and counted by reason.
 *
 * @param maxDataTimeAhead how far a DataTime may be ahead of the centre's clock (device clocks
 *     drift; 校时 corrects them)
 * @param maxDataAge how old a DataTime may be (older data is no supplement a bureau asks for)
 * @param maxValue the largest magnitude of a value; no instrument, flow total or meter reading
 *     comes near it
 * @param unknownDevices refused devices kept in the list at most; beyond it the one that knocked
 *     least and longest ago makes room
 * @param unknownDeviceRetention a refused device not seen for this long leaves the list
 */
@ConfigurationProperties("qingshan.ingest")
public record IngestSettings(
    @DefaultValue("1h") Duration maxDataTimeAhead,
    @DefaultValue("1096d") Duration maxDataAge,
    @DefaultValue("1e12") double maxValue,
    @DefaultValue("1000") int unknownDevices,
    @DefaultValue("30d") Duration unknownDeviceRetention) {}
