package dev.parley.gateway.profiles;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * Profile pictures: recognising an upload by its content, decoding and resizing it to the stored sizes, and the
 * generated picture (initials on a colour) for people without one. Decoding and resizing block: call
 * {@link #resize} on a worker thread, never on an event loop.
 */
public final class Pictures {

  /** The sizes stored and served, in pixels a side. */
  static final int LARGE = 256;
  static final int SMALL = 64;

  static final String UNSUPPORTED = "Upload a PNG, JPEG, GIF or WebP picture";
  static final String UNREADABLE = "The picture could not be read";

  private static final int MAX_SIDE = 8000;
  private static final long MAX_PIXELS = 40_000_000L;
  /** Pictures are decoded at a reduced scale down to about this short side: enough for 256 px, far less memory. */
  private static final int DECODE_SHORT_SIDE = 512;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

  /** The formats accepted, named as ImageIO names its readers. */
  enum Format {
    PNG("png"), JPEG("jpeg"), GIF("gif"), WEBP("webp");

    final String readerName;

    Format(String readerName) {
      this.readerName = readerName;
    }
  }

  /** A picture in both stored sizes, PNG-encoded. */
  record Resized(byte[] large, byte[] small) {
  }

  private Pictures() {
  }

  /** The format the bytes are in, by their magic numbers alone; null when none of the accepted ones. */
  static Format sniff(byte[] bytes) {
    if (startsWith(bytes, 0, PNG)) {
      return Format.PNG;
    }
    if (startsWith(bytes, 0, JPEG)) {
      return Format.JPEG;
    }
    if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
      return Format.GIF;
    }
    if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
      return Format.WEBP;
    }
    return null;
  }

  /**
   * Decodes the picture with the reader of its sniffed format and crops it to squares of {@link #LARGE} and
   * {@link #SMALL} px around its centre. Blocks; fails with {@code invalid} when the picture is too large in pixels
   * (checked from its header, before decoding) or cannot be read whole.
   */
  static Resized resize(byte[] bytes, Format format) {
    BufferedImage image = decode(bytes, format);
    int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    try {
      BufferedImage large = Thumbnails.of(image).size(LARGE, LARGE).crop(Positions.CENTER).imageType(type)
          .asBufferedImage();
      BufferedImage small = Thumbnails.of(large).size(SMALL, SMALL).imageType(type).asBufferedImage();
      return new Resized(png(large), png(small));
    } catch (IOException e) {
      throw new ParleyException(ErrorCode.INVALID, UNREADABLE);
    }
  }

  private static BufferedImage decode(byte[] bytes, Format format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
    if (!readers.hasNext()) {
      throw new IllegalStateException("No ImageIO reader for " + format);
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(input, true, true);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw new ParleyException(ErrorCode.INVALID, UNREADABLE);
      }
      if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
        throw new ParleyException(ErrorCode.INVALID, "The picture is " + width + "×" + height
            + " px: at most " + MAX_SIDE + " px a side and " + MAX_PIXELS / 1_000_000 + " megapixels, please");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.min(width, height) / DECODE_SHORT_SIDE);
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage image = reader.read(0, param);
      // A truncated JPEG decodes with a warning ("premature end") and grey where the data stopped: refuse it.
      if (image == null || !warnings.isEmpty()) {
        throw new ParleyException(ErrorCode.INVALID, UNREADABLE);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      // Malformed data makes readers throw anything from IIOException to IndexOutOfBoundsException.
      throw e instanceof ParleyException parley ? parley : new ParleyException(ErrorCode.INVALID, UNREADABLE);
    } finally {
      reader.dispose();
    }
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * The generated picture: one or two initials of the name on a colour derived from the user id, as SVG. The
   * initials are XML-escaped; nothing else of the name goes in.
   */
  static String generated(String userId, String name, int size) {
    String initials = escapeXml(initials(name));
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
        + "\" viewBox=\"0 0 100 100\" role=\"img\"><rect width=\"100\" height=\"100\" fill=\"" + colour(userId)
        + "\"/><text x=\"50\" y=\"50\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\""
        + " font-size=\"" + (initials.codePointCount(0, initials.length()) > 1 ? 40 : 48)
        + "\" font-weight=\"600\" fill=\"#ffffff\">" + initials + "</text></svg>";
  }

  /**
   * The first letter (or digit) of the first word and, when there are several words, of the last; "?" when the name
   * has none (only symbols or emoji).
   */
  static String initials(String name) {
    List<String> letters = new ArrayList<>();
    for (String word : (name == null ? "" : name).strip().split("\\s+")) {
      word.codePoints().filter(Character::isLetterOrDigit).findFirst()
          .ifPresent(letter -> letters.add(new String(Character.toChars(letter)).toUpperCase(Locale.ROOT)));
    }
    if (letters.isEmpty()) {
      return "?";
    }
    return letters.size() == 1 ? letters.get(0) : letters.get(0) + letters.get(letters.size() - 1);
  }

  /** A colour from the id: a hue of its own, at a saturation and lightness that keep white text readable. */
  private static String colour(String userId) {
    long bits;
    try {
      bits = UUID.fromString(userId).getLeastSignificantBits();
    } catch (IllegalArgumentException e) {
      bits = userId.hashCode();
    }
    double hue = Math.floorMod(bits, 360);
    double saturation = 0.55;
    double lightness = 0.42;
    double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
    double x = chroma * (1 - Math.abs((hue / 60) % 2 - 1));
    double m = lightness - chroma / 2;
    double[] rgb = switch ((int) hue / 60) {
      case 0 -> new double[] {chroma, x, 0};
      case 1 -> new double[] {x, chroma, 0};
      case 2 -> new double[] {0, chroma, x};
      case 3 -> new double[] {0, x, chroma};
      case 4 -> new double[] {x, 0, chroma};
      default -> new double[] {chroma, 0, x};
    };
    return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((rgb[0] + m) * 255), Math.round((rgb[1] + m) * 255),
        Math.round((rgb[2] + m) * 255));
  }

  static String escapeXml(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
