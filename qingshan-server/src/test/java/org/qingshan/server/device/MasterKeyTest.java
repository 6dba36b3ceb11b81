package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key that seals the devices' SM4 keys, and what a sealed key opens with. */
class MasterKeyTest {
  private static final byte[] SM4 = HexFormat.of().parseHex("3A7F19C2D4E5B6A78190FEDCBA246813");

  private static DeviceKeySettings settings(String masterKey) {
    return new DeviceKeySettings(
        masterKey, "", Duration.ofDays(90), Duration.ofDays(10), Duration.ofMinutes(10));
  }

  @Test
  void aMissingKeyFileIsCreatedReadableByItsOwnerOnlyAndReadAgainOnTheNextStart(@TempDir Path dir)
      throws Exception {
    MasterKey first = new MasterKey(settings(""), dir.toString());
    Path file = dir.resolve("device-keys.master");
    assertThat(file).exists();
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    String sealed = first.seal(SM4, 7);
    assertThat(new MasterKey(settings(""), dir.toString()).open(sealed, 7)).isEqualTo(SM4);
  }

  @Test
  void aSealedKeyOpensNeitherForAnotherDeviceNorUnderAnotherMasterKey(@TempDir Path dir)
      throws Exception {
    MasterKey configured = new MasterKey(settings("11".repeat(32)), dir.toString());
    String sealed = configured.seal(SM4, 7);
    assertThat(sealed).doesNotContainIgnoringCase(HexFormat.of().formatHex(SM4));
    assertThat(configured.seal(SM4, 7)).isNotEqualTo(sealed); // a fresh nonce each time
    assertThatThrownBy(() -> configured.open(sealed, 8))
        .isInstanceOf(GeneralSecurityException.class);
    MasterKey other = new MasterKey(settings("22".repeat(32)), dir.toString());
    assertThatThrownBy(() -> other.open(sealed, 7)).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aMalformedConfiguredKeyStopsTheStartWithItsSettingsName(@TempDir Path dir) {
    assertThatThrownBy(() -> new MasterKey(settings("not-hex"), dir.toString()))
        .hasMessageContaining("qingshan.device-keys.master-key")
        .hasMessageNotContaining("not-hex");
  }
}
