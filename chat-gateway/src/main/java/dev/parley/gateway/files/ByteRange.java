package dev.parley.gateway.files;

/**
 * One range of a {@code Range: bytes=...} header (RFC 9110, section 14): {@code a-b}, {@code a-} or the last
 * {@code -n} bytes. Several ranges at once are answered with the whole file, which the RFC allows.
 */
record ByteRange(long start, long length) {

  /** The range asked for; null for the whole file (no header, one we do not serve, or several ranges). */
  static ByteRange parse(String header, long size) throws Unsatisfiable {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return null;
    }
    String spec = header.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String first = spec.substring(0, dash).strip();
      String last = spec.substring(dash + 1).strip();
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0 || size == 0) {
          throw new Unsatisfiable();
        }
        long length = Math.min(suffix, size);
        return new ByteRange(size - length, length);
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (start >= size || end < start) {
        throw new Unsatisfiable();
      }
      return new ByteRange(start, end - start + 1);
    } catch (NumberFormatException malformed) {
      return null;
    }
  }

  /** The Content-Range of this range of a file of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + start + "-" + (start + length - 1) + "/" + size;
  }

  /** A range that starts beyond the end of the file: 416. */
  static final class Unsatisfiable extends Exception {
    Unsatisfiable() {
      super(null, null, false, false);
    }
  }
}
