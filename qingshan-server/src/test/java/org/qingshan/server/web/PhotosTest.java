package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.TestPhotos;
import org.springframework.util.unit.DataSize;

class PhotosTest {

  @Test
  void anImageIsWrittenAnewAsJpegWithoutWhatFollowedIt() throws IOException {
    byte[] png = TestPhotos.png(40, 30, "GPS 36.48,115.45 <script>");
    Photos.Photo photo = Photos.reencode(png, DataSize.ofMegabytes(1), 2048);
    assertThat(photo.jpeg()).startsWith(0xFF, 0xD8, 0xFF);
    assertThat(new String(photo.jpeg(), StandardCharsets.ISO_8859_1))
        .doesNotContain("GPS", "script");
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
    assertThat(back.getWidth()).isEqualTo(40);
    assertThat(photo.height()).isEqualTo(30);
  }

  @Test
  void aLargeImageIsScaledDown() throws IOException {
    Photos.Photo photo =
        Photos.reencode(TestPhotos.png(400, 100, ""), DataSize.ofMegabytes(1), 200);
    assertThat(photo.width()).isEqualTo(200);
    assertThat(photo.height()).isEqualTo(50);
  }

  @Test
  void aFileThatIsNoImageOrTooBigIsRefused() throws IOException {
    assertThatThrownBy(
            () ->
                Photos.reencode(
                    "%PDF-1.4 not a photo".getBytes(StandardCharsets.US_ASCII),
                    DataSize.ofMegabytes(1),
                    2048))
        .isInstanceOf(UserFacingException.class)
        .extracting(e -> ((UserFacingException) e).messageKey())
        .isEqualTo("photo.not-image");
    byte[] big = TestPhotos.png(10, 10, "x".repeat(2_000));
    assertThatThrownBy(() -> Photos.reencode(big, DataSize.ofBytes(1_000), 2048))
        .extracting(e -> ((UserFacingException) e).messageKey())
        .isEqualTo("photo.too-large");
  }
}
