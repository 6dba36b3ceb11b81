package org.qingshan.hj212.packet;

/**
 * One numeric value of a factor.
 *
 * @param suffix which value (real-time, average, converted average...)
 * @param value the number as sent
 */
public record FactorValue(Suffix suffix, double value) {}
