package org.qingshan.hj212.packet;

/**
 * PNUM/PNO of a split packet.
 *
 * @param total PNUM, the number of packets
 * @param number PNO, this packet's 1-based number
 */
public record Split(int total, int number) {}
