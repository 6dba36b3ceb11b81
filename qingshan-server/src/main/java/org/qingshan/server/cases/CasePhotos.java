package org.qingshan.server.cases;

import java.nio.file.Path;
import java.util.Optional;
import org.qingshan.server.web.StoredPhotos;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The photos of case steps, in their own folder under the data folder, so many a step. */
@Component
public class CasePhotos {
  private final StoredPhotos photos;
  private final CaseSettings settings;

  CasePhotos(@Value("${qingshan.data-dir:./data}") String dataDir, CaseSettings settings) {
    this.photos =
        new StoredPhotos(
            Path.of(dataDir).resolve("case-photos"),
            settings.photoMaxSize(),
            settings.photoMaxSide());
    this.settings = settings;
  }

  StoredPhotos.Stored store(MultipartFile file) {
    return photos.store(file);
  }

  void checkCount(int count) {
    if (count > settings.maxPhotos()) {
      throw new UserFacingException("cases.photos.too-many", settings.maxPhotos());
    }
  }

  public Optional<byte[]> read(CasePhoto photo) {
    return photos.read(photo.storedName());
  }
}
