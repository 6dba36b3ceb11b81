package org.qingshan.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of one kind (case steps, patrols) in their folder: checked and written anew by {@link
 * Photos}, stored under a random name and removed again when the transaction that was to record
 * them rolls back ({@link StoredFiles#storeInTransaction}).
 */
public final class StoredPhotos {
  private final StoredFiles files;
  private final DataSize maxSize;
  private final int maxSide;

  /** A photo on disk before its row is written. */
  public record Stored(String name, int size, int width, int height) {}

  public StoredPhotos(Path dir, DataSize maxSize, int maxSide) {
    this.files = new StoredFiles(dir);
    this.maxSize = maxSize;
    this.maxSide = maxSide;
  }

  public Stored store(MultipartFile file) {
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Photos.Photo photo = Photos.reencode(content, maxSize, maxSide);
    String name = files.storeInTransaction(photo.jpeg());
    return new Stored(name, photo.jpeg().length, photo.width(), photo.height());
  }

  public Optional<byte[]> read(String storedName) {
    return files.read(storedName);
  }
}
