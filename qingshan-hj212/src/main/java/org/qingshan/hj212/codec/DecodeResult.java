package org.qingshan.hj212.codec;

import java.util.Optional;
import org.qingshan.hj212.packet.Packet;

/** Outcome of decoding one candidate frame: a packet or a typed error, never an exception. */
public sealed interface DecodeResult {

  /** The packet, if valid. */
  default Optional<Packet> packet() {
    return this instanceof Valid v ? Optional.of(v.value()) : Optional.empty();
  }

  /** The error, if invalid. */
  default Optional<DecodeError> error() {
    return this instanceof Invalid i ? Optional.of(i.value()) : Optional.empty();
  }

  default boolean isValid() {
    return this instanceof Valid;
  }

  /** A packet that passed framing, length, CRC and field checks. */
  record Valid(Packet value) implements DecodeResult {}

  /** A rejected frame. */
  record Invalid(DecodeError value) implements DecodeResult {}
}
