package org.qingshan.simulator;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts simulated devices against a running centre.
 *
 * <pre>{@code
 * try (DemoDevices.Handle demo = DemoDevices.start("127.0.0.1", 9212, DemoCounty.devices())) {
 *   ...
 * }
 * }</pre>
 */
public final class DemoDevices {
  private DemoDevices() {}

  /** Starts the devices with the live demo options. */
  public static Handle start(String host, int port, List<DeviceProfile> devices) {
    return start(host, port, devices, SimulationOptions.demo());
  }

  /** Starts the devices; they connect in the background and reconnect whenever needed. */
  public static Handle start(
      String host, int port, List<DeviceProfile> devices, SimulationOptions options) {
    EventLoopGroup group = new NioEventLoopGroup(1);
    SimulatedDevice.Counters counters = new SimulatedDevice.Counters();
    List<SimulatedDevice> running =
        devices.stream()
            .map(d -> new SimulatedDevice(d, options, group, host, port, counters))
            .toList();
    running.forEach(SimulatedDevice::start);
    return new Handle(group, running, counters);
  }

  /**
   * Counters of a run.
   *
   * @param devices devices simulated
   * @param connected devices connected now
   * @param sent packets sent
   * @param answered packets answered by the centre (9014) or not needing an answer
   * @param unanswered packets without answer in time (kept and sent again)
   * @param backlog packets waiting to be sent
   * @param commands commands received from the centre
   * @param outages simulated outages
   */
  public record Stats(
      int devices,
      int connected,
      long sent,
      long answered,
      long unanswered,
      long backlog,
      long commands,
      long outages) {}

  /** A running simulation; closing it disconnects every device. */
  public static final class Handle implements AutoCloseable {
    private final EventLoopGroup group;
    private final List<SimulatedDevice> devices;
    private final SimulatedDevice.Counters counters;

    private Handle(
        EventLoopGroup group, List<SimulatedDevice> devices, SimulatedDevice.Counters counters) {
      this.group = group;
      this.devices = devices;
      this.counters = counters;
    }

    /** The simulated devices, for registering them. */
    public List<DeviceProfile> devices() {
      return devices.stream().map(SimulatedDevice::profile).toList();
    }

    public Stats stats() {
      return new Stats(
          devices.size(),
          (int) devices.stream().filter(SimulatedDevice::connected).count(),
          counters.sent.sum(),
          counters.answered.sum(),
          counters.unanswered.sum(),
          devices.stream().mapToLong(SimulatedDevice::backlogSize).sum(),
          counters.commands.sum(),
          counters.outages.sum());
    }

    @Override
    public void close() {
      devices.forEach(SimulatedDevice::stop);
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
