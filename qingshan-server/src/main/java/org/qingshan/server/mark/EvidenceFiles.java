package org.qingshan.server.mark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.server.web.FileKinds;
import org.qingshan.server.web.StoredFiles;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evidence files of data marks, under the data folder. A file is stored under a random name without
 * its extension and is only ever sent back as a download, so nothing a user uploads is served as a
 * page or run; its type is judged from its first bytes as well as its name.
 */
@Component
class EvidenceFiles {
  private final StoredFiles files;
  private final List<String> allowed;

  EvidenceFiles(@Value("${qingshan.data-dir:./data}") String dataDir, MarkSettings settings) {
    this.files = new StoredFiles(Path.of(dataDir).resolve("mark-evidence"));
    this.allowed =
        settings.evidenceTypes().stream().map(t -> t.toLowerCase(Locale.ROOT).trim()).toList();
  }

  /** The content type of an acceptable file, or a clear refusal naming the types taken. */
  String check(String fileName, byte[] content) {
    String ext = FileKinds.extension(fileName);
    if (!allowed.contains(ext) || !FileKinds.known(ext)) {
      throw new UserFacingException("mark.evidence.type", String.join(", ", allowed));
    }
    return FileKinds.contentType(fileName, content)
        .orElseThrow(() -> new UserFacingException("mark.evidence.content", ext));
  }

  /** Writes the file under a new random name and returns that name. */
  String store(byte[] content) {
    return files.store(content);
  }

  void delete(String storedName) {
    files.delete(storedName);
  }

  /** The file of a stored name; a name not made by {@link #store} never leaves the folder. */
  Optional<Path> path(String storedName) {
    return files.path(storedName);
  }
}
