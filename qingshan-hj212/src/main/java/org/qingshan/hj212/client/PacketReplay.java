package org.qingshan.hj212.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Split;

/**
 * Sends packets as they were received (their very bytes, CRC and password included) to a centre
 * again, a connection per device, each device's packets in their order and each one that asks for
 * an answer waited for, as the device itself would. For putting kept raw packets into another
 * platform, or into this one after a restore: a centre that knows them answers and stores them
 * once.
 *
 * <p>A centre answers the parts of a split packet once it has them all, so a part is waited for
 * only after the part that completes its packet has been sent; parts whose packet the input does
 * not complete are sent and reported as {@link Outcome#INCOMPLETE}.
 */
public final class PacketReplay implements AutoCloseable {
  /** What became of one packet. */
  public enum Outcome {
    /** Sent and answered (9014, or 9013 for a notification). */
    ANSWERED,
    /** Sent; it asks for no answer. */
    SENT,
    /** Sent, but no answer came within the timeout or before the connection closed. */
    NO_ANSWER,
    /** A part of a split packet whose other parts are not in the input: sent, never stored. */
    INCOMPLETE,
    /** Not sent: the connection could not be made or closed before its turn. */
    NOT_SENT
  }

  /** The outcomes of one device's packets, in their order, and why it stopped early. */
  public record DeviceResult(List<Outcome> outcomes, Optional<String> problem) {
    public DeviceResult {
      outcomes = List.copyOf(outcomes);
    }
  }

  /**
   * Answers missed in a row after which a device's replay stops: the centre does not take its
   * packets, and waiting out every packet would take hours.
   */
  static final int MISSED_ANSWERS_TO_STOP = 3;

  private static final byte[] LINE_END = {'\r', '\n'};

  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final String host;
  private final int port;
  private final Duration answerTimeout;

  /**
   * @param answerTimeout how long a packet's answer is waited for (HJ 212's default is 10 s)
   */
  public PacketReplay(String host, int port, Duration answerTimeout) {
    this.host = host;
    this.port = port;
    this.answerTimeout = answerTimeout;
  }

  /** Replays one device's packets on a connection of their own. */
  public CompletionStage<DeviceResult> replay(List<Packet> packets) {
    DeviceRun run = new DeviceRun(packets);
    DeviceBootstrap.of(group, run)
        .connect(host, port)
        .addListener(
            (ChannelFuture f) -> {
              if (f.isSuccess()) {
                run.start(f.channel());
              } else {
                Throwable cause = f.cause();
                run.finish(
                    Optional.of(
                        "cannot connect to "
                            + host
                            + ":"
                            + port
                            + ": "
                            + Optional.ofNullable(cause.getMessage()).orElse(cause.toString())));
              }
            });
    return run.result;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  /**
   * For each packet, the place of the packet that completes it: its own for a whole packet, that of
   * its split packet's last arriving part, or -1 when the input never completes it (grouped as the
   * centre's assembler groups parts: by CN, number of parts and DataTime).
   */
  static int[] completedBy(List<Packet> packets) {
    int[] completedBy = new int[packets.size()];
    Map<String, Set<Integer>> numbers = new HashMap<>();
    Map<String, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      Optional<Split> split = p.split().filter(s -> s.total() > 1);
      if (split.isEmpty()) {
        completedBy[i] = i;
        continue;
      }
      completedBy[i] = -1;
      Split s = split.get();
      if (s.number() < 1 || s.number() > s.total()) {
        continue; // the centre drops such a part
      }
      String key = p.cn() + "/" + s.total() + "/" + p.cp().dataTime().map(Object::toString);
      numbers.computeIfAbsent(key, k -> new HashSet<>()).add(s.number());
      members.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      if (numbers.get(key).size() == s.total()) {
        for (int m : members.remove(key)) {
          completedBy[m] = i;
        }
        numbers.remove(key);
      }
    }
    return completedBy;
  }

  /** One device's packets on one connection; all of it runs on the connection's event loop. */
  private final class DeviceRun extends SimpleChannelInboundHandler<DecodeResult> {
    final CompletableFuture<DeviceResult> result = new CompletableFuture<>();
    private final List<Packet> packets;
    private final boolean[] expectsAnswer;
    private final int[] completedBy;
    private final Outcome[] outcomes;

    /** Sent, answer due (their packet is complete), not yet answered. */
    private final Deque<Integer> waiting = new ArrayDeque<>();

    /** Sent parts whose packet is not complete yet. */
    private final List<Integer> heldParts = new ArrayList<>();

    /** Given up on; a late answer still counts. */
    private final Deque<Integer> late = new ArrayDeque<>();

