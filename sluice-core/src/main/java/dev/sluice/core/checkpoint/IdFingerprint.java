package dev.sluice.core.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a run of ids: SHA-256 over, for each id in order, its UTF-8 length as 4
 * big-endian bytes then its UTF-8 bytes (a null id, as with generated ids, is the 4 bytes {@code ff
 * ff ff ff} alone), shortened to its first 8 bytes in lowercase hex. Lengths make the encoding
 * unambiguous; 64 bits are plenty to notice different input, which is all it is for, and keep
 * progress files small.
 */
final class IdFingerprint {
  private static final int NULL_LENGTH = -1;
  private static final int SHOWN_BYTES = 8;

  private IdFingerprint() {}

  static MessageDigest start() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  static void add(MessageDigest digest, String id) {
    if (id == null) {
      digest.update(lengthBytes(NULL_LENGTH));
      return;
    }
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    digest.update(lengthBytes(bytes.length));
    digest.update(bytes);
  }

  /** The fingerprint of what was added so far; the digest can go on. */
  static String peek(MessageDigest digest) {
    return finish(copy(digest));
  }

  /** The fingerprint of what was added; resets the digest. */
  static String finish(MessageDigest digest) {
    byte[] full = digest.digest();
    return HexFormat.of().formatHex(full, 0, SHOWN_BYTES);
  }

  static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the SHA-256 provider cannot copy a digest", e);
    }
  }

  private static byte[] lengthBytes(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }
}
