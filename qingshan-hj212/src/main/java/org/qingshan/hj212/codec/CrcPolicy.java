package org.qingshan.hj212.codec;

/** Tells the decoder which checksum dialect a device (by MN) is allowed to use. */
@FunctionalInterface
public interface CrcPolicy {

  /** Every device must send the standard CRC. */
  CrcPolicy STRICT = mn -> CrcDialect.STRICT;

  CrcDialect dialectFor(String mn);
}
