package org.qingshan.bench.hj212;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connections that send only junk, as the review's attacker did: {@code ##9999} repeated, or random
 * bytes, at a total rate in bytes a second, each connection opened again when the gateway closes
 * it. For measuring what junk costs the devices beside it and the logs.
 */
final class JunkFlood {
  /** What the junk is. */
  enum Kind {
    /** "##9999" over and over: a declared length of 9999 that never comes. */
    REPEAT,
    /** Random bytes. */
    RANDOM
  }

  private static final int TICKS_PER_SECOND = 100;

  private final EventLoopGroup group;
  private final String host;
  private final int port;
  private final int bytesPerTick;
  private final byte[] pattern;
  private final AtomicReferenceArray<Channel> channels;
  final LongAdder bytesSent = new LongAdder();
  final LongAdder connectionsOpened = new LongAdder();
  final LongAdder closedByGateway = new LongAdder();
  private volatile boolean running;
  private ScheduledFuture<?> ticker;

  JunkFlood(
      EventLoopGroup group, String host, int port, int connections, int bytesPerSecond, Kind kind) {
    this.group = group;
    this.host = host;
    this.port = port;
    this.channels = new AtomicReferenceArray<>(connections);
    this.bytesPerTick = Math.max(1, bytesPerSecond / TICKS_PER_SECOND / connections);
    byte[] p;
    if (kind == Kind.REPEAT) {
      p = "##9999".repeat(bytesPerTick / 6 + 2).getBytes(StandardCharsets.US_ASCII);
    } else {
      p = new byte[bytesPerTick * 64];
      new Random(212).nextBytes(p);
    }
    this.pattern = p;
  }

  void start() {
    running = true;
    for (int i = 0; i < channels.length(); i++) {
      connect(i);
    }
    ticker =
        group
            .next()
            .scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
  }

  void stop() {
    running = false;
    if (ticker != null) {
      ticker.cancel(false);
    }
    for (int i = 0; i < channels.length(); i++) {
      Channel ch = channels.get(i);
      if (ch != null) {
        ch.close();
      }
    }
  }

  private void connect(int slot) {
    if (!running) {
      return;
    }
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
              }
            })
        .connect(host, port)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    f.channel()
                        .eventLoop()
                        .schedule(() -> connect(slot), 100, TimeUnit.MILLISECONDS);
                    return;
                  }
                  connectionsOpened.increment();
                  channels.set(slot, f.channel());
                  f.channel()
                      .closeFuture()
                      .addListener(
                          c -> {
                            if (running) {
                              closedByGateway.increment();
                              connect(slot);
                            }
                          });
                });
  }

  private int offset;

  private void tick() {
    for (int i = 0; i < channels.length(); i++) {
      Channel ch = channels.get(i);
      if (ch == null || !ch.isActive() || !ch.isWritable()) {
        continue;
      }
      int from = offset % (pattern.length - bytesPerTick);
      ByteBuf chunk = Unpooled.wrappedBuffer(pattern, from, bytesPerTick);
      offset += 6 * 97;
      ch.writeAndFlush(chunk, ch.voidPromise());
      bytesSent.add(bytesPerTick);
    }
  }
}
