package dev.sluice.core.report;

import dev.sluice.core.LoadCounters;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Run reports for the page's tests: a load of three partitions, one retried, some dead letters. */
final class SampleReports {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String HOSTILE = "</script><script>alert('x')</script>&<b>\u2028";

  private SampleReports() {}

  static LoadCounters task(long indexed, long dead, long retried, long throttled) {
    LoadCounters.Builder b =
        LoadCounters.builder()
            .set(Counter.READ, indexed + dead)
            .set(Counter.INDEXED, indexed)
            .set(Counter.CREATED, indexed)
            .set(Counter.DEAD_LETTERED, dead)
            .set(Counter.RETRIED_ITEMS, retried)
            .set(Counter.THROTTLED, throttled);
    if (dead > 0) {
      b.deadLettered("mapper_parsing_exception", dead - 1).deadLettered(HOSTILE, 1);
    }
    return b.build();
  }

  /** p0 0–4 s (400 docs), p1 1–3 s (200 docs, 4 dead), p2 attempt 1, 2–6 s (800 docs). */
  static List<TaskRun> timeline() {
    return List.of(
        new TaskRun(1, 0, START.plusSeconds(1), START.plusSeconds(3), task(196, 4, 7, 3)),
        new TaskRun(0, 0, START, START.plusSeconds(4), task(400, 0, 0, 0)),
        new TaskRun(2, 1, START.plusSeconds(2), START.plusSeconds(6), task(800, 0, 12, 5)));
  }

  static RunReport.Builder loaded(Map<String, String> options) {
    LoadCounters total = LoadCounters.empty();
    for (TaskRun t : timeline()) {
      total = total.plus(t.counters());
    }
    return RunReport.builder("job-" + HOSTILE, "orders")
        .between(START, START.plusSeconds(8))
        .counters(total, 3, 3)
        .deadLetters("/data/dl/" + HOSTILE, List.of("/data/dl/p1.ndjson"))
        .options(options)
        .timeline(timeline())
        .series(series())
        .deadLetterSamples(samples());
  }

  /**
   * One writer's 6 s: a request a second (1000 bytes, 100 docs, 50 ms), two in flight during
   * seconds 2 and 3, which saw 5 items refused with 429 and one whole request refused.
   */
  static TimeSeries series() {
    TestClock clock = new TestClock();
    Counters c = new Counters(clock);
    for (int second = 0; second < 6; second++) {
      clock.at(second + 0.1);
      c.requestSent(1000, second == 2 || second == 3 ? 2 : 1);
      clock.at(second + 0.6);
      c.latency(50);
      c.inFlight(0);
      for (int i = 0; i < 100; i++) {
        c.indexed("created", "orders");
      }
      if (second == 2) {
        c.add(Counter.RETRIED_ITEMS, 5);
        c.add(Counter.THROTTLED, 5);
        c.increment(Counter.RETRIED_REQUESTS);
      }
    }
    return c.series();
  }

  /** Two dead letters of a reason, one of a hostile reason with a hostile source. */
  static DeadLetterSamples samples() {
    Counters c = new Counters(new TestClock());
    c.deadLettered(SamplerTest.record("mapper_parsing_exception", "{\"price\":\"abc\"}"));
    c.deadLettered(SamplerTest.record("mapper_parsing_exception", "{\"price\":\"x\"}"));
    c.deadLettered(SamplerTest.record(HOSTILE, "{\"note\":\"" + HOSTILE + "\"}"));
    return c.deadLetterSamples();
  }
}
