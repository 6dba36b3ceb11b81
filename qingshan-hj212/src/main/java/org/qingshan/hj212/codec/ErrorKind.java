package org.qingshan.hj212.codec;

import java.util.Locale;

/** Why a packet was rejected, in the order the checks run. */
public enum ErrorKind {
  /** No {@code ##}, no four-digit length, or no four hex digits at the end. */
  FRAME,
  /** Declared length differs from the segment's length in bytes, or exceeds the maximum. */
  LENGTH,
  /** The checksum does not match the segment. */
  CRC,
  /** A required field (ST, CN, PW, MN, CP) is missing or malformed. */
  FIELD,
  /** A value that must be a number, flag or time is not one. */
  VALUE;

  /** Lower-case name used in reports and JSON. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
