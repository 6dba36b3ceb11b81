package org.qingshan.server.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.qingshan.server.web.Photos;
import org.qingshan.server.web.StoredFiles;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photos of case steps: checked, written anew without metadata, stored on disk; removed again
 * when the step's transaction rolls back, so nothing is stored half-way.
 */
@Component
public class CasePhotos {
  private final StoredFiles files;
  private final CaseSettings settings;

  CasePhotos(@Value("${qingshan.data-dir:./data}") String dataDir, CaseSettings settings) {
    this.files = new StoredFiles(Path.of(dataDir).resolve("case-photos"));
    this.settings = settings;
  }

  /** Re-encodes and stores one photo, returning it before its row is written. */
  Stored store(MultipartFile file) {
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Photos.Photo photo = Photos.reencode(content, settings.photoMaxSize(), settings.photoMaxSide());
    String name = files.store(photo.jpeg());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                files.delete(name);
              }
            }
          });
    }
    return new Stored(name, photo.jpeg().length, photo.width(), photo.height());
  }

  void checkCount(int count) {
    if (count > settings.maxPhotos()) {
      throw new UserFacingException("cases.photos.too-many", settings.maxPhotos());
    }
  }

  public Optional<byte[]> read(CasePhoto photo) {
    return files.read(photo.storedName());
  }

  record Stored(String name, int size, int width, int height) {}
}
