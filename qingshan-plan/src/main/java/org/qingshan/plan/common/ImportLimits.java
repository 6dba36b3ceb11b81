package org.qingshan.plan.common;

import java.time.Clock;
import java.time.Duration;

/**
 * How much one import may read and how long it may take. A plan of a county is some 100,000
 * characters in a few thousand paragraphs; the defaults leave room for twenty times that and refuse
 * what only an accident or an attack produces (a Word file whose parts expand a hundredfold, a PDF
 * of a hundred thousand pages). The clock is injected so that the time budget can be tested.
 *
 * @param maxCharacters characters of text in all lines together
 * @param maxParagraphs lines of a text file, paragraphs and table rows of a Word file, layout lines
 *     of a PDF
 * @param maxTableCells cells of all tables together
 * @param maxPdfPages pages of a PDF
 * @param maxPdfMemoryBytes memory for a PDF's decoded streams; beyond it they go to a temporary
 *     file of at most eight times that
 * @param maxPackageParts parts (zip entries) of a Word file
 * @param maxPartBytes expanded size of one part of a Word file
 * @param maxPackageBytes expanded size of all parts of a Word file together
 * @param minInflateRatio the least compressed-to-expanded ratio of a large part (0.01: a part may
 *     expand a hundredfold, as POI allows)
 * @param maxDuration time one import may take
 * @param clock the clock the time budget is measured with
 */
public record ImportLimits(
    long maxCharacters,
    int maxParagraphs,
    int maxTableCells,
    int maxPdfPages,
    long maxPdfMemoryBytes,
    int maxPackageParts,
    long maxPartBytes,
    long maxPackageBytes,
    double minInflateRatio,
    Duration maxDuration,
    Clock clock) {

  private static final long MB = 1024L * 1024L;

  public ImportLimits {
    if (maxCharacters <= 0
        || maxParagraphs <= 0
        || maxTableCells <= 0
        || maxPdfPages <= 0
        || maxPdfMemoryBytes <= 0
        || maxPackageParts <= 0
        || maxPartBytes <= 0
        || maxPackageBytes <= 0
        || minInflateRatio < 0
        || maxDuration.isNegative()
        || maxDuration.isZero()) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }

  public static ImportLimits defaults() {
    return new ImportLimits(
        2_000_000,
        100_000,
        200_000,
        2_000,
        64 * MB,
        1_000,
        16 * MB,
        64 * MB,
        0.01,
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  public ImportLimits withMaxCharacters(long value) {
    return new ImportLimits(
        value,
        maxParagraphs,
        maxTableCells,
        maxPdfPages,
        maxPdfMemoryBytes,
        maxPackageParts,
        maxPartBytes,
        maxPackageBytes,
        minInflateRatio,
        maxDuration,
        clock);
  }

  public ImportLimits withMaxParagraphs(int value) {
    return new ImportLimits(
        maxCharacters,
        value,
        maxTableCells,
        maxPdfPages,
        maxPdfMemoryBytes,
        maxPackageParts,
        maxPartBytes,
        maxPackageBytes,
        minInflateRatio,
        maxDuration,
        clock);
  }

  public ImportLimits withMaxTableCells(int value) {
    return new ImportLimits(
        maxCharacters,
        maxParagraphs,
        value,
        maxPdfPages,
        maxPdfMemoryBytes,
        maxPackageParts,
        maxPartBytes,
        maxPackageBytes,
        minInflateRatio,
        maxDuration,
        clock);
  }

  public ImportLimits withMaxPdfPages(int value) {
    return new ImportLimits(
        maxCharacters,
        maxParagraphs,
        maxTableCells,
        value,
        maxPdfMemoryBytes,
        maxPackageParts,
        maxPartBytes,
        maxPackageBytes,
        minInflateRatio,
        maxDuration,
        clock);
  }

  public ImportLimits withMaxPartBytes(long value) {
    return new ImportLimits(
        maxCharacters,
        maxParagraphs,
        maxTableCells,
        maxPdfPages,
        maxPdfMemoryBytes,
        maxPackageParts,
        value,
        maxPackageBytes,
        minInflateRatio,
        maxDuration,
        clock);
  }

  public ImportLimits withMaxDuration(Duration value) {
    return new ImportLimits(
        maxCharacters,
        maxParagraphs,
        maxTableCells,
        maxPdfPages,
        maxPdfMemoryBytes,
        maxPackageParts,
        maxPartBytes,
        maxPackageBytes,
        minInflateRatio,
        value,
        clock);
  }

  public ImportLimits withClock(Clock value) {
    return new ImportLimits(
        maxCharacters,
        maxParagraphs,
        maxTableCells,
        maxPdfPages,
        maxPdfMemoryBytes,
        maxPackageParts,
        maxPartBytes,
        maxPackageBytes,
        minInflateRatio,
        maxDuration,
        value);
  }
}
