package org.qingshan.server.grid;

import java.nio.file.Path;
import java.util.Optional;
import org.qingshan.server.web.StoredPhotos;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The photos of patrols, in their own folder under the data folder. */
@Component
class GridPhotos {
  private final StoredPhotos photos;

  GridPhotos(@Value("${qingshan.data-dir:./data}") String dataDir, GridSettings settings) {
    this.photos =
        new StoredPhotos(
            Path.of(dataDir).resolve("patrol-photos"),
            settings.photoMaxSize(),
            settings.photoMaxSide());
  }

  StoredPhotos.Stored store(MultipartFile file) {
    return photos.store(file);
  }

  Optional<byte[]> read(PatrolPhoto photo) {
    return photos.read(photo.storedName());
  }
}
