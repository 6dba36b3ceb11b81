package org.qingshan.server.mark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evidence files on disk, under the data folder. A file is stored under a random name without its
 * extension and is only ever sent back as a download, so nothing a user uploads is served as a page
 * or run; its type is judged from its first bytes as well as its name.
 */
@Component
class EvidenceFiles {
  private static final Pattern STORED = Pattern.compile("[0-9a-f]{32}");
  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  /** Extension to its first bytes and the content type it is served with. */
  private static final Map<String, Kind> KINDS =
      Map.of(
          "pdf", new Kind(PDF, "application/pdf"),
          "png", new Kind(PNG, "image/png"),
          "jpg", new Kind(JPEG, "image/jpeg"),
          "jpeg", new Kind(JPEG, "image/jpeg"),
          "docx", new Kind(ZIP, "application/octet-stream"),
          "xlsx", new Kind(ZIP, "application/octet-stream"),
          "doc", new Kind(OLE, "application/octet-stream"),
          "xls", new Kind(OLE, "application/octet-stream"));

  private record Kind(byte[] magic, String contentType) {}

  private final Path dir;
  private final List<String> allowed;

  EvidenceFiles(@Value("${qingshan.data-dir:./data}") String dataDir, MarkSettings settings) {
    this.dir = Path.of(dataDir).resolve("mark-evidence");
    this.allowed =
        settings.evidenceTypes().stream().map(t -> t.toLowerCase(Locale.ROOT).trim()).toList();
  }

  /** The content type of an acceptable file, or a clear refusal naming the types taken. */
  String check(String fileName, byte[] content) {
    String ext = extension(fileName);
    Kind kind = KINDS.get(ext);
    if (kind == null || !allowed.contains(ext)) {
      throw new UserFacingException("mark.evidence.type", String.join(", ", allowed));
    }
    if (content.length < kind.magic().length
        || !Arrays.equals(Arrays.copyOf(content, kind.magic().length), kind.magic())) {
      throw new UserFacingException("mark.evidence.content", ext);
    }
    return kind.contentType();
  }

  /** Writes the file under a new random name and returns that name. */
  String store(byte[] content) {
    String name = HexFormat.of().formatHex(uuidBytes());
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), content, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return name;
  }

  void delete(String storedName) {
    path(storedName)
        .ifPresent(
            p -> {
              try {
                Files.deleteIfExists(p);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** The file of a stored name; a name not made by {@link #store} never leaves the folder. */
  Optional<Path> path(String storedName) {
    if (!STORED.matcher(storedName).matches()) {
      return Optional.empty();
    }
    Path p = dir.resolve(storedName);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static byte[] uuidBytes() {
    UUID u = UUID.randomUUID();
    byte[] b = new byte[16];
    long hi = u.getMostSignificantBits();
    long lo = u.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }
}
