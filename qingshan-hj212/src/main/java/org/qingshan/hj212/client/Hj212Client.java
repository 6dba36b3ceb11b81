package org.qingshan.hj212.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.netty.Hj212PacketEncoder;
import org.qingshan.hj212.packet.Packet;

/**
 * The device side of a connection: sends uploads and waits for the centre's 9014, answers the
 * centre's commands through a {@link CommandResponder}. Used by the simulator and the load
 * generator. Many clients share one {@link EventLoopGroup}.
 */
public final class Hj212Client implements AutoCloseable {
  private final Channel channel;
  private final Duration answerTimeout;
  private final ConcurrentHashMap<String, Awaiting> awaiting = new ConcurrentHashMap<>();

  /** A sent packet waiting for its answer until {@code deadline} (System.nanoTime). */
  private record Awaiting(CompletableFuture<Packet> future, long deadline) {}

  private Hj212Client(Channel channel, Duration answerTimeout) {
    this.channel = channel;
    this.answerTimeout = answerTimeout;
    // one sweep per connection instead of one timer per packet: cheap at thousands of packets/s
    long period = Math.max(10, Math.min(1000, answerTimeout.toMillis() / 4));
    channel.eventLoop().scheduleAtFixedRate(this::expire, period, period, TimeUnit.MILLISECONDS);
  }

  private void expire() {
    if (awaiting.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    awaiting.forEach(
        (qn, a) -> {
          if (now - a.deadline() >= 0 && awaiting.remove(qn, a)) {
            a.future().completeExceptionally(new TimeoutException("no 9014 for QN " + qn));
          }
        });
  }

  /**
   * Connects to a centre.
   *
   * @param group the event loops to run on (shared between clients)
   * @param answerTimeout how long to wait for a 9014 (the standard's default is 10 s)
   * @param responder answers the centre's commands
   * @param onClose called once when the connection closes
   * @return a stage completing with the connected client, or failing when the connection fails
   */
  public static CompletionStage<Hj212Client> connect(
      EventLoopGroup group,
      String host,
      int port,
      Duration answerTimeout,
      CommandResponder responder,
      Consumer<Hj212Client> onClose) {
    return connect(group, host, port, Optional.empty(), answerTimeout, responder, onClose);
  }

  /**
   * Connects to a centre over TLS when {@code tls} is given (a client {@link SslContext} that
   * trusts the centre's certificate), otherwise as {@link #connect(EventLoopGroup, String, int,
   * Duration, CommandResponder, Consumer)}.
   */
  public static CompletionStage<Hj212Client> connect(
      EventLoopGroup group,
      String host,
      int port,
      Optional<SslContext> tls,
      Duration answerTimeout,
      CommandResponder responder,
      Consumer<Hj212Client> onClose) {
    return connect(group, host, port, tls, DeviceKeys.none(), answerTimeout, responder, onClose);
  }

  /**
   * Connects as an HJ 212-2025 device with an SM4 key: what it sends is encrypted where the
   * standard says so (CN 2000..2999, 1014, 3020), what the centre sends is decrypted.
   */
  public static CompletionStage<Hj212Client> connect(
      EventLoopGroup group,
      String host,
      int port,
      Optional<SslContext> tls,
      DeviceKeys keys,
      Duration answerTimeout,
      CommandResponder responder,
      Consumer<Hj212Client> onClose) {
    CompletableFuture<Hj212Client> result = new CompletableFuture<>();
    Handler handler = new Handler(responder);
    Bootstrap b = DeviceBootstrap.of(group, tls, keys, new Hj212PacketEncoder(keys), handler);
    ChannelFuture f = b.connect(host, port);
    f.addListener(
        done -> {
          if (!done.isSuccess()) {
            result.completeExceptionally(done.cause());
            return;
          }
          Hj212Client client = new Hj212Client(f.channel(), answerTimeout);
          handler.client = client;
          f.channel()
              .closeFuture()
              .addListener(
                  c -> {
                    client.failAll();
                    onClose.accept(client);
                  });
          result.complete(client);
        });
    return result;
  }

  /**
   * Sends a packet. When the centre answers it (an upload with Flag.A = 1, a notification) and it
   * has a QN, the stage completes with the centre's 9014 or 9013 for that QN, or fails after the
   * answer timeout; otherwise once written.
   */
  public CompletionStage<Packet> send(Packet packet) {
    CompletableFuture<Packet> done = new CompletableFuture<>();
    boolean wantsAnswer = Commands.isAnswered(packet) && packet.qn().isPresent();
    if (wantsAnswer) {
      String qn = packet.qn().get();
      awaiting.put(qn, new Awaiting(done, System.nanoTime() + answerTimeout.toNanos()));
    }
    channel
        .writeAndFlush(packet)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                packet.qn().ifPresent(awaiting::remove);
                done.completeExceptionally(f.cause());
              } else if (!wantsAnswer) {
                done.complete(packet);
              }
            });
    return done;
  }

  /** Sends several packets in one write (a backlog); the stage is that of each packet. */
  public List<CompletionStage<Packet>> sendAll(List<Packet> packets) {
    return packets.stream().map(this::send).toList();
  }

  public boolean isConnected() {
    return channel.isActive();
  }

  /** Packets sent and still waiting for their 9014. */
  public int awaitingAnswers() {
    return awaiting.size();
  }

  /** Closes the connection; waiting sends fail. Waits for it unless called on its own thread. */
  @Override
  public void close() {
    ChannelFuture closed = channel.close();
    if (!channel.eventLoop().inEventLoop()) {
      closed.awaitUninterruptibly();
    }
  }

  private void failAll() {
    for (String qn : awaiting.keySet()) {
      Awaiting a = awaiting.remove(qn);
      if (a != null) {
        a.future().completeExceptionally(new IllegalStateException("connection closed"));
      }
    }
  }

  private void answered(Packet answer) {
    answer.qn().map(awaiting::remove).ifPresent(a -> a.future().complete(answer));
  }

  private static final class Handler extends SimpleChannelInboundHandler<DecodeResult> {
    private final CommandResponder responder;
    volatile Hj212Client client;

    Handler(CommandResponder responder) {
      this.responder = responder;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DecodeResult msg) {
      if (!(msg instanceof DecodeResult.Valid valid)) {
        return; // a broken answer is like no answer: the send times out
      }
      Packet p = valid.value();
      if (CommandCode.DATA_ANSWER.equals(p.cn())
          || CommandCode.NOTIFICATION_ANSWER.equals(p.cn())) {
        Hj212Client c = client;
        if (c != null) {
          c.answered(p);
        }
        return;
      }
      if (CommandCode.fromCentre(p.cn()) == CommandCode.Kind.INTERACTION) {
        return;
      }
      List<Packet> answers;
      try {
        answers = responder.answer(p);
      } catch (RuntimeException e) {
        answers = List.of();
      }
      for (Packet a : answers) {
        ctx.write(a, ctx.voidPromise());
      }
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
