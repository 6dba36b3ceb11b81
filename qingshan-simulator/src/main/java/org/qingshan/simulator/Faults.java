package org.qingshan.simulator;

import java.util.Set;

/**
 * What is wrong with a simulated device, so that the demo shows each kind of alarm at once rather
 * than when chance brings it.
 *
 * @param stuckFactors factors whose analyser is stuck: the same value every time (恒值)
 * @param silent the device sent its history but has not been heard for hours (联网异常)
 * @param continuousProduction production runs around the clock (a kiln), not on a day shift
 * @param stoppedTreatments treatment facilities (by number) standing still (治污设施未运行)
 */
public record Faults(
    Set<String> stuckFactors,
    boolean silent,
    boolean continuousProduction,
    Set<Integer> stoppedTreatments) {
  public static final Faults NONE = new Faults(Set.of(), false, false, Set.of());

  public Faults {
    stuckFactors = Set.copyOf(stuckFactors);
    stoppedTreatments = Set.copyOf(stoppedTreatments);
  }

  /** Analysers of these factors stuck at their typical value. */
  public static Faults stuckAnalysers(String... factors) {
    return new Faults(Set.of(factors), false, false, Set.of());
  }

  /** Heard last hours before the start, silent since. */
  public static Faults silentForHours() {
    return new Faults(Set.of(), true, false, Set.of());
  }

  /** Production around the clock with these treatment facilities standing still. */
  public static Faults treatmentStoppedAroundTheClock(Integer... facilities) {
    return new Faults(Set.of(), false, true, Set.of(facilities));
  }

  public boolean stuck(String factor) {
    return stuckFactors.contains(factor);
  }

  public boolean treatmentStopped(int facility) {
    return stoppedTreatments.contains(facility);
  }
}
