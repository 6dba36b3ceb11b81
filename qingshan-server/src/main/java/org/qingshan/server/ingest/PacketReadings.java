package org.qingshan.server.ingest;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The values of one real-time packet in the column {@code data_packet.readings}. Real-time data is
 * nine tenths of what devices send; one row per packet instead of one per value is what lets the
 * store keep up with tens of thousands of packets a second. Aggregates (minute, hour, day) stay one
 * row per value in {@code observation}, where statistics read them.
 *
 * <p>Layout, version 1: a version byte, then per reading: factor (length byte + UTF-8), a presence
 * byte (bits 0–4: value, min, max, cou, converted; bit 5: flag), the present values as 8-byte IEEE
 * doubles in that order, and the flag (length byte + UTF-8).
 */
public final class PacketReadings {
  static final byte VERSION = 1;
  private static final int FLAG_BIT = 1 << 5;
  private static final int KNOWN_BITS = FLAG_BIT | 0x1f;

  private PacketReadings() {}

  /** The bytes of a packet's readings; device, kind and time are the row's own columns. */
  public static byte[] encode(List<Observation> readings) {
    int size = 1;
    for (Observation o : readings) {
      size += 2 + utf8(o.factor()).length + 8 * presentValues(o);
      size += o.flag().map(f -> 1 + utf8(f).length).orElse(0);
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION);
    for (Observation o : readings) {
      putText(out, o.factor());
      OptionalDouble[] values = values(o);
      int mask = o.flag().isPresent() ? FLAG_BIT : 0;
      for (int i = 0; i < values.length; i++) {
        mask |= values[i].isPresent() ? 1 << i : 0;
      }
      out.put((byte) mask);
      for (OptionalDouble v : values) {
        if (v.isPresent()) {
          out.putDouble(v.getAsDouble());
        }
      }
      o.flag().ifPresent(f -> putText(out, f));
    }
    return out.array();
  }

  /**
   * The readings of a stored packet.
   *
   * @throws IllegalArgumentException when the bytes are not readings of a known version
   */
  public static List<Observation> decode(
      long deviceId, ObservationKind kind, LocalDateTime dataTime, byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != VERSION) {
      throw new IllegalArgumentException(
          "readings of an unknown version: " + (bytes.length == 0 ? "empty" : bytes[0]));
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.get();
    List<Observation> out = new ArrayList<>();
    try {
      while (in.hasRemaining()) {
        String factor = text(in);
        int mask = in.get();
        if ((mask & ~KNOWN_BITS) != 0) {
          throw new IllegalArgumentException("readings with unknown presence bits: " + mask);
        }
        OptionalDouble[] values = new OptionalDouble[5];
        for (int i = 0; i < values.length; i++) {
          values[i] =
              (mask & (1 << i)) != 0 ? OptionalDouble.of(in.getDouble()) : OptionalDouble.empty();
        }
        Optional<String> flag = (mask & FLAG_BIT) != 0 ? Optional.of(text(in)) : Optional.empty();
        out.add(
            new Observation(
                deviceId, kind, factor, dataTime, values[0], values[1], values[2], values[3],
                values[4], flag));
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("readings cut short after " + out.size() + " values", e);
    }
    return out;
  }

  private static OptionalDouble[] values(Observation o) {
    return new OptionalDouble[] {o.value(), o.min(), o.max(), o.cou(), o.converted()};
  }

  private static int presentValues(Observation o) {
    int n = 0;
    for (OptionalDouble v : values(o)) {
      n += v.isPresent() ? 1 : 0;
    }
    return n;
  }

  private static byte[] utf8(String s) {
    // Factor codes and flags are short (the store cuts them to 32 and 4 characters); the length
    // byte is a last bound, cutting at a character boundary.
    String text = s;
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    while (b.length > 255) {
      text = text.substring(0, text.length() - 1);
      b = text.getBytes(StandardCharsets.UTF_8);
    }
    return b;
  }

  private static void putText(ByteBuffer out, String s) {
    byte[] b = utf8(s);
    out.put((byte) b.length);
    out.put(b);
  }

  private static String text(ByteBuffer in) {
    byte[] b = new byte[in.get() & 0xff];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
