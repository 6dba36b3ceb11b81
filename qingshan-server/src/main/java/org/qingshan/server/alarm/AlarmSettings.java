package org.qingshan.server.alarm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alarm engine's settings, {@code qingshan.alarm.*}; a rule's own threshold or count wins over
 * the defaults here.
 *
 * @param enabled whether data is judged at all (off: the gateway benchmark's baseline)
 * @param queueSize commits waiting for the engine at most; beyond, commits are counted and skipped
 *     rather than slowing ingest
 * @param endAfter periods back within the rule that end an alarm
 * @param onPercent a facility runs when its power or current is at least this share of its rating
 * @param notRunningMinutes production on while its treatment is off this long: 治污设施未同步运行
 * @param lowLoadFraction treatment below this share of its rating while production runs: 低负荷
 * @param permitApproachingPercent year-to-date emission at this share of the permit: 即将超标
 * @param permitExceededPercent … at this share: 已超标
 * @param expectedInterval a device is expected to send at least this often
 * @param offlineMargin … plus this margin before it counts as offline (联网异常)
 * @param lateAfter data whose time is this far before the clock is judged as found late
 * @param constantCount equal values in a row that make a constant value (恒值)
 * @param zeroCount zero values in a row that make a zero value (零值)
 * @param flagMinutes minutes a data flag other than N may last (维护, 校准 …)
 * @param refreshInterval how often the cached rules, limits and bindings are read again
 * @param checkInterval how often offline devices and permitted totals are checked
 * @param touchInterval a lasting alarm's newest data time and value are written when its data has
 *     moved on this far (data time) since the last write, not with every packet
 */
@ConfigurationProperties("qingshan.alarm")
public record AlarmSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10000") int queueSize,
    @DefaultValue("1") int endAfter,
    @DefaultValue("20") double onPercent,
    @DefaultValue("15") int notRunningMinutes,
    @DefaultValue("0.3") double lowLoadFraction,
    @DefaultValue("80") double permitApproachingPercent,
    @DefaultValue("100") double permitExceededPercent,
    @DefaultValue("10m") Duration expectedInterval,
    @DefaultValue("5m") Duration offlineMargin,
    @DefaultValue("2h") Duration lateAfter,
    @DefaultValue("10") int constantCount,
    @DefaultValue("6") int zeroCount,
    @DefaultValue("240") int flagMinutes,
    @DefaultValue("30s") Duration refreshInterval,
    @DefaultValue("60s") Duration checkInterval,
    @DefaultValue("60s") Duration touchInterval) {

  /** The defaults, for tests and benchmarks without Spring. */
  public static AlarmSettings defaults() {
    return new AlarmSettings(
        true,
        10000,
        1,
        20,
        15,
        0.3,
        80,
        100,
        Duration.ofMinutes(10),
        Duration.ofMinutes(5),
        Duration.ofHours(2),
        10,
        6,
        240,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60));
  }
}
