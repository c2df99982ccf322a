package dev.sluice.testkit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test gets from {@link ElasticsearchExtension}: the shared node, a client for it, and index
 * names unique to the test so tests sharing one node never see each other's documents.
 */
public final class EsHandle {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final int MAX_PREFIX = 80;

  private final LocalElasticsearch node;
  private final EsTestClient client;
  private final String prefix;

  EsHandle(LocalElasticsearch node, String testName) {
    this.node = node;
    this.client = EsTestClient.forNode(node);
    this.prefix = indexPrefix(testName);
  }

  public LocalElasticsearch node() {
    return node;
  }

  public EsTestClient client() {
    return client;
  }

  /** The node's URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return node.httpUrl();
  }

  public int port() {
    return node.httpPort();
  }

  /** A new index name, unique in this JVM, starting with the test's class and method name. */
  public String newIndexName() {
    return prefix + "-" + SEQUENCE.incrementAndGet();
  }

  /** Lower-case letters, digits and '-' only: always a legal index name. */
  static String indexPrefix(String testName) {
    String cleaned =
        testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (cleaned.isEmpty()) {
      cleaned = "test";
    }
    if (cleaned.length() > MAX_PREFIX) {
      cleaned = cleaned.substring(0, MAX_PREFIX).replaceAll("-+$", "");
    }
    return "t-" + cleaned;
  }
}
