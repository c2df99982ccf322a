package dev.sluice.core.id;

import java.security.DigestException;
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

  // Per thread, the digest's 32 bytes and its text, so that the id is the one object a document's
  // id allocates. Only JDK types are kept in a thread-local: Spark reuses its task threads across
  // jobs, and a value of one of Sluice's classes would pin Sluice's class loader to them.
  private static final ThreadLocal<byte[][]> BUFFERS =
      ThreadLocal.withInitial(() -> new byte[][] {new byte[32], new byte[64]});

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
    byte[][] buffers = BUFFERS.get();
    digest.reset();
    digest.update(source);
    try {
      digest.digest(buffers[0], 0, buffers[0].length);
    } catch (DigestException e) {
      throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
    }
    String id = encoding.encode(buffers[0], buffers[1]);
    // Computed here, where the id was just written, rather than by the same-id gate on the
    // engine's thread, which would read the id's bytes from memory again.
    id.hashCode();
    return id;
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
