package org.qingshan.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.Optional;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.Packet;

/**
 * Netty outbound handler writing {@link Packet}s as HJ 212 frames; the data area of a packet to a
 * device with an SM4 key is encrypted where HJ 212-2025 §6.4.4 says so.
 */
@ChannelHandler.Sharable
public final class Hj212PacketEncoder extends MessageToByteEncoder<Packet> {
  private final DeviceKeys keys;

  /** Writes every packet in plain text. */
  public Hj212PacketEncoder() {
    this(DeviceKeys.none());
  }

  public Hj212PacketEncoder(DeviceKeys keys) {
    this.keys = keys;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Packet msg, ByteBuf out) {
    Optional<Sm4Key> key =
        CommandCode.isEncryptable(msg.cn()) ? keys.keyFor(msg.mn()) : Optional.empty();
    out.writeBytes(
        key.isPresent()
            ? PacketEncoder.encode(msg, key.get(), keys.formFor(msg.mn()))
            : PacketEncoder.encode(msg));
  }
}
