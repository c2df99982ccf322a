package dev.sluice.core.id;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 of the document body bytes exactly as given, written as its {@link HashEncoding} says.
 *
 * <p>Why the body and not the record's values: the body is what Elasticsearch stores, so two
 * records get the same id exactly when they would be the same document, and the bytes come from
 * Sluice's own JSON writer (field order = schema order, Sluice's number and date formats), not from
 * anything Spark-version-specific. The price: renaming or reordering columns, or a change in how
 * Sluice writes a value, changes every id, so a resume must run with the same schema and version of
 * the writer; the checkpoint manifest records both through the output options.
 */
record ContentHashId(HashEncoding encoding) implements IdStrategy {
  // MessageDigest is not thread-safe; a digest per thread avoids a provider lookup per document.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(ContentHashId::newDigest);

  ContentHashId {
    Objects.requireNonNull(encoding, "encoding");
  }

  @Override
  public List<String> fields() {
    return List.of();
  }

  @Override
  public String idOf(List<String> values, byte[] source) {
    if (source == null) {
      throw new InvalidIdException("", "a content-hash id needs a document body");
    }
    MessageDigest digest = SHA256.get();
    digest.reset();
    return encoding.encode(digest.digest(source));
  }

  @Override
  public boolean deterministic() {
    return true;
  }

  @Override
  public boolean mergesIdenticalDocuments() {
    return true;
  }

  @Override
  public String describe() {
    return encoding.describe();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
