package dev.sluice.bench;

import dev.sluice.core.id.HashEncoding;
import dev.sluice.core.id.IdStrategy;
import java.util.List;

/**
 * One way of giving the benchmark's documents their ids, loaded by {@code bin/bench-ids}. The
 * content hashes go through Sluice's own {@link IdStrategy}, so the figures are those of the code
 * that ships.
 */
enum IdCandidate {
  /**
   * {@code d-0}, {@code d-1}, ...: the ids of a key column that grows, as {@code bin/bench} uses.
   */
  SEQUENTIAL("sequential", null),
  /**
   * No id: Elasticsearch makes one (elasticsearch-hadoop's default, {@code
   * sluice.id.strategy=auto}).
   */
  AUTO("auto", null),
  HEX("sha256-hex", HashEncoding.HEX),
  BASE64URL("sha256-base64url", HashEncoding.BASE64URL),
  BASE64URL_128("sha256-128-base64url", HashEncoding.BASE64URL_128),
  /**
   * Two characters naming the partition (writer) the document came from, then the 128-bit digest:
   * ids of one partition share a prefix, as Elasticsearch's own generated ids share their leading
   * bytes, so a segment written from one partition covers a narrow range of terms. The documents
   * are split into {@value #PARTITIONS} consecutive partitions, loaded one after the other: the
   * most locality a prefix can give (concurrent Spark tasks interleave theirs).
   */
  PARTITION_PREFIX_128("partition-prefix+128-base64url", HashEncoding.BASE64URL_128);

  static final int PARTITIONS = 8;
  private static final String PREFIX_DIGITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final String label;
  private final HashEncoding hash;

  IdCandidate(String label, HashEncoding hash) {
    this.label = label;
    this.hash = hash;
  }

  String label() {
    return label;
  }

  /** The ids of documents 0..count-1 (null entries for {@link #AUTO}). */
  String[] ids(byte[][] sources, int count) {
    String[] ids = new String[count];
    IdStrategy strategy = hash == null ? null : IdStrategy.contentHash(hash);
    for (int n = 0; n < count; n++) {
      ids[n] =
          switch (this) {
            case SEQUENTIAL -> DocumentGenerator.id(n);
            case AUTO -> null;
            case PARTITION_PREFIX_128 -> prefix(n, count) + strategy.idOf(List.of(), sources[n]);
            default -> strategy.idOf(List.of(), sources[n]);
          };
    }
    return ids;
  }

  /** Average id length in characters (0 for generated ids, whose length Elasticsearch chooses). */
  static double averageLength(String[] ids) {
    long chars = 0;
    for (String id : ids) {
      chars += id == null ? 0 : id.length();
    }
    return ids.length == 0 ? 0 : (double) chars / ids.length;
  }

  private static String prefix(int n, int count) {
    int partition = (int) ((long) n * PARTITIONS / count);
    return "p" + PREFIX_DIGITS.charAt(partition);
  }
}
