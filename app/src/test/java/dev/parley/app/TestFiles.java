package dev.parley.app;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Files for the file tests, made on the spot: pictures of a known size, and hostile ones. */
final class TestFiles {

  /** A 1x1 lossless WebP, the smallest there is. */
  static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private TestFiles() {
  }

  /** A picture in one of ImageIO's formats ("png", "jpeg", "gif"): a red left half, a blue right one. */
  static byte[] picture(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("No ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JPEG with an EXIF block (right after SOI) holding an orientation and an ImageDescription with the given text,
   * standing in for the GPS position a phone writes there.
   */
  static byte[] jpegWithExif(int width, int height, int orientation, String secret) {
    byte[] jpeg = picture("jpeg", width, height);
    byte[] text = (secret + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + text.length);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 2);
    tiff.putShort((short) 0x010E).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 2 * 12 + 4);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0).put(text);
    byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8),
        (byte) ((exif.length + 2) & 0xFF)}, exif);
    return concat(Arrays.copyOf(jpeg, 2), concat(segment, Arrays.copyOfRange(jpeg, 2, jpeg.length)));
  }

  /**
   * The 1x1 WebP in the extended format: a VP8X header that announces EXIF, the picture, and an EXIF chunk holding
   * the given text.
   */
  static byte[] webpWithExif(String secret) {
    byte[] picture = Arrays.copyOfRange(WEBP, 12, WEBP.length);
    ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0x08).put(new byte[9]);
    byte[] text = secret.getBytes(StandardCharsets.US_ASCII);
    int padded = text.length + (text.length & 1);
    ByteBuffer exif = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    exif.put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(text.length).put(text);
    byte[] chunks = concat(concat(vp8x.array(), picture), exif.array());
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
        .put("WEBP".getBytes(StandardCharsets.US_ASCII));
    return concat(header.array(), chunks);
  }

  /** A PNG with a tEXt chunk after its header: a place where a polyglot hides HTML. */
  static byte[] pngWithText(int width, int height, String keyword, String text) {
    byte[] png = picture("png", width, height);
    int afterHeader = 8 + 8 + 13 + 4;
    byte[] chunk = chunk("tEXt", concat((keyword + "\0").getBytes(StandardCharsets.ISO_8859_1),
        text.getBytes(StandardCharsets.ISO_8859_1)));
    return concat(Arrays.copyOf(png, afterHeader), concat(chunk, Arrays.copyOfRange(png, afterHeader, png.length)));
  }

  /** A PNG whose header claims a size it has not the data for: decoding it would need width x height x 3 bytes. */
  static byte[] pngBomb(int width, int height) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(new byte[1 << 20]);
    deflater.finish();
    byte[] compressed = new byte[64 * 1024];
    int length = deflater.deflate(compressed);
    deflater.end();
    return png(width, height, Arrays.copyOf(compressed, length));
  }

  /** A PNG with a sound header and image data that is no zlib stream: its size is known, its pixels are not. */
  static byte[] pngWithBrokenData(int width, int height) {
    return png(width, height, "these bytes are not deflated pixels".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] png(int width, int height, byte[] data) {
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    return concat(signature, concat(chunk("IHDR", header.array()),
        concat(chunk("IDAT", data), chunk("IEND", new byte[0]))));
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue())
        .array();
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }
}
