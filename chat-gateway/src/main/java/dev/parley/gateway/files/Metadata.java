package dev.parley.gateway.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Copies a picture without the metadata that can say where it was taken or by whom: EXIF (with its GPS block), XMP,
 * IPTC and comments. The picture itself is copied byte for byte, so nothing is re-encoded: no quality is lost, an
 * animation stays animated, and the copy costs one pass over the file. A JPEG's orientation, which browsers apply
 * when they show it, is kept in a new EXIF block that holds nothing else. Blocks: run it on a worker thread.
 *
 * <p>JPEG keeps only its frame, its tables, JFIF (APP0), an ICC profile (APP2) and Adobe's colour marker (APP14). PNG
 * loses its eXIf, text (tEXt, zTXt, iTXt) and tIME chunks. WebP loses its EXIF and XMP chunks (and their flags). A
 * GIF has no standard place for them and is copied as it is.
 */
final class Metadata {

  private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
  private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final int ORIENTATION_TAG = 0x0112;
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.ISO_8859_1);

  private Metadata() {
  }

  /** Writes the cleaned copy; answers the EXIF orientation of a JPEG (1, as it is, for anything else). */
  static int strip(Path source, String type, Path target) throws IOException {
    switch (type) {
      case FileTypes.JPEG -> {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
          return jpeg(in, out);
        }
      }
      case FileTypes.PNG -> {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
          png(in, out);
          return 1;
        }
      }
      case FileTypes.WEBP -> {
        webp(source, target);
        return 1;
      }
      default -> {
        Files.copy(source, target);
        return 1;
      }
    }
  }

  private static int jpeg(DataInputStream in, OutputStream out) throws IOException {
    int orientation = 1;
    out.write(in.readUnsignedByte());
    out.write(in.readUnsignedByte());
    while (true) {
      int marker = in.readUnsignedByte();
      if (marker != 0xFF) {
        throw new IOException("Not a JPEG marker");
      }
      do {
        marker = in.readUnsignedByte();
      } while (marker == 0xFF);
      if (marker == 0xD9 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        out.write(0xFF);
        out.write(marker);
        if (marker == 0xD9) {
          return orientation;
        }
        continue;
      }
      int length = in.readUnsignedShort();
      if (length < 2) {
        throw new IOException("Bad JPEG segment length");
      }
      byte[] payload = new byte[length - 2];
      in.readFully(payload);
      boolean keep = marker == 0xE0 || marker == 0xEE || (marker == 0xE2 && startsWith(payload, ICC))
          || (marker < 0xE0 || marker > 0xEF) && marker != 0xFE;
      if (marker == 0xE1 && startsWith(payload, EXIF)) {
        orientation = orientation(payload);
        if (orientation != 1) {
          writeSegment(out, 0xE1, minimalExif(orientation));
        }
      }
      if (keep) {
        writeSegment(out, marker, payload);
      }
      if (marker == 0xDA) {
        // Start of scan: the entropy-coded data and everything after it are the picture itself.
        in.transferTo(out);
        return orientation;
      }
    }
  }

  /** The Orientation tag of IFD0 in an EXIF block; 1 when it has none or it cannot be read. */
  static int orientation(byte[] exif) {
    try {
      ByteBuffer tiff = ByteBuffer.wrap(exif, EXIF.length, exif.length - EXIF.length).slice();
      tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      int ifd = tiff.getInt(4);
      int entries = tiff.getShort(ifd) & 0xFFFF;
      for (int i = 0; i < entries; i++) {
        int entry = ifd + 2 + i * 12;
        if ((tiff.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
          int value = tiff.getShort(entry + 8) & 0xFFFF;
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (RuntimeException malformed) {
      // A broken EXIF block says nothing about orientation.
    }
    return 1;
  }

  /** An EXIF block that holds the orientation and nothing else: a TIFF header and IFD0 with one entry. */
  private static byte[] minimalExif(int orientation) {
    ByteBuffer block = ByteBuffer.allocate(EXIF.length + 26).order(ByteOrder.BIG_ENDIAN);
    block.put(EXIF).put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
        .putShort((short) 1)
        .putShort((short) ORIENTATION_TAG).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
        .putInt(0);
    return block.array();
  }

  private static void writeSegment(OutputStream out, int marker, byte[] payload) throws IOException {
    out.write(0xFF);
    out.write(marker);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xFF);
    out.write(payload);
  }

  private static void png(DataInputStream in, OutputStream out) throws IOException {
    byte[] signature = new byte[8];
    in.readFully(signature);
    out.write(signature);
    byte[] header = new byte[8];
    while (true) {
      try {
        in.readFully(header);
      } catch (EOFException end) {
        return;
      }
      long length = ByteBuffer.wrap(header, 0, 4).getInt() & 0xFFFFFFFFL;
      String chunk = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
      boolean keep = !PNG_DROPPED.contains(chunk);
      if (keep) {
        out.write(header);
      }
      copy(in, keep ? out : OutputStream.nullOutputStream(), length + 4);
      if (chunk.equals("IEND")) {
        return;
      }
    }
  }

  private static void webp(Path source, Path target) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
         FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long end = Math.min(in.size(), 8 + readInt(in, 4));
      long kept = 4;
      for (long at = 12; at + 8 <= end; at += 8 + padded(readInt(in, at + 4))) {
        if (!dropped(in, at)) {
          kept += 8 + padded(readInt(in, at + 4));
        }
      }
      ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      riff.put(RIFF).putInt((int) kept).put(WEBP).flip();
      out.write(riff);
      for (long at = 12; at + 8 <= end; at += 8 + padded(readInt(in, at + 4))) {
        if (dropped(in, at)) {
          continue;
        }
        long size = 8 + padded(readInt(in, at + 4));
        if (fourcc(in, at).equals("VP8X")) {
          ByteBuffer chunk = ByteBuffer.allocate((int) size);
          in.read(chunk, at);
          // Flags: bit 3 EXIF, bit 2 XMP; both chunks are gone.
          chunk.put(8, (byte) (chunk.get(8) & ~0x0C)).flip();
          out.write(chunk);
        } else {
          long copied = 0;
          while (copied < size) {
            copied += in.transferTo(at + copied, size - copied, out);
          }
        }
      }
    }
  }

  private static boolean dropped(FileChannel in, long at) throws IOException {
    String fourcc = fourcc(in, at);
    return fourcc.equals("EXIF") || fourcc.equals("XMP ");
  }

  private static String fourcc(FileChannel in, long at) throws IOException {
    ByteBuffer name = ByteBuffer.allocate(4);
    in.read(name, at);
    return new String(name.array(), StandardCharsets.ISO_8859_1);
  }

  private static long readInt(FileChannel in, long at) throws IOException {
    ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    if (in.read(value, at) < 4) {
      throw new EOFException("Truncated WebP");
    }
    return value.getInt(0) & 0xFFFFFFFFL;
  }

  private static long padded(long size) {
    return size + (size & 1);
  }

  private static void copy(InputStream in, OutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    long left = count;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new EOFException("Truncated PNG");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
