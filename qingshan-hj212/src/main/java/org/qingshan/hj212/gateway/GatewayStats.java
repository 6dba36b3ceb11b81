package org.qingshan.hj212.gateway;

/**
 * Counters since start.
 *
 * @param connections open connections now
 * @param refused connections refused at the maximum, overall or per address
 * @param packets valid packets received
 * @param invalid invalid frames (bad frame, length, CRC, field or value)
 * @param rejected valid packets of unknown, blocked or wrong-password devices
 * @param stored packets the store confirmed (duplicates included)
 * @param duplicates of which duplicates
 * @param storeFailures packets the store failed
 * @param answers answers written (9014, 9013)
 * @param rateLimited pauses for going over a rate
 * @param backpressurePauses pauses for a slow store
 * @param pending packets waiting for the store now
 * @param lockedOut logins not checked because their MN or address was locked
 * @param junkClosed connections closed for sending only junk or an endless frame
 * @param secondConnections logins of an MN while a connection of it was open
 */
public record GatewayStats(
    long connections,
    long refused,
    long packets,
    long invalid,
    long rejected,
    long stored,
    long duplicates,
    long storeFailures,
    long answers,
    long rateLimited,
    long backpressurePauses,
    long pending,
    long lockedOut,
    long junkClosed,
    long secondConnections) {}
