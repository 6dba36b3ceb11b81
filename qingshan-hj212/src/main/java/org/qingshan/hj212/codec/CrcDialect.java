package org.qingshan.hj212.codec;

/** Which checksum a device is known to send; set per device in the registry. */
public enum CrcDialect {
  /** The CRC of HJ 212-2017 Annex A; the default. */
  STRICT,
  /** Also accept CRC-16/MODBUS printed low byte first, as some field devices send it. */
  ACCEPT_SWAPPED_MODBUS,
  /** Accept any four hex digits: only for a device whose firmware is known to be broken. */
  IGNORE
}
