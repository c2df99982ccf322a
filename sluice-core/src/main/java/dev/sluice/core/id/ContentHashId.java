package dev.sluice.core.id;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
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
  // Per thread: a digest (MessageDigest is not thread-safe, and a provider lookup per document
  // costs) and the buffer the digest and its text are written into, so that the id is the one
  // object a document's id allocates. One thread-local, one lookup per document. Only JDK types
  // are kept in it: Spark reuses its task threads across jobs, and a value of one of Sluice's
  // classes would pin Sluice's class loader to them.
  private static final ThreadLocal<Map.Entry<MessageDigest, byte[]>> DIGEST =
      ThreadLocal.withInitial(
          () -> new SimpleImmutableEntry<>(newDigest(), new byte[HashEncoding.BUFFER_BYTES]));

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
    Map.Entry<MessageDigest, byte[]> thread = DIGEST.get();
    MessageDigest digest = thread.getKey();
    byte[] buffer = thread.getValue();
    // digest() leaves the digest reset for the next document; only a call that did not get there
    // (an error half-way) resets it, so the common case does not clear its state twice.
    boolean digested = false;
    try {
      digest.update(source);
      digest.digest(
          buffer, HashEncoding.DIGEST_AT, HashEncoding.BUFFER_BYTES - HashEncoding.DIGEST_AT);
      digested = true;
    } catch (DigestException e) {
      throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
    } finally {
      if (!digested) {
        digest.reset();
      }
    }
    String id = encoding.encode(buffer);
    // Computed here, where the id was just written, rather than by the same-id gate on the
    // engine's thread, which would read the id's bytes from memory again.
    id.hashCode();
    return id;
  }

  @Override
  public boolean isContentHashOf(String id, byte[] source) {
    if (id == null || source == null) {
      return false;
    }
    String mine = idOf(List.of(), source);
    if (mine.equals(id)) {
      return true;
    }
    // Another encoding of the same digest: dead letters of a load that wrote hex ids, replayed
    // under today's default. idOf left the digest in the thread's buffer.
    byte[] buffer = DIGEST.get().getValue();
    for (HashEncoding other : HashEncoding.values()) {
      if (other != encoding && other.encode(buffer).equals(id)) {
        return true;
      }
    }
    return false;
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