    private Channel channel;
    private ScheduledFuture<?> timeout;
    private int next;
    private int missedInARow;
    private boolean closing;
    private Optional<String> problem = Optional.empty();

    DeviceRun(List<Packet> packets) {
      this.packets = packets;
      this.expectsAnswer = new boolean[packets.size()];
      for (int i = 0; i < expectsAnswer.length; i++) {
        Packet p = packets.get(i);
        expectsAnswer[i] = p.qn().isPresent() && Commands.isAnswered(p);
      }
      this.completedBy = completedBy(packets);
      this.outcomes = new Outcome[packets.size()];
      Arrays.fill(outcomes, Outcome.NOT_SENT);
    }

    void start(Channel ch) {
      channel = ch;
      ch.closeFuture().addListener(f -> closed());
      sendUntilAnswerDue();
    }

    /** Sends until an answer is due, the socket is full or all is sent. */
    private void sendUntilAnswerDue() {
      while (next < packets.size() && waiting.isEmpty() && channel.isWritable()) {
        send(next++);
      }
      channel.flush();
      if (!waiting.isEmpty()) {
        timeout =
            channel
                .eventLoop()
                .schedule(this::gaveUp, answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
      } else if (next == packets.size() && !closing) {
        closing = true;
        // Closing at once would drop what the socket has not taken yet.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }

    private void send(int i) {
      ByteBuf frame = channel.alloc().buffer();
      frame.writeBytes(packets.get(i).rawBytes()).writeBytes(LINE_END);
      channel
          .write(frame)
          .addListener(
              f -> {
                if (f.isSuccess() && outcomes[i] == Outcome.NOT_SENT) {
                  outcomes[i] =
                      completedBy[i] < 0
                          ? Outcome.INCOMPLETE
                          : expectsAnswer[i] ? Outcome.NO_ANSWER : Outcome.SENT;
                }
              });
      if (completedBy[i] > i) {
        heldParts.add(i);
        return;
      }
      if (completedBy[i] == i) {
        for (Iterator<Integer> it = heldParts.iterator(); it.hasNext(); ) {
          int part = it.next();
          if (completedBy[part] == i) {
            it.remove();
            if (expectsAnswer[part]) {
              waiting.add(part);
            }
          }
        }
        if (expectsAnswer[i]) {
          waiting.add(i);
        }
      }
    }

    /** The answers not come in time stay NO_ANSWER; the device goes on with its next packet. */
    private void gaveUp() {
      late.addAll(waiting);
      waiting.clear();
      if (++missedInARow >= MISSED_ANSWERS_TO_STOP) {
        problem =
            Optional.of(
                "no answer within "
                    + answerTimeout.toSeconds()
                    + " s to "
                    + missedInARow
                    + " packets in a row: the centre does not take this device's packets"
                    + " (unknown MN, wrong password, blocked) or is slower (try a longer --timeout)");
        channel.close();
      } else if (channel.isActive()) {
        sendUntilAnswerDue();
      }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DecodeResult msg) {
      if (!(msg instanceof DecodeResult.Valid valid)) {
        return;
      }
      Packet answer = valid.value();
      if (!CommandCode.DATA_ANSWER.equals(answer.cn())
          && !CommandCode.NOTIFICATION_ANSWER.equals(answer.cn())) {
        return; // the centre's requests are not the replayed device's to answer
      }
      if (takeAnswer(waiting, answer.qn())) {
        if (waiting.isEmpty() && timeout != null && timeout.cancel(false)) {
          missedInARow = 0;
          sendUntilAnswerDue();
        }
      } else if (takeAnswer(late, answer.qn())) {
        missedInARow = 0; // a slow centre, not one that refuses the device
      }
    }

    private boolean takeAnswer(Deque<Integer> among, Optional<String> qn) {
      for (Iterator<Integer> it = among.iterator(); it.hasNext(); ) {
        int i = it.next();
        if (packets.get(i).qn().equals(qn)) {
          it.remove();
          outcomes[i] = Outcome.ANSWERED;
          return true;
        }
      }
      return false;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable() && waiting.isEmpty() && !closing) {
        sendUntilAnswerDue();
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      problem = problem.or(() -> Optional.of("connection failed: " + cause.getMessage()));
      ctx.close();
    }

    private void closed() {
      if (!closing && problem.isEmpty()) {
        problem =
            Optional.of(
                "the centre closed the connection after "
                    + next
                    + " of "
                    + packets.size()
                    + " packets");
      }
      finish(problem);
    }

    void finish(Optional<String> why) {
      if (timeout != null) {
        timeout.cancel(false);
      }
      result.complete(new DeviceResult(Arrays.asList(outcomes), why));
    }
  }
}
