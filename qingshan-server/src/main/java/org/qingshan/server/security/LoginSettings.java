package org.qingshan.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling: growing waits instead of a lock, so that nobody can lock a real user out.
 *
 * @param freeFailures failed logins of a user name from one address (and of a user name from
 *     anywhere) before each further attempt must wait: 2 s after the next failure, then 4, 8, …
 * @param addressFactor an address may fail this many times {@code freeFailures} (whatever the
 *     names) before it must wait likewise
 * @param maxDelay the longest wait of a name at one address and of an address
 * @param nameMaxDelay the longest wait the failures of a name from anywhere impose on another
 *     address: short, so an outsider cannot keep a real user out; addresses the user logged in from
 *     before do not wait for it at all
 * @param window the failures of a name or address are forgotten once none came for this long
 */
@ConfigurationProperties("qingshan.login")
public record LoginSettings(
    @DefaultValue("5") int freeFailures,
    @DefaultValue("5") int addressFactor,
    @DefaultValue("15m") Duration maxDelay,
    @DefaultValue("30s") Duration nameMaxDelay,
    @DefaultValue("1h") Duration window) {}
