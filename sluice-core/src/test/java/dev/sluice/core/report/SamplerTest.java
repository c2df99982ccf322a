package dev.sluice.core.report;

import static dev.sluice.core.report.Measure.BYTES_SENT;
import static dev.sluice.core.report.Measure.DEAD_LETTERED;
import static dev.sluice.core.report.Measure.IN_FLIGHT_MILLIS;
import static dev.sluice.core.report.Measure.LATENCY_MAX_MILLIS;
import static dev.sluice.core.report.Measure.LATENCY_SUM_MILLIS;
import static dev.sluice.core.report.Measure.MAX_IN_FLIGHT;
import static dev.sluice.core.report.Measure.REQUESTS_SENT;
import static dev.sluice.core.report.Measure.RESPONSES;
import static dev.sluice.core.report.Measure.RETRIED_ITEMS;
import static dev.sluice.core.report.Measure.RETRIED_REQUESTS;
import static dev.sluice.core.report.Measure.SETTLED;
import static dev.sluice.core.report.Measure.THROTTLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.core.deadletter.DeadLetterRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Events at known times (an injected clock) go into the buckets they happened in. */
class SamplerTest {
  private final TestClock clock = new TestClock();
  private final Counters counters = new Counters(clock);

  private record Event(double at, Consumer<Counters> what) {}

  private void play(List<Event> events) {
    for (Event e : events) {
      clock.at(e.at());
      e.what().accept(counters);
    }
  }

  @Test
  void eachEventCountsInTheSecondItHappened() {
    play(
        List.of(
            new Event(0.1, c -> c.requestSent(1000, 1)),
            new Event(0.3, c -> c.requestSent(3000, 2)),
            new Event(0.6, c -> c.latency(500)),
            new Event(0.6, c -> c.inFlight(1)),
            new Event(0.6, c -> c.indexed("created", "a")),
            new Event(0.6, c -> c.indexed("updated", "a")),
            new Event(0.6, c -> c.increment(Counter.READ)), // not drawn over time
            new Event(1.1, c -> c.latency(800)),
            new Event(1.1, c -> c.inFlight(0)),
            new Event(1.1, c -> c.increment(Counter.RETRIED_ITEMS)),
            new Event(1.1, c -> c.increment(Counter.THROTTLED)),
            new Event(1.1, c -> c.deadLettered(record("mapper_parsing_exception", "{}"))),
            new Event(1.5, c -> c.increment(Counter.RETRIED_REQUESTS)),
            new Event(1.5, c -> c.increment(Counter.THROTTLED)),
            new Event(3.2, c -> c.increment(Counter.MERGED))));

    TimeSeries series = counters.series();

    assertThat(series.width()).isEqualTo(Duration.ofSeconds(1));
    assertThat(table(series))
        .containsExactly(
            Map.of(
                SETTLED, 2L,
                BYTES_SENT, 4000L,
                REQUESTS_SENT, 2L,
                RESPONSES, 1L,
                LATENCY_SUM_MILLIS, 500L,
                LATENCY_MAX_MILLIS, 500L,
                MAX_IN_FLIGHT, 2L,
                // 1 for 0.2 s, 2 for 0.3 s, then 1 until the second ends
                IN_FLIGHT_MILLIS, 200L + 600 + 400),
            Map.of(
                SETTLED, 1L,
                DEAD_LETTERED, 1L,
                RESPONSES, 1L,
                LATENCY_SUM_MILLIS, 800L,
                LATENCY_MAX_MILLIS, 800L,
                MAX_IN_FLIGHT, 1L,
                IN_FLIGHT_MILLIS, 100L,
                RETRIED_ITEMS, 1L,
                THROTTLED, 2L,
                RETRIED_REQUESTS, 1L),
            Map.of(), // a quiet second is there, as zeros
            Map.of(SETTLED, 1L));
    assertThat(series.buckets().get(0).start()).isEqualTo(TestClock.T0);
    assertThat(series.total(SETTLED)).isEqualTo(4);
    assertThat(series.total(MAX_IN_FLIGHT)).isEqualTo(2);
  }

