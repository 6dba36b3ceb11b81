package org.qingshan.hj212.gateway;

/** Packets-per-second limiter: {@code rate} tokens a second, at most {@code burst} saved up. */
final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, double burst, long nowNanos) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /**
   * Takes a token (the debt may go negative: the packet was already read). Returns 0 when there was
   * one, else the nanoseconds until the balance is positive again.
   */
  synchronized long take(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * ratePerNano);
    last = nowNanos;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
  }
}
