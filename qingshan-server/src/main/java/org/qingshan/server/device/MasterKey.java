package org.qingshan.server.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the devices' SM4 keys with AES-256-GCM (JDK) under a master key kept outside the database:
 * from configuration, or from a file in the data folder made on first start and readable by its
 * owner only. The device id is bound into each sealed key, so a row copied onto another device does
 * not open.
 */
@Component
class MasterKey {
  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
  private static final String FILE_NAME = "device-keys.master";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  MasterKey(DeviceKeySettings settings, @Value("${qingshan.data-dir:./data}") String dataDir) {
    this.key = new SecretKeySpec(load(settings, dataDir), "AES");
  }

  private byte[] load(DeviceKeySettings settings, String dataDir) {
    if (!settings.masterKey().isBlank()) {
      return parse(settings.masterKey(), "qingshan.device-keys.master-key");
    }
    Path file =
        settings.masterKeyFile().isBlank()
            ? Path.of(dataDir).resolve(FILE_NAME)
            : Path.of(settings.masterKeyFile());
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      warnIfOthersMayRead(file);
      return parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key " + file, e);
    }
  }

  private void create(Path file) throws IOException {
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    try {
      if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException raced) {
      return; // another start made it first: use theirs
    }
    Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
    log.info(
        "created the master key of the device keys in {} (keep a copy apart from backups)", file);
  }

  private static void warnIfOthersMayRead(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")
        && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
      log.warn("the master key file {} may be read by others: chmod 600 it", file);
    }
  }

  private static byte[] parse(String hex, String where) {
    if (!hex.matches("[0-9A-Fa-f]{64}")) {
      throw new IllegalStateException(where + " must be 64 hex digits (an AES-256 key)");
    }
    return HexFormat.of().parseHex(hex);
  }

  /** The key sealed for one device: nonce and ciphertext with its tag, in Base64. */
  String seal(byte[] plain, long deviceId) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(deviceId));
      byte[] sealed = c.doFinal(plain);
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The key of a device, or an exception when the text was not sealed for it with this key. */
  byte[] open(String sealed, long deviceId) throws GeneralSecurityException {
    byte[] in = Base64.getDecoder().decode(sealed);
    if (in.length <= NONCE_BYTES) {
      throw new GeneralSecurityException("sealed key too short");
    }
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
    c.updateAAD(aad(deviceId));
    return c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
  }

  private static byte[] aad(long deviceId) {
    return ("qingshan-device-key:" + deviceId).getBytes(StandardCharsets.US_ASCII);
  }
}
