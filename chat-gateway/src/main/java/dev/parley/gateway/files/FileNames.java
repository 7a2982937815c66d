package dev.parley.gateway.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names as uploaders give them are only ever shown: storage keys are ids, so no name reaches the disk or a
 * bucket. A name is still cleaned so that it shows as what it is: the last path segment only, no control or
 * direction-changing characters, no leading dots, at most {@link #MAX_LENGTH} characters.
 */
final class FileNames {

  static final int MAX_LENGTH = 200;
  private static final String FALLBACK = "file";

  private FileNames() {
  }

  static String clean(String given) {
    if (given == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(given, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints().filter(c -> !Character.isISOControl(c) && !bidiControl(c)
            && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.UNASSIGNED)
        .forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
    }
    return name.isBlank() ? FALLBACK : name;
  }

  /**
   * A Content-Disposition header: an ASCII {@code filename} for old clients (quotes and backslashes replaced) and the
   * exact name as RFC 6266 / 5987 {@code filename*}.
   */
  static String disposition(String kind, String name) {
    StringBuilder ascii = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_');
    }
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static boolean bidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
  }
}
