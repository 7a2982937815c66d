package dev.parley.gateway.files;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Pictures sent as files: their size in pixels, read from the header before anything is decoded (a picture of a few
 * KB can claim 30,000 x 30,000 pixels, 3.6 GB once decoded), a thumbnail drawn from a subsampled decode (the first
 * frame of an animation; a JPEG turned as its EXIF orientation says), and a copy without location metadata
 * ({@link Metadata}). Blocks: call {@link #process} on a worker thread, never on an event loop.
 */
final class Images {

  /** A thumbnail fits in this many pixels a side. */
  static final int THUMBNAIL = 320;
  static final int MAX_SIDE = 16_384;
  static final long MAX_PIXELS = 50_000_000L;

  /** What processing found: the size as shown (after orientation), and whether a thumbnail was written. */
  record Facts(int width, int height, boolean thumbnail) {
  }

  private Images() {
  }

  /**
   * Writes {@code cleaned} (the picture without metadata) and {@code thumbnail} (a JPEG); fails {@code invalid} when
   * the picture is too large in pixels, or its metadata or header cannot be read (then nothing can be said about
   * what it holds). A picture whose pixels ImageIO cannot draw is kept, without a thumbnail.
   */
  static Facts process(Path original, String type, Path cleaned, Path thumbnail) {
    try {
      int orientation = Metadata.strip(original, type, cleaned);
      Decoded image = decode(cleaned, type);
      boolean turned = orientation >= 5;
      int width = turned ? image.height() : image.width();
      int height = turned ? image.width() : image.height();
      if (image.image() == null) {
        // Its header is sound but ImageIO cannot draw it (a CMYK JPEG, say): it is kept, without a thumbnail.
        return new Facts(width, height, false);
      }
      writeThumbnail(orient(image.image(), orientation), thumbnail);
      return new Facts(width, height, true);
    } catch (IOException | RuntimeException e) {
      // Malformed data makes readers throw anything from IIOException to IndexOutOfBoundsException.
      throw e instanceof ParleyException refusal ? refusal
          : new ParleyException(ErrorCode.INVALID, "The picture could not be read");
    }
  }

  /** A decoded picture (subsampled) and its size from the header; {@code image} null when it cannot be drawn. */
  private record Decoded(BufferedImage image, int width, int height) {
  }

  private static Decoded decode(Path file, String type) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
    if (!readers.hasNext()) {
      throw new IllegalStateException("No ImageIO reader for " + type);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(input, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw new ParleyException(ErrorCode.INVALID, "The picture could not be read");
      }
      if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
        throw new ParleyException(ErrorCode.INVALID, "The picture is " + width + "×" + height + " px: at most "
            + MAX_SIDE + " px a side and " + MAX_PIXELS / 1_000_000 + " megapixels, please (send it as a zip)");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(width, height) / (THUMBNAIL * 2));
      param.setSourceSubsampling(step, step, 0, 0);
      try {
        return new Decoded(reader.read(0, param), width, height);
      } catch (IOException | RuntimeException undrawable) {
        return new Decoded(null, width, height);
      }
    } finally {
      reader.dispose();
    }
  }

  /** The picture as EXIF orientation 1 to 8 says it is to be shown. */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean turned = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, h, w);
      default -> t.setTransform(0, -1, 1, 0, 0, w);
    }
    BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
        BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** A JPEG of at most {@link #THUMBNAIL} px a side, transparency drawn on white. */
  private static void writeThumbnail(BufferedImage image, Path target) throws IOException {
    BufferedImage scaled = Thumbnails.of(image).size(THUMBNAIL, THUMBNAIL).asBufferedImage();
    BufferedImage flat = new BufferedImage(scaled.getWidth(), scaled.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = flat.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
      g.drawImage(scaled, 0, 0, null);
    } finally {
      g.dispose();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (OutputStream file = Files.newOutputStream(target);
         ImageOutputStream output = ImageIO.createImageOutputStream(file)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(flat, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
