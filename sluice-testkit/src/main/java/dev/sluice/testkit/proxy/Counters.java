package dev.sluice.testkit.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The proxy's counters; one lock so that a snapshot is consistent. */
final class Counters {
  private long seen;
  private long matched;
  private long forwarded;
  private final Map<Integer, Long> statusBefore = new TreeMap<>();
  private final Map<Integer, Long> statusAfter = new TreeMap<>();
  private long cutBefore;
  private long cutAfter;
  private long delayed;
  private long item429Requests;
  private long item429Items;
  private final List<String> item429Ids = new ArrayList<>();
  private long proxyFailures;

  synchronized void seen() {
    seen++;
  }

  synchronized void matched() {
    matched++;
  }

  synchronized void forwarded() {
    forwarded++;
  }

  synchronized void statusBefore(int status) {
    statusBefore.merge(status, 1L, Long::sum);
  }

  synchronized void statusAfter(int status) {
    statusAfter.merge(status, 1L, Long::sum);
  }

  synchronized void cutBefore() {
    cutBefore++;
  }

  synchronized void cutAfter() {
    cutAfter++;
  }

  synchronized void delayed() {
    delayed++;
  }

  synchronized void item429(List<BulkItem> rejected) {
    if (rejected.isEmpty()) {
      return;
    }
    item429Requests++;
    item429Items += rejected.size();
    for (BulkItem item : rejected) {
      if (item.id() != null) {
        item429Ids.add(item.id());
      }
    }
  }

  synchronized void proxyFailure() {
    proxyFailures++;
  }

  synchronized FaultProxyStats snapshot() {
    return new FaultProxyStats(
        seen,
        matched,
        forwarded,
        statusBefore,
        statusAfter,
        cutBefore,
        cutAfter,
        delayed,
        item429Requests,
        item429Items,
        item429Ids,
        proxyFailures);
  }
}
