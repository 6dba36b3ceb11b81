package org.qingshan.hj212.packet;

/**
 * A thread's arrays for the values of the data area being parsed: primitives only, reused from one
 * packet to the next and grown to the largest seen.
 */
final class ValueScratch {
  byte[] suffixes = new byte[64];
  double[] numbers = new double[64];
  int[] runStart = new int[16];
  int[] runSlot = new int[16];
  boolean busy;
}
