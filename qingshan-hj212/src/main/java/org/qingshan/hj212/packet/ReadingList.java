package org.qingshan.hj212.packet;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The readings of one data area: an unmodifiable list over an array sized exactly, so a decoded
 * packet holds no list growth and no wrapper.
 */
final class ReadingList extends AbstractList<FactorReading> implements RandomAccess {
  private final FactorReading[] readings;

  ReadingList(FactorReading[] readings) {
    this.readings = readings;
  }

  @Override
  public FactorReading get(int index) {
    return readings[index];
  }

  @Override
  public int size() {
    return readings.length;
  }
}
