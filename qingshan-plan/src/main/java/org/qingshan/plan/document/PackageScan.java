package org.qingshan.plan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.qingshan.plan.common.ByteSize;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.PlanTooLargeException;

/**
 * Inflates a Word package into a small buffer once, counting, before POI reads it: POI keeps every
 * part in memory and builds an XML tree of the document part, so a part that expands a hundredfold
 * (a 1.4 MB upload of 95 MB of XML) would cost gigabytes of heap and minutes of a processor. The
 * scan reads the entries the way POI does (Commons Compress, local headers in order), holds only
 * its buffer and stops at the first limit of this import's {@link ImportLimits}.
 *
 * <p>POI's own guard ({@link ZipSecureFile}) is process-wide static state and cannot carry one
 * import's limits. It stays as a second line behind this scan: {@link #tightenPoi} lowers its
 * settings to ceilings no real Office file reaches and never raises a setting someone else chose
 * (Excel exports write and do not read, so they are untouched).
 */
final class PackageScan {

  /**
   * Parts smaller than this are not judged by their compression ratio (a short XML compresses
   * well).
   */
  private static final long RATIO_GRACE_BYTES = 1024L * 1024L;

  private static final long POI_MAX_ENTRY_BYTES = 256L * 1024L * 1024L;
  private static final long POI_MAX_TEXT_CHARACTERS = 10_000_000L;
  private static final long POI_MAX_FILE_COUNT = 1_000L;
  private static final double POI_MIN_INFLATE_RATIO = 0.01;

  static {
    tightenPoi();
  }

  private PackageScan() {}

  static void check(byte[] bytes, ImportBudget budget) throws PlanTooLargeException, IOException {
    ImportLimits limits = budget.limits();
    byte[] buffer = new byte[64 * 1024];
    int parts = 0;
    long total = 0;
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
      ZipArchiveEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        parts++;
        if (parts > limits.maxPackageParts()) {
          throw new PlanTooLargeException(
              "Word 文档包含的部件过多（超过 " + limits.maxPackageParts() + " 个），不是正常的 Word 文档，已拒绝导入");
        }
        long size = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
          size += n;
          total += n;
          if (size > limits.maxPartBytes()) {
            throw new PlanTooLargeException(
                "Word 文档解压后过大：其中的“"
                    + printable(entry.getName())
                    + "”解压后超过 "
                    + ByteSize.of(limits.maxPartBytes())
                    + " 的上限（可能是“压缩炸弹”），已拒绝导入");
          }
          if (total > limits.maxPackageBytes()) {
            throw new PlanTooLargeException(
                "Word 文档解压后过大：全部内容解压后超过 "
                    + ByteSize.of(limits.maxPackageBytes())
                    + " 的上限（可能是“压缩炸弹”），已拒绝导入");
          }
          if (size > RATIO_GRACE_BYTES
              && (double) zip.getCompressedCount() / size < limits.minInflateRatio()) {
            throw new PlanTooLargeException(
                "Word 文档中的“"
                    + printable(entry.getName())
                    + "”压缩比异常（解压后是原来的 "
                    + Math.round(1 / limits.minInflateRatio())
                    + " 倍以上，可能是“压缩炸弹”），已拒绝导入");
          }
        }
        budget.checkTime();
      }
    }
  }

  /** A part name comes from the upload: only its letters, digits and path signs are shown. */
  private static String printable(String name) {
    StringBuilder shown = new StringBuilder();
    name.codePoints()
        .limit(80)
        .filter(c -> Character.isLetterOrDigit(c) || "/._-[]".indexOf(c) >= 0)
        .forEach(shown::appendCodePoint);
    return shown.toString();
  }

  private static void tightenPoi() {
    ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), POI_MAX_ENTRY_BYTES));
    ZipSecureFile.setMaxTextSize(Math.min(ZipSecureFile.getMaxTextSize(), POI_MAX_TEXT_CHARACTERS));
    ZipSecureFile.setMaxFileCount(Math.min(ZipSecureFile.getMaxFileCount(), POI_MAX_FILE_COUNT));
    ZipSecureFile.setMinInflateRatio(
        Math.max(ZipSecureFile.getMinInflateRatio(), POI_MIN_INFLATE_RATIO));
  }
}
