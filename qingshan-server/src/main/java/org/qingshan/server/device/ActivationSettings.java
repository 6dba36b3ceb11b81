package org.qingshan.server.device;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Network activation of HJ 212-2025 loggers, {@code qingshan.activation.*}.
 *
 * @param maxWaiting loggers waiting for an admin at most; further serials are dropped and counted
 * @param maxPerAddress waiting loggers from one address at most (a 1001 flood of invented serials)
 * @param answerTimeout how long CN=1002 waits for the logger's 9012
 */
@ConfigurationProperties("qingshan.activation")
public record ActivationSettings(
    @DefaultValue("200") int maxWaiting,
    @DefaultValue("20") int maxPerAddress,
    @DefaultValue("10m") Duration answerTimeout) {}
