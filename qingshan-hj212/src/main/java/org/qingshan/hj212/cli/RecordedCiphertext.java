package org.qingshan.hj212.cli;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.qingshan.hj212.codec.Crc16;
import org.qingshan.hj212.codec.DataAreaCipher;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.ErrorKind;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;

/**
 * An HJ 212-2025 packet whose data area came encrypted, read for replay without its key: its plain
 * header says which device sent it and whether it waits for an answer; its bytes are sent as they
 * were recorded, and the centre, which has the key, checks them.
 */
final class RecordedCiphertext {
  private static final PacketDecoder HEADERS = PacketDecoder.standard();

  private RecordedCiphertext() {}

  /** The packet of a frame rejected only because its encrypted data area could not be checked. */
  static Optional<DecodeResult> asRecorded(DecodeResult r) {
    Optional<DecodeError> e = r.error();
    if (e.isEmpty()
        || e.get().kind() != ErrorKind.CRC
        || !DataAreaCipher.looksEncrypted(e.get().bytes())) {
      return Optional.empty();
    }
    byte[] wire = e.get().bytes();
    String text = new String(wire, StandardCharsets.ISO_8859_1);
    int cp = text.indexOf("CP=&&");
    if (cp < 6) {
      return Optional.empty();
    }
    // the header alone, as an empty plain packet, through the ordinary decoder
    String seg = text.substring(6, cp + 5) + "&&";
    byte[] b = seg.getBytes(StandardCharsets.ISO_8859_1);
    String frame = String.format("##%04d%s%s", b.length, seg, Crc16.format(Crc16.hj212(b)));
    Optional<Packet> header = HEADERS.decode(frame).packet();
    if (header.isEmpty() || header.get().protocol() != ProtocolVersion.HJ_212_2025) {
      return Optional.empty();
    }
    return Optional.of(
        new DecodeResult.Valid(header.get().toBuilder().raw(wire).encrypted(true).build()));
  }
}
