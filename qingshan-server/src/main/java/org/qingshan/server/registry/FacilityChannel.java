package org.qingshan.server.registry;

/** One code of one device (a meter's d-code, a state's p-code) that reports for a facility. */
public record FacilityChannel(
    long id, long facilityId, long deviceId, String code, ChannelKind kind) {}
