package org.qingshan.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;
import org.qingshan.hj212.codec.FrameScanner;
import org.qingshan.hj212.codec.PacketDecoder;

/**
 * Netty inbound handler: turns the byte stream of one connection into {@link
 * org.qingshan.hj212.codec.DecodeResult}s, one per candidate frame, valid or not. Never throws on
 * bad input; junk is reported as a frame error and the stream resynchronises on the next {@code
 * ##}.
 */
public final class Hj212FrameDecoder extends ByteToMessageDecoder {
  private final FrameScanner scanner;
  private final PacketDecoder decoder;

  public Hj212FrameDecoder(PacketDecoder decoder) {
    this.decoder = decoder;
    this.scanner = new FrameScanner(decoder.options().maxSegmentLength());
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    scan(in, out, false);
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    scan(in, out, true);
  }

  private void scan(ByteBuf in, List<Object> out, boolean eof) {
    while (in.isReadable()) {
      Optional<byte[]> candidate = scanner.next(in, eof);
      if (candidate.isEmpty()) {
        return;
      }
      out.add(decoder.decode(candidate.get()));
    }
  }
}
