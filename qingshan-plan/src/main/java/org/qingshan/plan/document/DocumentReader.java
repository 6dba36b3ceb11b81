package org.qingshan.plan.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.qingshan.plan.PlanImportException;

/** Opens a plan file of any supported kind, choosing the reader by content and file name. */
public final class DocumentReader {

  private DocumentReader() {}

  public static SourceDocument read(Path file) throws PlanImportException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new PlanImportException("不是文件而是目录：" + file);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new PlanImportException("文件不存在：" + file, e);
    } catch (IOException e) {
      throw new PlanImportException("无法读取文件 " + file + "：" + WordReader.describe(e), e);
    }
    return read(file.getFileName().toString(), bytes);
  }

  public static SourceDocument read(String fileName, byte[] bytes) throws PlanImportException {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (startsWith(bytes, "%PDF")) {
      return PdfReader.read(fileName, bytes);
    }
    if (startsWith(bytes, "PK")) {
      if (name.endsWith(".docx") || !name.endsWith(".txt")) {
        return WordReader.read(fileName, bytes);
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
    String text = TextDecoder.decode(bytes);
    if (name.endsWith(".html") || name.endsWith(".htm") || HtmlReader.looksLikeHtml(text)) {
      return HtmlReader.read(fileName, text);
    }
    return PlainTextReader.read(fileName, text);
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
