package dev.sluice.core.checkpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a row is, wherever it sits in the input: its document id and a digest of its source bytes.
 * Rows convert to the same bytes every time, so a rerun recognises a row an earlier run
 * dead-lettered even when the input is split differently.
 */
record RowContent(String id, byte[] sourceDigest) {
  static RowContent of(String id, byte[] source) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return new RowContent(id, sha.digest(source == null ? new byte[0] : source));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowContent other
        && Objects.equals(id, other.id)
        && Arrays.equals(sourceDigest, other.sourceDigest);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(id) + Arrays.hashCode(sourceDigest);
  }

  @Override
  public String toString() {
    return "RowContent[id=" + id + "]";
  }
}
