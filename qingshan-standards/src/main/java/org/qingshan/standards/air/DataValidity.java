package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.time.Month;

/**
 * Minimum valid data (GB 3095 表4, identical in 2012 and 2026, and HJ 663 §6.1.2). Hours are valid
 * hourly means as delivered by the caller; the 45-minute rule of one hour is the caller's job.
 */
public final class DataValidity {
  /** 24-hour mean: at least 20 hourly means. */
  public static final int MIN_HOURS_PER_DAY = 20;

  /** 8-hour mean: at least 6 hourly means in the window. */
  public static final int MIN_HOURS_PER_8_HOUR_WINDOW = 6;

  /** O₃ daily maximum 8-hour mean: at least 14 valid 8-hour means between 08:00 and 24:00. */
  public static final int MIN_8_HOUR_WINDOWS_PER_DAY = 14;

  /** Annual statistics: at least 324 valid days a year. */
  public static final int MIN_DAYS_PER_YEAR = 324;

  /**
   * With fewer than 14 windows the O₃ daily maximum is still valid when it exceeds the limit; the
   * 二级 8-hour limit (160 µg/m³) is the same in every GB 3095 stage.
   */
  public static final BigDecimal O3_8H_LIMIT = BigDecimal.valueOf(160);

  private DataValidity() {}

  /** Valid days needed in a month: 27, or 25 in February. */
  public static int minDaysPerMonth(Month month) {
    return month == Month.FEBRUARY ? 25 : 27;
  }
}
