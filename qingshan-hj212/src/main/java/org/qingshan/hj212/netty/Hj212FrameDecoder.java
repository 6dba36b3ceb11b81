package org.qingshan.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.FrameScanner;
import org.qingshan.hj212.codec.PacketDecoder;

/**
 * Netty inbound handler: turns the byte stream of one connection into {@link
 * org.qingshan.hj212.codec.DecodeResult}s, one per candidate frame, valid or not. Never throws on
 * bad input; junk is reported as a frame error and the stream resynchronises on the next {@code
 * ##}. A connection's bytes held while a frame arrives are bounded by the longest frame the scanner
 * waits for (the maximum segment length and its header and CRC) plus one read.
 *
 * <p>With a frame timeout, a frame begun and not ended within it fires {@link Event#FRAME_TIMEOUT}
 * down the pipeline: a connection trickling one byte every few seconds would otherwise be held for
 * ever, each byte counting as activity.
 */
public final class Hj212FrameDecoder extends ByteToMessageDecoder {
  /** Events fired to the next handlers. */
  public enum Event {
    /** Bytes of an unfinished frame have waited longer than the frame timeout. */
    FRAME_TIMEOUT
  }

  private final FrameScanner scanner;
  private final PacketDecoder decoder;
  private final long frameTimeoutNanos;
  private long partialSince;
  private boolean checkScheduled;

  public Hj212FrameDecoder(PacketDecoder decoder) {
    this(decoder, Duration.ZERO);
  }

  /**
   * @param frameTimeout how long the bytes of an unfinished frame may wait; zero for ever
   */
  public Hj212FrameDecoder(PacketDecoder decoder, Duration frameTimeout) {
    this.decoder = decoder;
    this.scanner = new FrameScanner(decoder.options().maxSegmentLength());
    this.frameTimeoutNanos = frameTimeout.toNanos();
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    scan(in, out, false);
    if (frameTimeoutNanos <= 0) {
      return;
    }
    if (!in.isReadable()) {
      partialSince = 0;
    } else if (partialSince == 0) {
      partialSince = System.nanoTime() | 1; // never 0, which means none
      scheduleCheck(ctx, frameTimeoutNanos);
    }
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    scan(in, out, true);
  }

  private void scheduleCheck(ChannelHandlerContext ctx, long delayNanos) {
    if (checkScheduled) {
      return;
    }
    checkScheduled = true;
    ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    checkScheduled = false;
    if (partialSince == 0 || !ctx.channel().isActive()) {
      return;
    }
    if (!ctx.channel().config().isAutoRead()) {
      // the gateway stopped reading (a slow store, a rate limit): the frame's end may be waiting
      // in the socket, through no fault of the device; its time starts again
      partialSince = System.nanoTime() | 1;
      scheduleCheck(ctx, frameTimeoutNanos);
      return;
    }
    long waited = System.nanoTime() - partialSince;
    if (waited >= frameTimeoutNanos) {
      partialSince = 0;
      ctx.fireUserEventTriggered(Event.FRAME_TIMEOUT);
    } else {
      scheduleCheck(ctx, frameTimeoutNanos - waited);
    }
  }

  /** Bytes received and not yet a frame. */
  int heldBytes() {
    return actualReadableBytes();
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
