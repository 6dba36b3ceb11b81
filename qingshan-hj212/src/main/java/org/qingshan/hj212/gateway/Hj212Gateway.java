package org.qingshan.hj212.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.netty.Hj212FrameDecoder;
import org.qingshan.hj212.netty.Hj212PacketEncoder;
import org.qingshan.hj212.packet.Packet;

/**
 * The HJ 212 data collection gateway: a TCP server that frames and decodes packets, checks MN and
 * PW, hands packets to a {@link PacketSink} and answers devices once the sink has stored them. Also
 * sends commands to online devices.
 *
 * <pre>{@code
 * Hj212Gateway gw = Hj212Gateway.start(GatewayConfig.builder().port(9212).build(),
 *     sink, authenticator, GatewayListener.NONE);
 * ...
 * gw.send(mn, Commands.to(device, qns).setRealtimeInterval(60));
 * gw.close();
 * }</pre>
 */
public final class Hj212Gateway implements AutoCloseable {
  private final GatewayConfig config;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel serverChannel;
  final Shared shared;

  /** State shared by all connections. */
  static final class Shared {
    final GatewayConfig config;
    final PacketSink sink;
    final DeviceAuthenticator authenticator;
    final GatewayListener listener;
    final PacketDecoder decoder;
    final ConcurrentHashMap<String, Channel> devices = new ConcurrentHashMap<>();
    // loggers without an MN yet, by the serial of their CN=1001
    final ConcurrentHashMap<String, Channel> activating = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, TokenBucket> deviceBuckets = new ConcurrentHashMap<>();
    final Set<GatewayConnectionHandler> pausedForStore = ConcurrentHashMap.newKeySet();
    final AtomicLong connectionIds = new AtomicLong();
    final AtomicLong openConnections = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    final LongAdder refused = new LongAdder();
    final LongAdder packets = new LongAdder();
    final LongAdder invalid = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder stored = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder storeFailures = new LongAdder();
    final LongAdder answers = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder backpressurePauses = new LongAdder();
    final LongAdder lockedOut = new LongAdder();
    final LongAdder junkClosed = new LongAdder();
    final LongAdder secondConnections = new LongAdder();
    final LoginGuard logins;
    final ConcurrentHashMap<String, Integer> connectionsByAddress = new ConcurrentHashMap<>();

    Shared(
        GatewayConfig config,
        PacketSink sink,
        DeviceAuthenticator authenticator,
        GatewayListener listener) {
      this.config = config;
      this.sink = sink;
      this.authenticator = authenticator;
      this.listener = listener;
      this.logins = new LoginGuard(config, System::nanoTime);
      this.decoder =
          new PacketDecoder(
              DecoderOptions.defaults()
                  .withMaxSegmentLength(config.maxSegmentLength())
                  .withCrcPolicy(authenticator::crcDialect)
                  .withDeviceKeys(config.deviceKeys()));
    }

    TokenBucket deviceBucket(String mn) {
      return deviceBuckets.computeIfAbsent(
          mn, k -> new TokenBucket(config.deviceRate(), config.deviceBurst(), System.nanoTime()));
    }

    /** Counts a connection of an address; false (and not counted) when it has its maximum. */
    boolean addressConnectionOpened(String address) {
      boolean[] ok = {false};
      connectionsByAddress.compute(
          address,
          (k, n) -> {
            int open = n == null ? 0 : n;
            ok[0] = open < config.maxConnectionsPerAddress();
            return ok[0] ? open + 1 : (n == null ? null : n);
          });
      return ok[0];
    }

    void addressConnectionClosed(String address) {
      connectionsByAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Wakes connections paused because the store was slow, once it has caught up. */
    void storeCaughtUp() {
      if (pending.get() <= config.maxPendingTotal() / 2 && !pausedForStore.isEmpty()) {
        for (GatewayConnectionHandler h : pausedForStore) {
          h.resumeLater();
        }
      }
    }
  }

