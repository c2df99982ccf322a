package dev.sluice.testkit.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One {@code _bulk} request with a seeded subset of its items rejected: which items go upstream,
 * and how the real response is completed with 429 items at the removed positions.
 *
 * <p>A gzip request body is decompressed and the remaining items are forwarded uncompressed,
 * without the {@code Content-Encoding} header: Elasticsearch accepts both, and the proxy need not
 * guess the client's compression level. A gzip response is decompressed, spliced and compressed
 * again, keeping its {@code Content-Encoding}.
 */
final class ItemRejection {
  private final ProxiedRequest request;
  private final List<BulkItem> items;
  private final Set<Integer> removed;

  private ItemRejection(ProxiedRequest request, List<BulkItem> items, Set<Integer> removed) {
    this.request = request;
    this.items = items;
    this.removed = removed;
  }

  /**
   * Draws, for each item in order, whether it is rejected.
   *
   * @throws IllegalArgumentException if the body is not a bulk body
   */
  static ItemRejection draw(ProxiedRequest request, double probability, Random random) {
    boolean gzip = HeaderRules.isGzip(request.headers());
    List<BulkItem> items = BulkBody.parse(gzip ? Gzip.decompress(request.body()) : request.body());
    Set<Integer> removed = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (random.nextDouble() < probability) {
        removed.add(i);
      }
    }
    return new ItemRejection(request, items, Collections.unmodifiableSet(removed));
  }

  boolean removedNone() {
    return removed.isEmpty();
  }

  boolean removedAll() {
    return removed.size() == items.size();
  }

  List<BulkItem> removedItems() {
    List<BulkItem> result = new ArrayList<>();
    for (int position : removed) {
      result.add(items.get(position));
    }
    return result;
  }

  /** The request carrying only the items that were not removed, uncompressed. */
  ProxiedRequest forwardedRequest() {
    List<BulkItem> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!removed.contains(i)) {
        kept.add(items.get(i));
      }
    }
    return request.withBody(BulkBody.join(kept), "Content-Encoding");
  }

  /** The whole answer when nothing was forwarded. */
  byte[] allRejectedBody() {
    return BulkResponseSplicer.allRejected(items, request.pathIndex());
  }

  /**
   * The upstream's response body with the rejected items put back in place.
   *
   * @throws IllegalArgumentException if it is not the bulk response for the forwarded items
   */
  byte[] splice(UpstreamResponse response) {
    boolean gzip = HeaderRules.isGzip(response.headers());
    byte[] body = gzip ? Gzip.decompress(response.body()) : response.body();
    byte[] spliced = BulkResponseSplicer.splice(body, items, removed, request.pathIndex());
    return gzip ? Gzip.compress(spliced) : spliced;
  }
}
