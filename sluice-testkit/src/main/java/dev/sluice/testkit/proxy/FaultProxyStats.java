package dev.sluice.testkit.proxy;

import java.util.List;
import java.util.Map;

/**
 * What a {@link FaultProxy} saw and did, as one consistent snapshot. Each fault is counted when it
 * reached the client (before the client can see the response), so after a client finished, the
 * counts are exact.
 *
 * @param requestsSeen every request received
 * @param requestsMatched requests selected by the matcher (the fault plan was consulted)
 * @param requestsForwarded requests sent upstream (possibly with items removed)
 * @param statusBefore requests answered with an injected status without forwarding, by status
 * @param statusAfter requests forwarded, then answered with an injected status, by status
 * @param cutBefore requests cut without a response and never forwarded
 * @param cutAfter requests forwarded, then cut without a response
 * @param delayed requests delayed, then forwarded
 * @param item429Requests bulk requests whose response got at least one injected 429 item
 * @param item429Items items rejected with an injected 429, in total
 * @param item429Ids the {@code _id}s of those items that had one, in injection order
 * @param proxyFailures requests the proxy answered 502 {@code fault_proxy_failure} for its own
 *     trouble, not as an injected fault: the upstream could not be reached, or an {@code item429}
 *     bulk response could not be completed (e.g. {@code filter_path} dropped items); in the second
 *     case the forwarded items were applied
 */
public record FaultProxyStats(
    long requestsSeen,
    long requestsMatched,
    long requestsForwarded,
    Map<Integer, Long> statusBefore,
    Map<Integer, Long> statusAfter,
    long cutBefore,
    long cutAfter,
    long delayed,
    long item429Requests,
    long item429Items,
    List<String> item429Ids,
    long proxyFailures) {

  public FaultProxyStats {
    statusBefore = Map.copyOf(statusBefore);
    statusAfter = Map.copyOf(statusAfter);
    item429Ids = List.copyOf(item429Ids);
  }

  /** Requests answered with {@code status} without forwarding. */
  public long statusBefore(int status) {
    return statusBefore.getOrDefault(status, 0L);
  }

  /** Requests answered with {@code status} after forwarding. */
  public long statusAfter(int status) {
    return statusAfter.getOrDefault(status, 0L);
  }

  /** Requests whose whole response was replaced or cut, after Elasticsearch applied them. */
  public long ambiguousRequests() {
    return statusAfter.values().stream().mapToLong(Long::longValue).sum() + cutAfter;
  }
}
