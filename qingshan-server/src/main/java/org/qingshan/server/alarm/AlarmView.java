package org.qingshan.server.alarm;

import java.util.Optional;

/** An alarm with the names a list shows: the device's MN, the enterprise, outlet and facility. */
public record AlarmView(
    Alarm alarm,
    Optional<String> mn,
    Optional<String> deviceName,
    Optional<String> enterpriseName,
    Optional<String> outletCode,
    Optional<String> outletName,
    Optional<String> facilityName) {}
