package org.qingshan.server.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a file is, by its extension, checked against its first bytes: an evidence file named .pdf
 * must be a PDF. Answers the content type it is stored and served with, or empty when the two
 * disagree or the kind is unknown.
 */
public final class FileKinds {
  private record Kind(String contentType, byte[] magic) {}

  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private static final Map<String, Kind> KINDS =
      Map.of(
          "pdf", new Kind("application/pdf", PDF),
          "png", new Kind("image/png", PNG),
          "jpg", new Kind("image/jpeg", JPEG),
          "jpeg", new Kind("image/jpeg", JPEG),
          "docx",
              new Kind(
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
          "xlsx",
              new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
          "doc", new Kind("application/msword", OLE2),
          "xls", new Kind("application/vnd.ms-excel", OLE2));

  private FileKinds() {}

  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** True for an extension whose kind is known here (and so can be checked by its bytes). */
  public static boolean known(String extension) {
    return KINDS.containsKey(extension);
  }

  public static Optional<String> contentType(String fileName, byte[] content) {
    Kind kind = KINDS.get(extension(fileName));
    if (kind == null || content.length < kind.magic().length) {
      return Optional.empty();
    }
    return Arrays.equals(content, 0, kind.magic().length, kind.magic(), 0, kind.magic().length)
        ? Optional.of(kind.contentType())
        : Optional.empty();
  }
}
