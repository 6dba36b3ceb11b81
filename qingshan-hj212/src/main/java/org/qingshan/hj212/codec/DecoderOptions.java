package org.qingshan.hj212.codec;

import java.util.Objects;

/**
 * Settings of the decoder.
 *
 * @param maxSegmentLength largest accepted data segment in bytes; the standard says 1024 but real
 *     devices send more, so the default is the 4-digit field's limit, 9999
 * @param crcPolicy which CRC dialect each device may use
 * @param deviceKeys each device's SM4 key (HJ 212-2025), tried when a CRC does not match
 */
public record DecoderOptions(int maxSegmentLength, CrcPolicy crcPolicy, DeviceKeys deviceKeys) {

  public static final int DEFAULT_MAX_SEGMENT_LENGTH = 9999;

  public DecoderOptions {
    if (maxSegmentLength < 0 || maxSegmentLength > 9999) {
      throw new IllegalArgumentException("maxSegmentLength must be 0..9999: " + maxSegmentLength);
    }
    Objects.requireNonNull(crcPolicy);
    Objects.requireNonNull(deviceKeys);
  }

  /** Options without SM4 keys. */
  public DecoderOptions(int maxSegmentLength, CrcPolicy crcPolicy) {
    this(maxSegmentLength, crcPolicy, DeviceKeys.none());
  }

  /** Maximum 9999, standard CRC for every device. */
  public static DecoderOptions defaults() {
    return new DecoderOptions(DEFAULT_MAX_SEGMENT_LENGTH, CrcPolicy.STRICT);
  }

  public DecoderOptions withMaxSegmentLength(int max) {
    return new DecoderOptions(max, crcPolicy, deviceKeys);
  }

  public DecoderOptions withCrcPolicy(CrcPolicy policy) {
    return new DecoderOptions(maxSegmentLength, policy, deviceKeys);
  }

  public DecoderOptions withDeviceKeys(DeviceKeys keys) {
    return new DecoderOptions(maxSegmentLength, crcPolicy, keys);
  }
}
