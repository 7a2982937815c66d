package dev.parley.gateway.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a file is, from its first bytes alone: never from its name or the uploader's Content-Type, which are the
 * uploader's to choose. Binary signatures are checked first, so a polyglot (a GIF that is also JavaScript, a PNG with
 * HTML in a text chunk) is what its first bytes say; text is told apart as markup (HTML, SVG, XML: things a browser
 * would run), plain text, or else unknown bytes.
 */
final class FileTypes {

  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String GIF = "image/gif";
  static final String WEBP = "image/webp";
  static final String PDF = "application/pdf";
  static final String ZIP = "application/zip";
  static final String GZIP = "application/gzip";
  static final String HTML = "text/html";
  static final String SVG = "image/svg+xml";
  static final String XML = "application/xml";
  static final String TEXT = "text/plain";
  static final String UNKNOWN = "application/octet-stream";

  /** Pictures the server decodes: it checks their size, makes thumbnails and strips their metadata. */
  static final Set<String> PICTURES = Set.of(PNG, JPEG, GIF, WEBP);
  /** Shown in place (still sandboxed): pictures and PDFs. Everything else is offered as a download. */
  private static final Set<String> INLINE = Set.of(PNG, JPEG, GIF, WEBP, PDF);

  /** How much of a file's start is looked at. */
  static final int HEAD_BYTES = 1024;

  /** Markup a browser would render or run: the patterns of the WHATWG sniffing standard, and a few more. */
  private static final String[] HTML_STARTS = {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
      "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<img", "<svg", "<meta",
      "<link", "<object", "<embed", "<form", "<?xml"};

  private FileTypes() {
  }

  /** The media type of a file starting with these bytes. */
  static String sniff(byte[] head, int length) {
    if (starts(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (starts(head, length, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (starts(head, length, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(head, length, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return GIF;
    }
    if (starts(head, length, 0, 'R', 'I', 'F', 'F') && starts(head, length, 8, 'W', 'E', 'B', 'P')) {
      return WEBP;
    }
    if (starts(head, length, 0, '%', 'P', 'D', 'F', '-')) {
      return PDF;
    }
    if (starts(head, length, 0, 'P', 'K', 3, 4) || starts(head, length, 0, 'P', 'K', 5, 6)) {
      return ZIP;
    }
    if (starts(head, length, 0, 0x1F, 0x8B)) {
      return GZIP;
    }
    String text = text(head, Math.min(length, HEAD_BYTES));
    if (text == null) {
      return UNKNOWN;
    }
    String start = text.stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("\ufeff")) {
      start = start.substring(1).stripLeading();
    }
    if (start.contains("<svg")) {
      return SVG;
    }
    for (String markup : HTML_STARTS) {
      if (!start.startsWith(markup)) {
        continue;
      }
      boolean ended = start.length() == markup.length() || " \t\n\r\f>".indexOf(start.charAt(markup.length())) >= 0;
      if (ended || markup.equals("<!--") || markup.equals("<?xml")) {
        return markup.equals("<?xml") ? XML : HTML;
      }
    }
    // Markup further in (after a line of text) still renders as HTML if a browser ever got to sniff it.
    if (start.contains("<html") || start.contains("<script") || start.contains("<body")) {
      return HTML;
    }
    return TEXT;
  }

  /** Whether a browser may show the file in place (always sandboxed); otherwise it is a download. */
  static boolean inline(String type) {
    return INLINE.contains(type);
  }

  /**
   * The start as text when it is UTF-8 (a character cut at the end excepted) without control characters other than
   * tab, line breaks, form feed and escape; null for binary data.
   */
  private static String text(byte[] head, int length) {
    int end = length;
    // A multi-byte character cut off by the end of the head is not a reason to call the file binary.
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = head[end - back] & 0xFF;
      if (b >= 0xC0) {
        end -= back;
        break;
      }
      if (b < 0x80) {
        break;
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end)).toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
        return null;
      }
    }
    return text;
  }

  private static boolean starts(byte[] head, int length, int offset, int... signature) {
    if (length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
