package org.qingshan.bench.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineCpuTest {
  @Test
  void twoSamplesGiveTheCoresUsedBetweenThem() {
    // Two cores for 20 s at 100 ticks a second: 4,000 ticks; user 900 + nice 100, system 600 +
    // softirq 400 (the kernel's), idle 1,000, steal 1,000.
    MachineCpu.Sample before =
        MachineCpu.parse(
                List.of(
                    "cpu  1000 0 2000 5000 0 0 300 0 0 0",
                    "cpu0 500 0 1000 2500 0 0 150 0 0 0",
                    "cpu1 500 0 1000 2500 0 0 150 0 0 0",
                    "intr 1"))
            .orElseThrow();
    MachineCpu.Sample after =
        MachineCpu.parse(
                List.of(
                    "cpu  1900 100 2600 6000 0 0 700 1000 0 0",
                    "cpu0 950 50 1300 3000 0 0 350 500 0 0",
                    "cpu1 950 50 1300 3000 0 0 350 500 0 0"))
            .orElseThrow();
    assertThat(after.usedSince(before))
        .isEqualTo("1.00 of 2 cores busy (user 0.50, kernel 0.50), 0.50 taken by the host (steal)");
  }

  @Test
  void somethingElseThanProcStatGivesNoSample() {
    assertThat(MachineCpu.parse(List.of())).isEmpty();
    assertThat(MachineCpu.parse(List.of("intr 1 2 3"))).isEmpty();
    assertThat(MachineCpu.parse(List.of("cpu  1 2 3"))).isEmpty();
    assertThat(MachineCpu.parse(List.of("cpu  1 2 3 4 5 6 7"))).isEmpty();
  }
}
