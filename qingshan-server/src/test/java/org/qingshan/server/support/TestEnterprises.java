package org.qingshan.server.support;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.qingshan.server.registry.CreditCode;
import org.qingshan.server.registry.Enterprise;

/**
 * Enterprises for tests on the shared demo server: credit codes from one counter (tests that kept a
 * counter each could hand out the same code twice), and records with only what registering needs.
 */
public final class TestEnterprises {
  private static final AtomicInteger SERIAL =
      new AtomicInteger((int) (System.nanoTime() % 100_000));

  private TestEnterprises() {}

  /** A valid credit code no other test in this run has been given. */
  public static CreditCode uniqueCreditCode() {
    String first17 = String.format("91370882MA%07d", SERIAL.incrementAndGet() % 10_000_000);
    return new CreditCode(first17 + CreditCode.checkCharacter(first17));
  }

  /** An enterprise known by its name and code only. */
  public static Enterprise of(String name, CreditCode code) {
    return of(name, code, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** An enterprise with its industry (code and name) and town. */
  public static Enterprise of(
      String name,
      CreditCode code,
      Optional<String> industryCode,
      Optional<String> industryName,
      Optional<String> town) {
    return new Enterprise(
        0,
        name,
        code,
        industryCode,
        industryName,
        Optional.empty(),
        town,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
