package org.qingshan.server.plandispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.StoredFiles;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

  private record Kind(String contentType, byte[] magic) {}

  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

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
              new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP));

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
    int dot = name.lastIndexOf('.');
    Kind kind = KINDS.get(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (kind == null
        || content.length < kind.magic().length
        || !Arrays.equals(content, 0, kind.magic().length, kind.magic(), 0, kind.magic().length)) {
      throw new UserFacingException("plandispatch.file.type", name);
    }
    return new Checked(name, kind.contentType(), content);
  }

  /** Stores a checked file; it is removed again if the transaction does not commit. */
  String store(Checked file) {
    String stored = files.store(file.content());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                files.delete(stored);
              }
            }
          });
    }
    return stored;
  }

  Optional<byte[]> read(String storedName) {
    return files.read(storedName);
  }
}
