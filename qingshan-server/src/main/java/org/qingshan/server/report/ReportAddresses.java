package org.qingshan.server.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client address of a report, kept only as a keyed hash (HMAC-SHA256): enough to count the
 * reports of one address, while a copy of the database alone does not tell who reported (an IPv4
 * address hashed without a secret is found by trying all 2³² of them). The key is made once from
 * {@link SecureRandom} and kept in the data folder, readable by its owner only.
 */
@Component
class ReportAddresses {
  private final byte[] key;

  ReportAddresses(@Value("${qingshan.data-dir:./data}") String dataDir) {
    this.key = loadOrCreate(Path.of(dataDir).resolve("report-address.key"));
  }

  String hash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } else {
            Files.createFile(file);
          }
          Files.write(file, HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII));
          return fresh;
        } catch (FileAlreadyExistsException another) {
          // Made meanwhile by a second server on the same folder: read theirs.
        }
      }
      return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
