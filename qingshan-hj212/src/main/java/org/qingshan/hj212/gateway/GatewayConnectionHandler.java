package org.qingshan.hj212.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.netty.Hj212FrameDecoder;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.reassembly.SplitPacketAssembler;

/**
 * One device connection: limits per address, rate limits, authentication with its lock, split
 * reassembly, the store, and answers once stored; closes connections that send only junk. Runs on
 * the connection's event loop; store completions are posted back to it.
 */
final class GatewayConnectionHandler extends ChannelInboundHandlerAdapter {
  private final Hj212Gateway.Shared shared;
  private final long id;
  private final TokenBucket connectionBucket;
  private final SplitPacketAssembler assembler;
  private ChannelHandlerContext ctx;
  private String remote = "?";
  private String address = "?";
  private String mn;
  // the i23005 serial of the logger activating on this connection (CN=1001 without MN)
  private String activatingSerial;
  private static final String ACTIVATION_SERIAL = "i23005-Info";
  private boolean countedForAddress;
  private int invalidInARow;
  private long junkSince;
  private int pending;
  private boolean pausedForRate;
  private boolean pausedForStore;
  private boolean counted;

  GatewayConnectionHandler(Hj212Gateway.Shared shared) {
    this.shared = shared;
    this.id = shared.connectionIds.incrementAndGet();
    this.connectionBucket =
        new TokenBucket(
            shared.config.connectionRate(), shared.config.connectionBurst(), System.nanoTime());
    this.assembler = new SplitPacketAssembler(shared.config.splitTimeout());
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    SocketAddress peer = ctx.channel().remoteAddress();
    this.remote = String.valueOf(peer).replaceFirst("^/", "");
    this.address =
        peer instanceof InetSocketAddress inet && inet.getAddress() != null
            ? inet.getAddress().getHostAddress()
            : remote;
    if (shared.openConnections.incrementAndGet() > shared.config.maxConnections()) {
      shared.openConnections.decrementAndGet();
      shared.refused.increment();
      shared.listener.refused(remote);
      ctx.close();
      return;
    }
    counted = true;
    if (!shared.addressConnectionOpened(address)) {
      shared.refused.increment();
      shared.listener.refusedForAddress(remote);
      ctx.close();
      return;
    }
    countedForAddress = true;
    shared.listener.connected(id, remote);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (counted) {
      shared.openConnections.decrementAndGet();
      shared.listener.disconnected(id, remote, Optional.ofNullable(mn));
    }
    if (countedForAddress) {
      shared.addressConnectionClosed(address);
    }
    if (mn != null) {
      shared.devices.remove(mn, ctx.channel());
    }
    if (activatingSerial != null) {
      shared.activating.remove(activatingSerial, ctx.channel());
    }
    shared.pausedForStore.remove(this);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      shared.listener.idleClosed(id, remote);
      ctx.close();
    } else if (evt == Hj212FrameDecoder.Event.FRAME_TIMEOUT) {
      shared.junkClosed.increment();
      shared.listener.junkClosed(id, remote, 0);
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // network errors (connection reset...) end the connection; nothing reaches the device
    ctx.close();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DecodeResult result) || !ctx.channel().isActive()) {
      return; // frames decoded from the read that closed the connection are dropped
    }
    long now = System.nanoTime();
    if (result instanceof DecodeResult.Invalid invalid) {
      shared.invalid.increment();
      shared.listener.invalid(id, remote, invalid.value());
      junk(now);
      return;
    }
    invalidInARow = 0;
    Packet packet = ((DecodeResult.Valid) result).value();
    shared.packets.increment();
    long wait = connectionBucket.take(now);
    if (packet.mn().isEmpty()) {
      activation(packet, wait);
      return;
    }
    boolean loggedIn = packet.mn().equals(mn);
    if (!loggedIn && shared.logins.isLocked(packet.mn(), address)) {
      // No password is checked while locked. A connection no device logged in on is closed; one
      // a device logged in on (a concentrator may carry several MNs) keeps its session.
      shared.lockedOut.increment();
      shared.listener.lockedOut(remote, packet.mn());
      if (mn == null) {
        ctx.close();
      }
      return;
    }
    AuthResult auth = shared.authenticator.authenticate(packet.mn(), packet.pw());
    if (auth != AuthResult.ACCEPTED) {
      shared.rejected.increment();
      shared.listener.rejected(remote, packet, auth);
      shared.logins.failed(packet.mn(), address, auth).ifPresent(shared.listener::securityEvent);
      throttle(Math.max(wait, shared.config.loginFailureDelay().toNanos()));
      return;
    }
    wait = Math.max(wait, shared.deviceBucket(packet.mn()).take(now));
    throttle(wait);
    if (!loggedIn) {
      shared.logins.succeeded(packet.mn(), address);
    }
    bind(packet.mn());
    Instant at = Instant.now();
    Optional<SplitPacketAssembler.Assembled> whole = assembler.offerParts(packet, at);
    assembler.expire(at);
    if (whole.isEmpty()) {
      return; // waiting for the other parts; they are answered together once stored
    }
    ReceivedPacket received =
        new ReceivedPacket(whole.get().packet(), whole.get().parts(), remote, at, id);
    store(received);
  }

  /**
   * CN=1001 with an empty MN (the decoder accepts no other packet without MN): stored and answered
   * when the registry accepts the serial, the connection remembered under it for CN=1002.
   */
  private void activation(Packet packet, long wait) {
    Optional<String> serial = packet.cp().value(ACTIVATION_SERIAL).filter(s -> !s.isEmpty());
    if (serial.isEmpty() || !shared.authenticator.acceptsActivation(serial.get(), address)) {
      shared.rejected.increment();
      shared.listener.rejected(remote, packet, AuthResult.UNKNOWN_DEVICE);
      throttle(Math.max(wait, shared.config.loginFailureDelay().toNanos()));
      return;
    }
    throttle(wait);
    if (activatingSerial != null) {
      shared.activating.remove(activatingSerial, ctx.channel());
    }
    activatingSerial = serial.get();
    shared.activating.put(activatingSerial, ctx.channel());
    store(new ReceivedPacket(packet, List.of(packet), remote, Instant.now(), id));
  }

  /** Invalid frames only, too many or for too long: the connection is closed. */
  private void junk(long now) {
    if (invalidInARow++ == 0) {
      junkSince = now;
    }
    if (invalidInARow >= shared.config.maxInvalidFrames()
        || now - junkSince >= shared.config.junkTimeout().toNanos()) {
      shared.junkClosed.increment();
      shared.listener.junkClosed(id, remote, invalidInARow);
      invalidInARow = 0;
      ctx.close();
    }
  }

  /**
   * Commands for the MN go to this connection from its first accepted packet on. An open connection
   * of the same MN is kept (it may be the real device, and this one an impostor; or it may be dead
   * and close at its idle timeout) and an admin is told. When the connection commands go to closes,
   * the next packet on another open one makes that one the target.
   */
  private void bind(String deviceMn) {
    Channel ch = ctx.channel();
    if (deviceMn.equals(mn)) {
      Channel target = shared.devices.get(deviceMn);
      if (target != ch && (target == null || !target.isActive())) {
        shared.devices.put(deviceMn, ch);
      }
      return;
    }
    if (mn != null) {
      shared.devices.remove(mn, ch);
    }
    mn = deviceMn;
    Channel previous = shared.devices.put(deviceMn, ch);
    if (previous != null && previous != ch && previous.isActive()) {
      shared.secondConnections.increment();
      shared.listener.securityEvent(
          SecurityEvent.secondConnection(remote, deviceMn, hostOf(previous)));
    }
  }

  private static String hostOf(Channel ch) {
    return String.valueOf(ch.remoteAddress()).replaceFirst("^/", "");
  }

  private void store(ReceivedPacket received) {
    pending++;
    long total = shared.pending.incrementAndGet();
    CompletionStage<StoreResult> stage;
    try {
      stage = shared.sink.store(received);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (result, error) -> ctx.executor().execute(() -> stored(received, result, error)));
    if (pending >= shared.config.maxPendingPerConnection()
        || total >= shared.config.maxPendingTotal()) {
      if (!pausedForStore) {
        pausedForStore = true;
        shared.backpressurePauses.increment();
        shared.pausedForStore.add(this);
        updateAutoRead();
      }
    }
  }

  private void stored(ReceivedPacket received, StoreResult result, Throwable error) {
    pending--;
    shared.pending.decrementAndGet();
    if (error != null || result == null || result == StoreResult.FAILED) {
      shared.storeFailures.increment();
      shared.listener.storeFailed(received, Optional.ofNullable(error));
    } else {
      shared.stored.increment();
      if (result == StoreResult.DUPLICATE) {
        shared.duplicates.increment();
      }
      answer(received.parts());
    }
    if (pausedForStore
        && pending <= shared.config.maxPendingPerConnection() / 2
        && shared.pending.get() < shared.config.maxPendingTotal()) {
      pausedForStore = false;
      shared.pausedForStore.remove(this);
      updateAutoRead();
    }
    shared.storeCaughtUp();
  }

  private void answer(List<Packet> parts) {
    Channel ch = ctx.channel();
    boolean wrote = false;
    for (Packet p : parts) {
      Optional<Packet> answer = Commands.answerFor(p);
      if (answer.isPresent()) {
        ch.write(answer.get(), ch.voidPromise());
        shared.answers.increment();
        wrote = true;
      }
    }
    if (wrote) {
      ch.flush();
    }
  }

  /** Re-checks a pause for a slow store, from any thread. */
  void resumeLater() {
    ChannelHandlerContext c = ctx;
    if (c != null) {
      c.executor()
          .execute(
              () -> {
                if (pausedForStore && pending <= shared.config.maxPendingPerConnection() / 2) {
                  pausedForStore = false;
                  shared.pausedForStore.remove(this);
                  updateAutoRead();
                }
              });
    }
  }

  private void throttle(long waitNanos) {
    if (waitNanos <= 0 || pausedForRate) {
      return;
    }
    pausedForRate = true;
    shared.rateLimited.increment();
    shared.listener.rateLimited(id, remote);
    updateAutoRead();
    ctx.executor()
        .schedule(
            () -> {
              pausedForRate = false;
              updateAutoRead();
            },
            waitNanos,
            TimeUnit.NANOSECONDS);
  }

  private void updateAutoRead() {
    boolean read = !pausedForRate && !pausedForStore;
    if (ctx.channel().config().isAutoRead() != read) {
      ctx.channel().config().setAutoRead(read);
    }
  }
}
