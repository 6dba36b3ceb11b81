package org.qingshan.bench.hj212;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.Packet;

/**
 * One device connection of the load generator: remembers when each of its packets was due and
 * checks the gateway's answers (a valid 9014 with the packet's QN). Everything runs on the
 * connection's event loop, so plain maps and fields suffice.
 */
final class LoadConnection extends ChannelInboundHandlerAdapter {
  private final Supplier<LoadCounters> run;
  private final boolean poisoning;
  private final Map<String, Long> awaiting = new HashMap<>();
  private boolean closed;

  /**
   * @param run the counters of the run going on (the warm-up's, then the measured one's)
   */
  LoadConnection(Supplier<LoadCounters> run) {
    this(run, false);
  }

  /**
   * @param poisoning whether this device sends packets the store cannot take (see {@link
   *     LoadPackets#poison})
   */
  LoadConnection(Supplier<LoadCounters> run, boolean poisoning) {
    this.run = run;
    this.poisoning = poisoning;
  }

  boolean poisoning() {
    return poisoning;
  }

  LoadCounters counters() {
    return run.get();
  }

  void sent(String qn, long intendedNanos) {
    awaiting.put(qn, intendedNanos);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DecodeResult result)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Packet answer = result.packet().orElse(null);
    if (answer == null || !answer.cn().equals(CommandCode.DATA_ANSWER) || answer.qn().isEmpty()) {
      run.get().wrongAnswer();
      return;
    }
    Long intended = awaiting.remove(answer.qn().get());
    if (intended == null) {
      // Given up on after the timeout, or sent in the warm-up: already counted as not answered.
      run.get().lateAnswers.increment();
      return;
    }
    run.get().answered(System.nanoTime() - intended);
  }

  /** Packets still unanswered after the timeout count as not answered. */
  void expire(long now, long timeoutNanos) {
    if (timeoutNanos == 0) {
      run.get().noAnswer.add(awaiting.size());
      awaiting.clear();
      return;
    }
    for (Iterator<Long> it = awaiting.values().iterator(); it.hasNext(); ) {
      if (now - it.next() > timeoutNanos) {
        it.remove();
        run.get().noAnswer();
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    run.get().closed(awaiting.size());
    awaiting.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
