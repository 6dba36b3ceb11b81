package org.qingshan.hj212.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.util.Optional;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.netty.Hj212FrameDecoder;

/** How the device side connects to a centre and reads its packets. */
final class DeviceBootstrap {
  private DeviceBootstrap() {}

  /**
   * A connection whose pipeline reads the centre's packets and hands them to {@code handlers}; no
   * Nagle delay (a device sends a packet and waits for its answer), 10 s to connect.
   */
  static Bootstrap of(EventLoopGroup group, ChannelHandler... handlers) {
    return of(group, Optional.empty(), handlers);
  }

  /** The same over TLS when {@code tls} is given (a client context trusting the centre). */
  static Bootstrap of(EventLoopGroup group, Optional<SslContext> tls, ChannelHandler... handlers) {
    return of(group, tls, DeviceKeys.none(), handlers);
  }

  /** The same, decrypting what the centre sends with the device's SM4 key (HJ 212-2025). */
  static Bootstrap of(
      EventLoopGroup group, Optional<SslContext> tls, DeviceKeys keys, ChannelHandler... handlers) {
    PacketDecoder decoder = new PacketDecoder(DecoderOptions.defaults().withDeviceKeys(keys));
    return new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                tls.ifPresent(t -> ch.pipeline().addLast(t.newHandler(ch.alloc())));
                ch.pipeline().addLast(new Hj212FrameDecoder(decoder));
                ch.pipeline().addLast(handlers);
              }
            });
  }
}
