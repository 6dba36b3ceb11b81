package org.qingshan.server.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Finds the CJK font the PDF embeds: {@code qingshan.evaluation.font} when set, else a CJK font
 * under the system's font folders, TrueType outlines first (WenQuanYi, Droid Sans Fallback, AR PL
 * UMing: PDFBox embeds only the glyphs used, a PDF of some 40 KB) before Noto CJK, whose CFF
 * outlines PDFBox cannot subset (the whole font embedded: a PDF of over 10 MB). Without one no PDF
 * is made: PDF's standard fonts have no Chinese glyphs.
 */
@Component
class EvaluationFonts {
  /** CJK fonts with TrueType outlines, which PDFBox subsets, as Debian packages install them. */
  static final List<String> TRUETYPE =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
          "/usr/share/fonts/truetype/arphic/uming.ttc",
          "/usr/share/fonts/truetype/arphic/ukai.ttc");

  private static final List<String> PREFERRED =
      Stream.concat(
              TRUETYPE.stream(),
              Stream.of(
                  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                  "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
                  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"))
          .toList();

  /** Name parts of CJK fonts found elsewhere, TrueType outlines first, Noto CJK (CFF) last. */
  private static final List<String> NAMES =
      List.of("wqy", "droidsansfallback", "uming", "ukai", "simsun", "simhei", "cjk");

  private static final List<String> FOLDERS =
      List.of(
          "/usr/share/fonts",
          "/usr/local/share/fonts",
          "C:\\Windows\\Fonts",
          "/System/Library/Fonts");

  private final EvaluationSettings settings;
  private volatile Optional<byte[]> bytes;

  EvaluationFonts(EvaluationSettings settings) {
    this.settings = settings;
  }

  /**
   * The font's own bytes, read once: one font of a collection (.ttc) cut out as a single font file,
   * the Simplified Chinese one where the collection has it.
   */
  Optional<byte[]> cjkFontBytes() {
    Optional<byte[]> b = bytes;
    if (b == null) {
      b = cjkFont().map(EvaluationFonts::read);
      bytes = b;
    }
    return b;
  }

  private static byte[] read(Path file) {
    try {
      byte[] all = Files.readAllBytes(file);
      if (all.length < 12
          || !new String(all, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("ttcf")) {
        return all;
      }
      java.util.List<String> names = new java.util.ArrayList<>();
      try (var collection = new org.apache.fontbox.ttf.TrueTypeCollection(file.toFile())) {
        collection.processAllFonts(f -> names.add(f.getName()));
      }
      int index = 0;
      for (int k = 0; k < names.size(); k++) {
        if (names.get(k).endsWith("sc-Regular") || names.get(k).contains("SC")) {
          index = k;
          break;
        }
      }
      return single(all, index);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Font {@code index} of a TrueType/OpenType collection as a font file of its own. */
  static byte[] single(byte[] ttc, int index) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(ttc);
    int off = b.getInt(12 + 4 * index);
    int n = b.getShort(off + 4) & 0xffff;
    int header = 12 + 16 * n;
    int total = header;
    for (int k = 0; k < n; k++) {
      total += (b.getInt(off + 12 + 16 * k + 12) + 3) & ~3;
    }
    java.nio.ByteBuffer o = java.nio.ByteBuffer.allocate(total);
    o.put(ttc, off, 12);
    int pos = header;
    for (int k = 0; k < n; k++) {
      int r = off + 12 + 16 * k;
      int tableOffset = b.getInt(r + 8);
      int length = b.getInt(r + 12);
      o.position(12 + 16 * k);
      o.putInt(b.getInt(r)).putInt(b.getInt(r + 4)).putInt(pos).putInt(length);
      o.position(pos);
      o.put(ttc, tableOffset, length);
      pos += (length + 3) & ~3;
    }
    return o.array();
  }

  Optional<Path> cjkFont() {
    if (!settings.font().isBlank()) {
      Path p = Path.of(settings.font());
      return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String s : PREFERRED) {
      Path p = Path.of(s);
      if (Files.isReadable(p)) {
        return Optional.of(p);
      }
    }
    for (String folder : FOLDERS) {
      Path dir = Path.of(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir, 5)) {
        Optional<Path> found =
            files
                .filter(f -> rank(f) < NAMES.size())
                .filter(
                    f -> {
                      String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                      return !n.contains("bold")
                          && (n.endsWith(".ttc") || n.endsWith(".ttf") || n.endsWith(".otf"));
                    })
                .min(Comparator.comparingInt(EvaluationFonts::rank).thenComparing(Path::toString));
        if (found.isPresent()) {
          return found;
        }
      } catch (IOException e) {
        // an unreadable folder: look in the next
      }
    }
    return Optional.empty();
  }

  /** The place of a font file's name in {@link #NAMES}; past its end: not a CJK font. */
  private static int rank(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (int k = 0; k < NAMES.size(); k++) {
      if (n.contains(NAMES.get(k))) {
        return k;
      }
    }
    return NAMES.size();
  }
}
