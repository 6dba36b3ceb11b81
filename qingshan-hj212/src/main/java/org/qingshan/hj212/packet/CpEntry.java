package org.qingshan.hj212.packet;

import java.util.Optional;

/**
 * One {@code key=value} of the data area, as sent.
 *
 * @param key the key, e.g. {@code DataTime} or {@code w01018-Rtd}
 * @param value the value; for a nested {@code &&…&&} or a {@code //…//} text, what is inside
 * @param nested whether the value was a nested {@code &&…&&} data area
 */
public record CpEntry(String key, String value, boolean nested) {

  /** The nested data area, when the value was one and parses. */
  public Optional<DataArea> nestedArea() {
    return nested ? DataArea.parse(value) : Optional.empty();
  }
}
