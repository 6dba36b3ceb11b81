package org.qingshan.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files people uploaded, in one folder under the data folder, each under a new random name: no name
 * a user chose ever reaches the file system, and a name not made here never leaves the folder.
 */
public final class StoredFiles {
  private static final Pattern STORED = Pattern.compile("[0-9a-f]{32}");
  private final Path dir;

  public StoredFiles(Path dir) {
    this.dir = dir;
  }

  /** Writes the content under a new random name and returns that name. */
  public String store(byte[] content) {
    UUID u = UUID.randomUUID();
    String name =
        HexFormat.of().toHexDigits(u.getMostSignificantBits())
            + HexFormat.of().toHexDigits(u.getLeastSignificantBits());
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name), content, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return name;
  }

  /**
   * Writes the content as {@link #store} does, and removes it again when the current transaction
   * does not commit, so a record that was not stored leaves no file behind.
   */
  public String storeInTransaction(byte[] content) {
    String name = store(content);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                delete(name);
              }
            }
          });
    }
    return name;
  }

  /** The file of a stored name, if it was made by {@link #store} and is still there. */
  public Optional<Path> path(String storedName) {
    if (!STORED.matcher(storedName).matches()) {
      return Optional.empty();
    }
    Path p = dir.resolve(storedName);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** The content of a stored name, if it was made by {@link #store} and is still there. */
  public Optional<byte[]> read(String storedName) {
    return path(storedName)
        .map(
            p -> {
              try {
                return Files.readAllBytes(p);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Removes a file whose record was not stored after all (its transaction rolled back). */
  public void delete(String storedName) {
    if (STORED.matcher(storedName).matches()) {
      try {
        Files.deleteIfExists(dir.resolve(storedName));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
