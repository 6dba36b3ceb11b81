package org.qingshan.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.packet.Packet;

/** Netty outbound handler writing {@link Packet}s as HJ 212 frames. */
@ChannelHandler.Sharable
public final class Hj212PacketEncoder extends MessageToByteEncoder<Packet> {
  @Override
  protected void encode(ChannelHandlerContext ctx, Packet msg, ByteBuf out) {
    out.writeBytes(PacketEncoder.encode(msg));
  }
}
