package org.qingshan.hj212.cli;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.FrameScanner;
import org.qingshan.hj212.codec.PacketDecoder;

/** Packets read from a byte stream (CR LF, LF or nothing between them), a result per frame. */
final class PacketStream {
  /** Takes each frame's result, in the stream's order. */
  interface Reader {
    void accept(DecodeResult result) throws IOException;
  }

  private PacketStream() {}

  static void read(InputStream in, DecoderOptions options, Reader each) throws IOException {
    PacketDecoder decoder = new PacketDecoder(options);
    FrameScanner scanner = new FrameScanner(options.maxSegmentLength());
    ByteBuf buf = Unpooled.buffer(1 << 16);
    byte[] chunk = new byte[1 << 16];
    boolean eof = false;
    try {
      while (!eof) {
        int n = in.read(chunk);
        if (n < 0) {
          eof = true;
        } else {
          buf.writeBytes(chunk, 0, n);
        }
        Optional<byte[]> candidate;
        while ((candidate = scanner.next(buf, eof)).isPresent()) {
          each.accept(decoder.decode(candidate.get()));
        }
        buf.discardSomeReadBytes();
      }
    } finally {
      buf.release();
    }
  }
}