  @Test
  void aRequestInFlightForSecondsCountsInEverySecondItSpans() {
    play(List.of(new Event(0.5, c -> c.requestSent(10, 1)), new Event(3.5, c -> c.inFlight(0))));

    assertThat(table(counters.series()))
        .extracting(b -> b.get(IN_FLIGHT_MILLIS), b -> b.get(MAX_IN_FLIGHT))
        .containsExactly(tuple(500L, 1L), tuple(1000L, 1L), tuple(1000L, 1L), tuple(500L, 1L));
  }

  @Test
  void aSeriesTakenWhileRequestsAreInFlightCountsThemUpToNow() {
    play(List.of(new Event(0.25, c -> c.requestSent(10, 2))));

    clock.at(0.75);
    assertThat(table(counters.series()))
        .containsExactly(
            Map.of(BYTES_SENT, 10L, REQUESTS_SENT, 1L, MAX_IN_FLIGHT, 2L, IN_FLIGHT_MILLIS, 1000L));
    clock.at(1.5);
    assertThat(table(counters.series()))
        .containsExactly(
            Map.of(BYTES_SENT, 10L, REQUESTS_SENT, 1L, MAX_IN_FLIGHT, 2L, IN_FLIGHT_MILLIS, 1500L),
            Map.of(MAX_IN_FLIGHT, 2L, IN_FLIGHT_MILLIS, 1000L));
  }

  @Test
  void aLongRunCoarsensItsBucketsAndLosesNothing() {
    Sampler sampler = new Sampler(clock, 4);
    for (double at : new double[] {0.5, 2.5, 4.5}) {
      clock.at(at);
      sampler.count(SETTLED, 1);
    }
    assertThat(sampler.series().width()).isEqualTo(Duration.ofSeconds(2));
    assertThat(table(sampler.series()))
        .containsExactly(Map.of(SETTLED, 1L), Map.of(SETTLED, 1L), Map.of(SETTLED, 1L));

    clock.at(9);
    sampler.count(SETTLED, 10);

    TimeSeries series = sampler.series();
    assertThat(series.width()).isEqualTo(Duration.ofSeconds(4));
    assertThat(table(series))
        .containsExactly(Map.of(SETTLED, 2L), Map.of(SETTLED, 1L), Map.of(SETTLED, 10L));
    assertThat(series.total(SETTLED)).isEqualTo(13);
  }

  @Test
  void aWriterKeepsAtMostItsBucketsHoweverLongItRuns() {
    Sampler sampler = new Sampler(clock);
    for (int second = 0; second < 3600; second++) {
      clock.at(second);
      sampler.count(SETTLED, 1);
    }
    TimeSeries series = sampler.series();
    assertThat(series.buckets()).hasSizeLessThanOrEqualTo(Sampler.MAX_BUCKETS);
    assertThat(series.width()).isEqualTo(Duration.ofSeconds(64));
    assertThat(series.total(SETTLED)).isEqualTo(3600);
  }

  /** Each bucket's measures that are not zero. */
  static List<Map<Measure, Long>> table(TimeSeries series) {
    return series.buckets().stream()
        .map(
            b -> {
              Map<Measure, Long> values = new EnumMap<>(Measure.class);
              for (Measure m : Measure.values()) {
                if (b.get(m) != 0) {
                  values.put(m, b.get(m));
                }
              }
              return values;
            })
        .toList();
  }

  static DeadLetterRecord record(String errorType, String source) {
    return new DeadLetterRecord(
        DeadLetterRecord.FORMAT_VERSION,
        "orders",
        "id-1",
        "index",
        400,
        errorType,
        "failed to parse field [price]",
        1,
        TestClock.T0,
        TestClock.T0,
        "partition 0 row 7",
        "writer-1",
        source == null ? null : source.getBytes(StandardCharsets.UTF_8));
  }
}
