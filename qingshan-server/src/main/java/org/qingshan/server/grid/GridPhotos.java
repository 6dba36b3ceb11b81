package org.qingshan.server.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.qingshan.server.web.Photos;
import org.qingshan.server.web.StoredFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * The photos of patrols: checked, written anew without metadata, stored on disk; removed again when
 * the check-in's transaction rolls back, so nothing is stored half-way.
 */
@Component
class GridPhotos {
  private final StoredFiles files;
  private final GridSettings settings;

  GridPhotos(@Value("${qingshan.data-dir:./data}") String dataDir, GridSettings settings) {
    this.files = new StoredFiles(Path.of(dataDir).resolve("patrol-photos"));
    this.settings = settings;
  }

  record Stored(String name, int size, int width, int height) {}

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

  Optional<byte[]> read(PatrolPhoto photo) {
    return files.read(photo.storedName());
  }
}
