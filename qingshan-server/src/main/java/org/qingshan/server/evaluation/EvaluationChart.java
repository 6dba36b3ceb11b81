package org.qingshan.server.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of an indicator's line chart, shared by the PDF (drawn with PDFBox lines) and the
 * Word document (a PNG drawn with Java2D): the actual values and the trajectory from baseline to
 * target scaled into a box, y growing upwards.
 */
record EvaluationChart(
    int minYear,
    int maxYear,
    double minValue,
    double maxValue,
    List<double[]> actual,
    List<double[]> trajectory) {

  static EvaluationChart of(EvaluationReport.Indicator i, double width, double height) {
    List<EvaluationReport.Point> all = new ArrayList<>(i.actual());
    all.addAll(i.trajectory());
    if (all.isEmpty()) {
      return new EvaluationChart(0, 0, 0, 0, List.of(), List.of());
    }
    int minYear = all.stream().mapToInt(EvaluationReport.Point::year).min().orElse(0);
    int maxYear = all.stream().mapToInt(EvaluationReport.Point::year).max().orElse(0);
    double min =
        all.stream()
            .map(EvaluationReport.Point::value)
            .mapToDouble(BigDecimal::doubleValue)
            .min()
            .orElse(0);
    double max =
        all.stream()
            .map(EvaluationReport.Point::value)
            .mapToDouble(BigDecimal::doubleValue)
            .max()
            .orElse(1);
    double pad = max == min ? Math.max(1, Math.abs(max) * 0.1) : (max - min) * 0.1;
    min -= pad;
    max += pad;
    int span = Math.max(1, maxYear - minYear);
    double lo = min;
    double range = max - min;
    java.util.function.Function<List<EvaluationReport.Point>, List<double[]>> scale =
        ps ->
            ps.stream()
                .map(
                    p ->
                        new double[] {
                          (p.year() - minYear) * width / span,
                          (p.value().doubleValue() - lo) * height / range
                        })
                .toList();
    return new EvaluationChart(
        minYear, maxYear, min, max, scale.apply(i.actual()), scale.apply(i.trajectory()));
  }

  boolean empty() {
    return actual.isEmpty() && trajectory.isEmpty();
  }

  /** A PNG of the chart for the Word document. */
  static byte[] png(EvaluationReport.Indicator i, int width, int height) {
    int left = 50;
    int bottom = 30;
    int top = 10;
    int right = 10;
    EvaluationChart c = of(i, width - left - right, height - bottom - top);
    var image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(java.awt.Color.GRAY);
      g.drawLine(left, height - bottom, width - right, height - bottom);
      g.drawLine(left, top, left, height - bottom);
      if (!c.empty()) {
        // Digits only: a headless server may lack CJK fonts for Java2D.
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawString(String.valueOf(c.minYear()), left, height - 10);
        g.drawString(String.valueOf(c.maxYear()), width - right - 30, height - 10);
        g.drawString(fmt(c.maxValue()), 2, top + 10);
        g.drawString(fmt(c.minValue()), 2, height - bottom);
        g.setStroke(
            new java.awt.BasicStroke(
                1.5f,
                java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_MITER,
                10,
                new float[] {6, 4},
                0));
        g.setColor(new java.awt.Color(0x99, 0x99, 0x99));
        polyline(g, c.trajectory(), left, height - bottom);
        g.setStroke(new java.awt.BasicStroke(2.5f));
        g.setColor(new java.awt.Color(0x1f, 0x6f, 0xb5));
        polyline(g, c.actual(), left, height - bottom);
        for (double[] p : c.actual()) {
          g.fillOval((int) (left + p[0]) - 3, (int) (height - bottom - p[1]) - 3, 7, 7);
        }
      }
    } finally {
      g.dispose();
    }
    var out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void polyline(java.awt.Graphics2D g, List<double[]> points, int x0, int y0) {
    for (int k = 1; k < points.size(); k++) {
      double[] a = points.get(k - 1);
      double[] b = points.get(k);
      g.drawLine((int) (x0 + a[0]), (int) (y0 - a[1]), (int) (x0 + b[0]), (int) (y0 - b[1]));
    }
  }

  static String fmt(double v) {
    return BigDecimal.valueOf(v)
        .setScale(1, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
