package org.qingshan.hj212.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.netty.Hj212FrameDecoder;
import org.qingshan.hj212.packet.Packet;

/**
 * Sends packets as they were received (their very bytes, CRC and password included) to a centre
 * again, a connection per device, each device's packets in their order and each one that asks for
 * an answer waited for, as the device itself would. For putting kept raw packets into another
 * platform, or into this one after a restore: a centre that knows them answers and stores them
 * once.
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
    /** Not sent: the connection could not be made or closed before its turn. */
    NOT_SENT
  }

  /** The outcomes of one device's packets, in their order, and why a connection failed. */
  public record DeviceResult(List<Outcome> outcomes, Optional<String> problem) {
    public DeviceResult {
      outcomes = List.copyOf(outcomes);
    }
  }

  /**
   * Answers missed in a row after which a device's replay stops: the centre does not take its
   * packets (an unknown MN, a changed password), and waiting out every packet would take hours.
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

  /** Whether the centre answers this packet (an upload asking for it, or a notification). */
  static boolean expectsAnswer(Packet p) {
    if (p.qn().isEmpty()) {
      return false;
    }
    return switch (CommandCode.fromDevice(p.cn())) {
      case UPLOAD -> p.replyRequested();
      case NOTIFICATION -> true;
      default -> false;
    };
  }

  /** Replays one device's packets on a connection of their own. */
  public CompletionStage<DeviceResult> replay(List<Packet> packets) {
    DeviceRun run = new DeviceRun(packets);
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new Hj212FrameDecoder(PacketDecoder.standard()), run);
              }
            })
        .connect(host, port)
        .addListener(
            (io.netty.channel.ChannelFuture f) -> {
              if (f.isSuccess()) {
                run.start(f.channel());
              } else {
                run.finish(
                    Optional.of(
                        "cannot connect to " + host + ":" + port + ": " + f.cause().getMessage()));
              }
            });
    return run.result;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  /**
   * One device's packets on one connection; all of it runs on the connection's event loop. A split
   * packet's parts are answered together once the last has arrived, so only a packet that is no
   * leading part waits for the answers sent before it.
   */
  private final class DeviceRun extends SimpleChannelInboundHandler<DecodeResult> {
    final CompletableFuture<DeviceResult> result = new CompletableFuture<>();
    private final List<Packet> packets;
    private final Outcome[] outcomes;
    private final Deque<Integer> waiting = new ArrayDeque<>();
    private Channel channel;
    private ScheduledFuture<?> timeout;
    private int next;
    private int missedInARow;
    private Optional<String> stopped = Optional.empty();

    DeviceRun(List<Packet> packets) {
      this.packets = packets;
      this.outcomes = new Outcome[packets.size()];
      Arrays.fill(outcomes, Outcome.NOT_SENT);
    }

    void start(Channel ch) {
      channel = ch;
      ch.closeFuture().addListener(f -> finish(stopped));
      sendUntilAnswerDue();
    }

    private void sendUntilAnswerDue() {
      while (next < packets.size()) {
        int i = next++;
        Packet p = packets.get(i);
        ByteBuf frame = channel.alloc().buffer();
        frame.writeBytes(p.rawBytes()).writeBytes(LINE_END);
        channel.write(frame, channel.voidPromise());
        if (expectsAnswer(p)) {
          outcomes[i] = Outcome.NO_ANSWER;
          waiting.add(i);
        } else {
          outcomes[i] = Outcome.SENT;
        }
        boolean leadingPart = p.split().filter(s -> s.number() < s.total()).isPresent();
        if (!waiting.isEmpty() && !leadingPart) {
          channel.flush();
          timeout =
              channel
                  .eventLoop()
                  .schedule(this::gaveUp, answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
          return;
        }
      }
      channel.flush();
      channel.close();
    }

    /** The answers not come in time stay NO_ANSWER; the device goes on with its next packet. */
    private void gaveUp() {
      waiting.clear();
      if (++missedInARow >= MISSED_ANSWERS_TO_STOP) {
        stopped =
            Optional.of(
                "no answer to "
                    + missedInARow
                    + " packets in a row: the centre does not take this device's packets"
                    + " (unknown MN, wrong password, blocked?)");
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
      Optional<String> qn = answer.qn();
      for (Integer i : waiting) {
        if (packets.get(i).qn().equals(qn)) {
          outcomes[i] = Outcome.ANSWERED;
          waiting.remove(i);
          break;
        }
      }
      if (waiting.isEmpty() && timeout != null && timeout.cancel(false)) {
        missedInARow = 0;
        sendUntilAnswerDue();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    void finish(Optional<String> problem) {
      if (timeout != null) {
        timeout.cancel(false);
      }
      result.complete(new DeviceResult(new ArrayList<>(Arrays.asList(outcomes)), problem));
    }
  }
}
