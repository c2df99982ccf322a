package dev.sluice.core.id;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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

  private static final Base64.Encoder BASE64URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

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
   * The id of a document whose SHA-256 is {@code digest} (32 bytes), its text written first into
   * {@code text} (64 bytes at least, reused by the caller), so that the id is the one array it
   * allocates.
   */
  String encode(byte[] digest, byte[] text) {
    if (this == HEX) {
      return HexFormat.of().formatHex(digest);
    }
    byte[] kept = bytes == digest.length ? digest : Arrays.copyOf(digest, bytes);
    int length = BASE64URL_ENCODER.encode(kept, text);
    return new String(text, 0, length, StandardCharsets.ISO_8859_1);
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
