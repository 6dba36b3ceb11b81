package org.qingshan.plan.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.qingshan.plan.common.PlanImportException;

/**
 * Decodes a text file of unknown encoding. County files come as UTF-8 (with or without BOM) or as
 * GB18030/GBK from older Windows tools; a strict UTF-8 decode that fails is a reliable sign of GBK,
 * because GBK byte pairs are almost never valid UTF-8.
 */
public final class TextDecoder {

  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  public static String decode(byte[] bytes) throws PlanImportException {
    if (bytes.length == 0) {
      throw new PlanImportException("文件为空（0 字节），没有可导入的内容");
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strict(bytes, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strict(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strict(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (looksBinary(bytes)) {
      throw new PlanImportException("文件不是文本文件（含二进制内容），请提供 .txt、.docx 或 .pdf 规划文本");
    }
    try {
      return strict(bytes, 0, StandardCharsets.UTF_8);
    } catch (PlanImportException notUtf8) {
      return strict(bytes, 0, GB18030);
    }
  }

  private static String strict(byte[] bytes, int offset, Charset charset)
      throws PlanImportException {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PlanImportException("无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