  private Hj212Gateway(
      GatewayConfig config, EventLoopGroup boss, EventLoopGroup workers, Channel ch, Shared s) {
    this.config = config;
    this.boss = boss;
    this.workers = workers;
    this.serverChannel = ch;
    this.shared = s;
  }

  /**
   * Binds the port and starts accepting devices.
   *
   * @throws IllegalStateException when the port cannot be bound
   * @throws IllegalArgumentException when the TLS certificate or key cannot be read
   */
  public static Hj212Gateway start(
      GatewayConfig config,
      PacketSink sink,
      DeviceAuthenticator authenticator,
      GatewayListener listener) {
    Optional<SslContext> tls = config.tls().map(GatewayTlsContext::of);
    Shared shared = new Shared(config, sink, authenticator, listener);
    EventLoopGroup boss = new NioEventLoopGroup(1);
    EventLoopGroup workers = new NioEventLoopGroup(config.ioThreads());
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    long idle = config.idleTimeout().toMillis();
                    tls.ifPresent(t -> ch.pipeline().addLast("tls", t.newHandler(ch.alloc())));
                    // idle after the frames: blank bytes or a frame trickling in are no activity
                    ch.pipeline()
                        .addLast(
                            "frames", new Hj212FrameDecoder(shared.decoder, config.frameTimeout()))
                        .addLast("idle", new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS))
                        .addLast("encoder", new Hj212PacketEncoder(config.deviceKeys()))
                        .addLast("gateway", new GatewayConnectionHandler(shared));
                  }
                });
    ChannelFuture bound = b.bind(config.host(), config.port()).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + bound.cause().getMessage(),
          bound.cause());
    }
    return new Hj212Gateway(config, boss, workers, bound.channel(), shared);
  }

  /** The TCP port listened on (the chosen one when configured with 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public GatewayConfig config() {
    return config;
  }

  /**
   * Sends a command to an online device. The stage completes when the packet is written; the
   * device's answers (9011, uploads, 9012) arrive at the sink with the command's QN.
   */
  public CompletionStage<Void> send(String mn, Packet command) {
    return sendOn(shared.devices.get(mn), "device " + mn, command);
  }

  /**
   * Sends a packet (CN=1002 with the assigned MN in its header and {@code i23005-Info} in CP) to
   * the logger that announced {@code serial} with CN=1001 on a connection still open.
   */
  public CompletionStage<Void> sendToActivating(String serial, Packet command) {
    return sendOn(shared.activating.get(serial), "logger " + serial, command);
  }

  private CompletionStage<Void> sendOn(Channel ch, String who, Packet command) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (ch == null || !ch.isActive()) {
      done.completeExceptionally(new IllegalStateException(who + " is not online"));
      return done;
    }
    ch.writeAndFlush(command)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                done.complete(null);
              } else {
                done.completeExceptionally(f.cause());
              }
            });
    return done;
  }

  /** Whether a device has an open connection on which it sent an accepted packet. */
  public boolean isOnline(String mn) {
    Channel ch = shared.devices.get(mn);
    return ch != null && ch.isActive();
  }

  /** MNs of the devices online now. */
  public Set<String> onlineDevices() {
    return shared.devices.entrySet().stream()
        .filter(e -> e.getValue().isActive())
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The remote address of an online device. */
  public Optional<String> remoteAddress(String mn) {
    return Optional.ofNullable(shared.devices.get(mn))
        .filter(Channel::isActive)
        .map(ch -> String.valueOf(ch.remoteAddress()));
  }

  public GatewayStats stats() {
    Shared s = shared;
    return new GatewayStats(
        s.openConnections.get(),
        s.refused.sum(),
        s.packets.sum(),
        s.invalid.sum(),
        s.rejected.sum(),
        s.stored.sum(),
        s.duplicates.sum(),
        s.storeFailures.sum(),
        s.answers.sum(),
        s.rateLimited.sum(),
        s.backpressurePauses.sum(),
        s.pending.get(),
        s.lockedOut.sum(),
        s.junkClosed.sum(),
        s.secondConnections.sum());
  }

  /** Stops accepting, closes every connection and the threads. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
