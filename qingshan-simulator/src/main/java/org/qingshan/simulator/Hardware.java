package org.qingshan.simulator;

/**
 * What an HJ 212-2025 logger without an MN sends with CN=1001 (table C2) so that the centre can
 * tell it apart: its serial (i23005), CPUID (i23006) and two MACs (i23007, i23008).
 */
public record Hardware(String serial, String cpuId, String mac1, String mac2) {}
