package org.qingshan.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How the simulated devices behave.
 *
 * @param clock the devices' clock; its zone is the local time written in packets
 * @param realtimeInterval real-time data (2011) interval, RtdInterval
 * @param minuteInterval minute data (2051) interval in minutes, MinInterval
 * @param history data of this long before the start is sent at once, as after an outage
 * @param outagesPerDay average number of connection outages per device and day (0: none)
 * @param outageLength how long an outage lasts
 * @param exceedanceRate probability that a factor with a limit exceeds it during an hour
 * @param answerTimeout how long a device waits for a 9014 before keeping the data for later
 * @param tick how often each device checks what is due
 * @param seed seed of the random behaviour (values are reproducible for a given seed)
 */
public record SimulationOptions(
    Clock clock,
    Duration realtimeInterval,
    int minuteInterval,
    Duration history,
    double outagesPerDay,
    Duration outageLength,
    double exceedanceRate,
    Duration answerTimeout,
    Duration tick,
    long seed) {

  /** Live demo: 30 s real-time, 10 min minute data, 24 h of history, one outage a day. */
  public static SimulationOptions demo() {
    return new SimulationOptions(
        Clock.system(ZoneId.of("Asia/Shanghai")),
        Duration.ofSeconds(30),
        10,
        Duration.ofHours(24),
        1,
        Duration.ofMinutes(10),
        0.02,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        212);
  }

  public SimulationOptions withClock(Clock c) {
    return new SimulationOptions(
        c,
        realtimeInterval,
        minuteInterval,
        history,
        outagesPerDay,
        outageLength,
        exceedanceRate,
        answerTimeout,
        tick,
        seed);
  }

  public SimulationOptions withRealtimeInterval(Duration d) {
    return new SimulationOptions(
        clock,
        d,
        minuteInterval,
        history,
        outagesPerDay,
        outageLength,
        exceedanceRate,
        answerTimeout,
        tick,
        seed);
  }

  public SimulationOptions withHistory(Duration d) {
    return new SimulationOptions(
        clock,
        realtimeInterval,
        minuteInterval,
        d,
        outagesPerDay,
        outageLength,
        exceedanceRate,
        answerTimeout,
        tick,
        seed);
  }

  public SimulationOptions withOutages(double perDay, Duration length) {
    return new SimulationOptions(
        clock,
        realtimeInterval,
        minuteInterval,
        history,
        perDay,
        length,
        exceedanceRate,
        answerTimeout,
        tick,
        seed);
  }

  public SimulationOptions withTick(Duration d) {
    return new SimulationOptions(
        clock,
        realtimeInterval,
        minuteInterval,
        history,
        outagesPerDay,
        outageLength,
        exceedanceRate,
        answerTimeout,
        d,
        seed);
  }
}
