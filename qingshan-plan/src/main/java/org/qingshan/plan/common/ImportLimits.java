package org.qingshan.plan.common;

import java.time.Clock;
import java.time.Duration;

/**
 * How much one import may read and how long it may take. A plan of a county is some 100,000
 * characters in under a thousand lines; the defaults leave room for twenty times that and refuse
 * what only an accident or an attack produces (a Word file whose parts expand a hundredfold, a PDF
 * of endless pages or drawing). Immutable: each {@code with…} returns a copy. The clock is injected
 * so that the time budget can be tested.
 */
public final class ImportLimits {
  private static final long MB = 1024L * 1024L;

  private long maxCharacters = 2_000_000;
  private int maxParagraphs = 100_000;
  private int maxTableCells = 200_000;
  private int maxPdfPages = 2_000;
  private long maxPdfOperators = 20_000_000;
  private long maxPdfMemoryBytes = 64 * MB;
  private int maxPackageParts = 1_000;
  private long maxPartBytes = 16 * MB;
  private long maxPackageBytes = 64 * MB;
  private double minInflateRatio = 0.01;
  private Duration maxDuration = Duration.ofSeconds(30);
  private Clock clock = Clock.systemUTC();

  private ImportLimits() {}

  private ImportLimits(ImportLimits other) {
    maxCharacters = other.maxCharacters;
    maxParagraphs = other.maxParagraphs;
    maxTableCells = other.maxTableCells;
    maxPdfPages = other.maxPdfPages;
    maxPdfOperators = other.maxPdfOperators;
    maxPdfMemoryBytes = other.maxPdfMemoryBytes;
    maxPackageParts = other.maxPackageParts;
    maxPartBytes = other.maxPartBytes;
    maxPackageBytes = other.maxPackageBytes;
    minInflateRatio = other.minInflateRatio;
    maxDuration = other.maxDuration;
    clock = other.clock;
  }

  public static ImportLimits defaults() {
    return new ImportLimits();
  }

  /** Characters of text in all lines together. */
  public long maxCharacters() {
    return maxCharacters;
  }

  /** Lines of a text file, paragraphs and table rows of a Word file, layout lines of a PDF. */
  public int maxParagraphs() {
    return maxParagraphs;
  }

  /** Cells of all tables together. */
  public int maxTableCells() {
    return maxTableCells;
  }

  /** Pages of a PDF. */
  public int maxPdfPages() {
    return maxPdfPages;
  }

  /** Drawing operators of all a PDF's pages (a plan's text needs some thousands a page). */
  public long maxPdfOperators() {
    return maxPdfOperators;
  }

  /**
   * Memory for a PDF's decoded streams; beyond it they go to a temporary file of at most eight
   * times that.
   */
  public long maxPdfMemoryBytes() {
    return maxPdfMemoryBytes;
  }

  /** Parts (zip entries) of a Word file. */
  public int maxPackageParts() {
    return maxPackageParts;
  }

  /** Expanded size of one part of a Word file. */
  public long maxPartBytes() {
    return maxPartBytes;
  }

  /** Expanded size of all parts of a Word file together. */
  public long maxPackageBytes() {
    return maxPackageBytes;
  }

  /**
   * The least compressed-to-expanded ratio of a part over 1 MB (0.01: it may expand a hundredfold,
   * as POI allows).
   */
  public double minInflateRatio() {
    return minInflateRatio;
  }

  /** Time one import may take. */
  public Duration maxDuration() {
    return maxDuration;
  }

  /** The clock the time budget is measured with. */
  public Clock clock() {
    return clock;
  }

  public ImportLimits withMaxCharacters(long value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxCharacters = positive(value);
    return copy;
  }

  public ImportLimits withMaxParagraphs(int value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxParagraphs = (int) positive(value);
    return copy;
  }

  public ImportLimits withMaxTableCells(int value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxTableCells = (int) positive(value);
    return copy;
  }

  public ImportLimits withMaxPdfPages(int value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxPdfPages = (int) positive(value);
    return copy;
  }

  public ImportLimits withMaxPdfOperators(long value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxPdfOperators = positive(value);
    return copy;
  }

  public ImportLimits withMaxPdfMemoryBytes(long value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxPdfMemoryBytes = positive(value);
    return copy;
  }

  public ImportLimits withMaxPackageParts(int value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxPackageParts = (int) positive(value);
    return copy;
  }

  public ImportLimits withMaxPartBytes(long value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxPartBytes = positive(value);
    return copy;
  }

  public ImportLimits withMaxPackageBytes(long value) {
    ImportLimits copy = new ImportLimits(this);
    copy.maxPackageBytes = positive(value);
    return copy;
  }

  public ImportLimits withMinInflateRatio(double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException("an inflate ratio lies in [0, 1): " + value);
    }
    ImportLimits copy = new ImportLimits(this);
    copy.minInflateRatio = value;
    return copy;
  }

  public ImportLimits withMaxDuration(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("an import needs some time: " + value);
    }
    ImportLimits copy = new ImportLimits(this);
    copy.maxDuration = value;
    return copy;
  }

  public ImportLimits withClock(Clock value) {
    ImportLimits copy = new ImportLimits(this);
    copy.clock = value;
    return copy;
  }

  private static long positive(long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("a limit must be positive: " + value);
    }
    return value;
  }
}
