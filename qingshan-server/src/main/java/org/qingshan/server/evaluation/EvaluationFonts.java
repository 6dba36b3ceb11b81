package org.qingshan.server.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Finds the CJK font the PDF embeds: {@code qingshan.evaluation.font} when set, else a Noto CJK (or
 * another CJK) TrueType/OpenType font under the system's font folders. Without one no PDF is made:
 * PDF's standard fonts have no Chinese glyphs.
 */
@Component
class EvaluationFonts {
  private static final List<String> PREFERRED =
      List.of(
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
          "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
  private static final List<String> FOLDERS =
      List.of(
          "/usr/share/fonts",
          "/usr/local/share/fonts",
          "C:\\Windows\\Fonts",
          "/System/Library/Fonts");

  private final EvaluationSettings settings;

  EvaluationFonts(EvaluationSettings settings) {
    this.settings = settings;
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
                .filter(
                    f -> {
                      String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                      return (n.contains("cjk")
                              || n.contains("wqy")
                              || n.contains("simsun")
                              || n.contains("simhei"))
                          && !n.contains("bold")
                          && (n.endsWith(".ttc") || n.endsWith(".ttf") || n.endsWith(".otf"));
                    })
                .sorted()
                .findFirst();
        if (found.isPresent()) {
          return found;
        }
      } catch (IOException e) {
        // an unreadable folder: look in the next
      }
    }
    return Optional.empty();
  }
}
