package org.qingshan.plan.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.qingshan.plan.common.ByteSize;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.common.PlanTooLargeException;

/** Opens a plan file of any supported kind, choosing the reader by content and file name. */
public final class DocumentReader {

  private DocumentReader() {}

  public static SourceDocument read(Path file, ImportBudget budget) throws PlanImportException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new PlanImportException("不是文件而是目录：" + file);
      }
      long size = Files.size(file);
      if (size > maxFileBytes(budget)) {
        throw new PlanTooLargeException(
            "文件过大："
                + ByteSize.of(size)
                + "，超过 "
                + ByteSize.of(maxFileBytes(budget))
                + " 的上限，已拒绝导入");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PlanImportException("文件不存在：" + file, e);
    } catch (IOException e) {
      throw new PlanImportException("无法读取文件 " + file + "：" + WordReader.describe(e), e);
    }
    return read(file.getFileName().toString(), bytes, budget);
  }

  /**
   * Reads an upload. Its size is the caller's to bound (the server's multipart limit); what it
   * expands to and how long it takes is bounded by the budget.
   */
  public static SourceDocument read(String fileName, byte[] bytes, ImportBudget budget)
      throws PlanImportException {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (startsWith(bytes, "%PDF")) {
      return PdfReader.read(fileName, bytes, budget);
    }
    if (startsWith(bytes, "PK")) {
      if (name.endsWith(".docx") || !name.endsWith(".txt")) {
        return WordReader.read(fileName, bytes, budget);
      }
    }
    if (name.endsWith(".pdf")) {
      throw new PlanImportException("文件扩展名为 .pdf，但内容不是 PDF（文件损坏）");
    }
    if (name.endsWith(".docx")) {
      throw new PlanImportException("文件扩展名为 .docx，但内容不是 Word 文档（文件损坏）");
    }
    if (name.endsWith(".doc") || startsWith(bytes, "\u00D0\u00CF\u0011\u00E0")) {
      throw new PlanImportException("不支持旧版 Word .doc 格式，请在 Word 中另存为 .docx 后再导入");
    }
    budget.checkTime();
    String text = TextDecoder.decode(bytes);
    if (name.endsWith(".html") || name.endsWith(".htm") || HtmlReader.looksLikeHtml(text)) {
      return HtmlReader.read(fileName, text, budget);
    }
    return PlainTextReader.read(fileName, text, budget);
  }

  /** A file beyond this cannot hold a plan within the limits, whatever its kind. */
  private static long maxFileBytes(ImportBudget budget) {
    return Math.max(budget.limits().maxCharacters() * 4, budget.limits().maxPackageBytes());
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    if (bytes.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if ((bytes[i] & 0xFF) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
