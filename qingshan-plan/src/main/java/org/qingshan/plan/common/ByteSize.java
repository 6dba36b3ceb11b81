package org.qingshan.plan.common;

/** A size in the words of a refusal: whole megabytes from 1 MB on, kilobytes below. */
public final class ByteSize {
  private static final long KB = 1024L;
  private static final long MB = 1024L * 1024L;

  private ByteSize() {}

  public static String of(long bytes) {
    if (bytes >= MB) {
      return bytes / MB + " MB";
    }
    return Math.max(1, (bytes + KB - 1) / KB) + " KB";
  }
}
