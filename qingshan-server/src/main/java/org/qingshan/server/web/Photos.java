package org.qingshan.server.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.util.unit.DataSize;

/**
 * Photos people upload (a handler's proof, a public report, a patrol check-in), taken only as a
 * real JPEG, PNG, GIF or BMP image and written anew as a JPEG: whatever else the file carried (EXIF
 * with the phone's position and owner, a script after the image data) is gone, and the longer side
 * is scaled down to a size a page shows.
 */
public final class Photos {
  /** Refuses images whose pixels would not fit in memory before decoding them. */
  private static final long MAX_PIXELS = 40_000_000L;

  private Photos() {}

  /** A photo written anew, with its size in pixels. */
  public record Photo(byte[] jpeg, int width, int height) {}

  /**
   * The photo written anew, or a {@link UserFacingException} ({@code photo.too-large}, {@code
   * photo.not-image}) for a file too big or not an image.
   */
  public static Photo reencode(byte[] content, DataSize maxSize, int maxSide) {
    if (content.length > maxSize.toBytes()) {
      throw new UserFacingException("photo.too-large", maxSize.toMegabytes());
    }
    BufferedImage image = decode(content);
    double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return new Photo(jpeg(rgb), width, height);
  }

  private static BufferedImage decode(byte[] content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new UserFacingException("photo.not-image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_PIXELS) {
          throw new UserFacingException("photo.not-image");
        }
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw new UserFacingException("photo.not-image");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserFacingException u) {
        throw u;
      }
      throw new UserFacingException("photo.not-image");
    }
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
