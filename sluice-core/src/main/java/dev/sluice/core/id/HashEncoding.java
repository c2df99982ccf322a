package dev.sluice.core.id;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a content-hash id writes the SHA-256 of the document as text. Every form is a pure function
 * of the digest, so the same row always gets the same id in one encoding; two encodings give two
 * different ids for the same row, which is why a checkpoint records the encoding ({@link
 * #describe()}) and a resume refuses another one.
 */
public enum HashEncoding {
  /** 64 lowercase hex digits: what Sluice wrote before the encoding was measured (and chosen). */
  HEX("hex", "content-sha256", 32),
  /** The whole digest in unpadded base64url: 43 characters. */
  BASE64URL("base64url", "content-sha256-base64url", 32),
  /** The digest's first 16 bytes (128 bits) in unpadded base64url: 22 characters. */
  BASE64URL_128("base64url-128", "content-sha256-128-base64url", 16);

  /**
   * What {@code sluice.id.strategy=hash} writes unless {@code sluice.id.hash.encoding} says
   * otherwise; chosen by {@code bin/bench-ids} (README, "Document ids").
   */
  public static final HashEncoding DEFAULT = BASE64URL;

  /** Where {@link #encode} reads the digest in its buffer: after the longest text (hex). */
  static final int DIGEST_AT = 64;

  /** What {@link #encode}'s buffer holds: the text, then the 32 bytes of the digest. */
  static final int BUFFER_BYTES = DIGEST_AT + 32;

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BASE64URL_DIGITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  private final String optionValue;
  private final String description;
  private final int bytes;

  HashEncoding(String optionValue, String description, int bytes) {
    this.optionValue = optionValue;
    this.description = description;
    this.bytes = bytes;
  }

  /** The value of {@code sluice.id.hash.encoding} that selects it. */
  public String optionValue() {
    return optionValue;
  }

  /**
   * The id strategy's description in a checkpoint manifest. {@link #HEX}'s is the one manifests
   * written before encodings existed carry, so an old checkpoint reads as hex.
   */
  public String describe() {
    return description;
  }

  /**
   * The id of a document whose SHA-256 lies in {@code buffer} ({@link #BUFFER_BYTES} long, reused
   * by the caller) at {@link #DIGEST_AT}: its text is written first into the buffer's start, so
   * that the id's string is the one object it allocates. The digits are the JDK's ({@code
   * HexFormat}, unpadded {@code Base64.getUrlEncoder()}), which {@code HashEncodingTest} checks.
   */
  String encode(byte[] buffer) {
    int length = this == HEX ? hex(buffer) : base64url(buffer, bytes);
    return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
  }

  private static int hex(byte[] buffer) {
    int at = 0;
    for (int i = DIGEST_AT; i < BUFFER_BYTES; i++) {
      buffer[at++] = HEX_DIGITS[(buffer[i] >> 4) & 0xf];
      buffer[at++] = HEX_DIGITS[buffer[i] & 0xf];
    }
    return at;
  }

  /** The first {@code bytes} of the digest in unpadded base64url. */
  private static int base64url(byte[] buffer, int bytes) {
    int at = 0;
    int i = DIGEST_AT;
    int end = DIGEST_AT + bytes;
    for (; i + 3 <= end; i += 3) {
      int bits = (buffer[i] & 0xff) << 16 | (buffer[i + 1] & 0xff) << 8 | (buffer[i + 2] & 0xff);
      buffer[at++] = BASE64URL_DIGITS[bits >>> 18];
      buffer[at++] = BASE64URL_DIGITS[(bits >>> 12) & 0x3f];
      buffer[at++] = BASE64URL_DIGITS[(bits >>> 6) & 0x3f];
      buffer[at++] = BASE64URL_DIGITS[bits & 0x3f];
    }
    int left = end - i; // 32 bytes leave 2, 16 leave 1
    if (left > 0) {
      int bits = (buffer[i] & 0xff) << 16 | (left == 2 ? (buffer[i + 1] & 0xff) << 8 : 0);
      buffer[at++] = BASE64URL_DIGITS[bits >>> 18];
      buffer[at++] = BASE64URL_DIGITS[(bits >>> 12) & 0x3f];
      if (left == 2) {
        buffer[at++] = BASE64URL_DIGITS[(bits >>> 6) & 0x3f];
      }
    }
    return at;
  }

  /** The encoding named {@code value} in {@code sluice.id.hash.encoding}, ignoring case. */
  public static HashEncoding fromOption(String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (HashEncoding e : values()) {
      if (e.optionValue.equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not an id hash encoding; expected hex, base64url or base64url-128");
  }

  /** The encoding a manifest's id strategy description names, or null when it names none. */
  public static HashEncoding fromDescription(String description) {
    for (HashEncoding e : values()) {
      if (e.description.equals(description)) {
        return e;
      }
    }
    return null;
  }
}
