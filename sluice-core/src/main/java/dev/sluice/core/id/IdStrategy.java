package dev.sluice.core.id;

import java.io.Serializable;
import java.util.List;

/**
 * How a document gets its id. Pure functions of what the caller extracts from a record: the text of
 * the {@link #fields()} (in that order) and the document's JSON body. Immutable and serialisable,
 * so the Spark side can ship it to executors.
 */
public sealed interface IdStrategy extends Serializable
    permits FieldId, CompositeId, ContentHashId, GeneratedId {

  /** Elasticsearch refuses longer ids (bytes of UTF-8). */
  int MAX_ID_BYTES = 512;

  /** The id is the text of one field ({@code es.mapping.id} semantics). */
  static IdStrategy field(String field) {
    return new FieldId(field);
  }

  /**
   * The id joins the text of two or more fields with {@code |}, after escaping {@code \} as {@code
   * \\} and {@code |} as {@code \|} in each value, so that ("a|b", "c") gives {@code a\|b|c} and
   * ("a", "b|c") gives {@code a|b\|c}: different values always give different ids.
   */
  static IdStrategy composite(List<String> fields) {
    return new CompositeId(fields);
  }

  /**
   * The id is the SHA-256 of the document body, exactly the bytes given as {@code source} (the JSON
   * sent to Elasticsearch, no trailing newline), in the default encoding ({@link
   * HashEncoding#DEFAULT}).
   */
  static IdStrategy contentHash() {
    return contentHash(HashEncoding.DEFAULT);
  }

  /** The content hash written as {@code encoding} says. */
  static IdStrategy contentHash(HashEncoding encoding) {
    return new ContentHashId(encoding);
  }

  /** Elasticsearch generates the id: not deterministic, so a replayed batch may duplicate. */
  static IdStrategy generated() {
    return GeneratedId.INSTANCE;
  }

  /** The fields the caller must extract, in order; empty when the strategy reads none. */
  List<String> fields();

  /**
   * The id of one document, or null when Elasticsearch generates it.
   *
   * @param values the text of {@link #fields()}, in order; null entries are missing values
   * @param source the document body as it will be sent; only the content hash reads it
   * @throws InvalidIdException naming the field when a value is missing or the id is unusable; the
   *     caller dead-letters that record
   */
  String idOf(List<String> values, byte[] source);

  /** True when the same record always gets the same id, which a resume relies on. */
  boolean deterministic();

  /**
   * True when identical documents get one id (the content hash): a second one finds the first in
   * the index, and the engine counts it merged rather than indexed.
   */
  default boolean mergesIdenticalDocuments() {
    return false;
  }

  /**
   * True when {@code id} is the content hash of {@code source} (in any {@link HashEncoding}), so
   * that a document found at that id is identical to this one; false for every other strategy, and
   * for an id the document was given rather than this strategy computed (as {@code sluice replay}
   * sends a dead-lettered record's own id, or one {@code --id-field} reads, whatever the strategy).
   * The engine asks only when the id was found taken, so the hash is not computed twice per
   * document.
   */
  default boolean isContentHashOf(String id, byte[] source) {
    return false;
  }

  /**
   * A stable one-line description recorded in checkpoint manifests, e.g. {@code field:customer.id},
   * {@code composite:region|id}, {@code content-sha256} (hex), {@code auto}; see {@link
   * HashEncoding#describe()}.
   */
  String describe();
}
