package org.qingshan.server.plandashboard;

import java.util.Map;
import java.util.Optional;

/**
 * A straight line fitted by least squares to an indicator's yearly values, carried to the target
 * year: where the indicator ends up if it keeps moving as it has.
 */
public record TrendForecast(double slope, double intercept) {
  /** The fitted line, or empty with fewer than two distinct years. */
  public static Optional<TrendForecast> fit(Map<Integer, Double> valuesByYear) {
    int n = valuesByYear.size();
    if (n < 2) {
      return Optional.empty();
    }
    double sx = 0;
    double sy = 0;
    for (var e : valuesByYear.entrySet()) {
      sx += e.getKey();
      sy += e.getValue();
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (var e : valuesByYear.entrySet()) {
      double dx = e.getKey() - mx;
      sxx += dx * dx;
      sxy += dx * (e.getValue() - my);
    }
    if (sxx == 0) {
      return Optional.empty();
    }
    double slope = sxy / sxx;
    return Optional.of(new TrendForecast(slope, my - slope * mx));
  }

  public double at(int year) {
    return intercept + slope * year;
  }
}
