package org.qingshan.server.plandispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.web.FileKinds;
import org.qingshan.server.web.StoredFiles;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files of task reports: a PDF, an image or an Office file whose first bytes are what its
 * name says, within the size and count allowed, stored under a random name and removed again when
 * the report's transaction rolls back.
 */
@Component
class DispatchEvidenceFiles {
  /** One file at most; the whole request is bounded by the upload endpoint too. */
  static final long MAX_BYTES = 10L * 1024 * 1024;

  static final int MAX_FILES = 5;

  /** The kinds taken as evidence; each is checked by its first bytes ({@link FileKinds}). */
  private static final Set<String> TYPES = Set.of("pdf", "png", "jpg", "jpeg", "docx", "xlsx");

  private final StoredFiles files;

  DispatchEvidenceFiles(@Value("${qingshan.data-dir:./data}") String dataDir) {
    this.files = new StoredFiles(Path.of(dataDir).resolve("plan-evidence"));
  }

  /** A file checked and read, not yet stored. */
  record Checked(String fileName, String contentType, byte[] content) {}

  /** Checks every file before any is stored: one bad file refuses the report. */
  List<Checked> check(List<MultipartFile> uploads) {
    List<MultipartFile> given = uploads.stream().filter(f -> !f.isEmpty()).toList();
    if (given.size() > MAX_FILES) {
      throw new UserFacingException("plandispatch.files.too-many", MAX_FILES);
    }
    return given.stream().map(DispatchEvidenceFiles::checkOne).toList();
  }

  private static Checked checkOne(MultipartFile f) {
    String name = Optional.ofNullable(f.getOriginalFilename()).orElse("file").strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    if (f.getSize() > MAX_BYTES) {
      throw new UserFacingException("plandispatch.file.too-large", name, MAX_BYTES / 1024 / 1024);
    }
    byte[] content;
    try {
      content = f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<String> type =
        TYPES.contains(FileKinds.extension(name))
            ? FileKinds.contentType(name, content)
            : Optional.empty();
    if (type.isEmpty()) {
      throw new UserFacingException("plandispatch.file.type", name);
    }
    return new Checked(name, type.get(), content);
  }

  /** Stores a checked file; it is removed again if the transaction does not commit. */
  String store(Checked file) {
    return files.storeInTransaction(file.content());
  }

  Optional<byte[]> read(String storedName) {
    return files.read(storedName);
  }
}
