package dev.sluice.core.report;

import static dev.sluice.core.report.Measure.MAX_IN_FLIGHT;
import static dev.sluice.core.report.Measure.SETTLED;
import static dev.sluice.core.report.SamplerTest.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver merges its writers' series by wall-clock bucket, whatever each writer's width. */
class TimeSeriesTest {
  private final TestClock clock = new TestClock();

  /**
   * A writer that settled {@code settled[i]} documents with {@code inFlight[i]} requests at i s.
   */
  private TimeSeries writer(int maxBuckets, double from, long[] settled, int[] inFlight) {
    Sampler s = new Sampler(clock, maxBuckets);
    for (int i = 0; i < settled.length; i++) {
      clock.at(from + i);
      s.count(SETTLED, settled[i]);
      s.inFlight(inFlight[i]);
    }
    s.inFlight(0);
    return s.series();
  }

  @Test
  void writersMergeByWallClockBucketAtTheCoarsestWidth() {
    // a: 1 s buckets from 0 s; b: ran long enough for 2 s buckets, from 1 s
    TimeSeries a = writer(60, 0, new long[] {1, 2, 3}, new int[] {1, 3, 1});
    TimeSeries b = writer(3, 1, new long[] {10, 20, 30, 40, 50}, new int[] {2, 2, 2, 2, 2});
    assertThat(b.width()).isEqualTo(Duration.ofSeconds(2));

    TimeSeries merged = TimeSeries.merge(List.of(a, b), TimeSeries.MAX_MERGED_BUCKETS);

    assertThat(merged.width()).isEqualTo(Duration.ofSeconds(2));
    assertThat(table(merged))
        .extracting(m -> m.get(SETTLED), m -> m.get(MAX_IN_FLIGHT))
        .containsExactly(
            tuple(1L + 2 + 10, 3L), // 0-2 s: the most one writer had
            tuple(3L + 20 + 30, 2L),
            tuple(40L + 50, 2L));
    assertThat(merged.total(SETTLED)).isEqualTo(a.total(SETTLED) + b.total(SETTLED));
    assertThat(merged.total(Measure.IN_FLIGHT_MILLIS))
        .isEqualTo(a.total(Measure.IN_FLIGHT_MILLIS) + b.total(Measure.IN_FLIGHT_MILLIS));
  }

  @Test
  void aMergedSeriesIsCoarsenedToItsCap() {
    TimeSeries a = writer(60, 0, new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, new int[9]);

    TimeSeries merged = TimeSeries.merge(List.of(a, TimeSeries.empty()), 4);

    assertThat(merged.width()).isEqualTo(Duration.ofSeconds(4));
    assertThat(table(merged))
        .containsExactly(Map.of(SETTLED, 4L), Map.of(SETTLED, 4L), Map.of(SETTLED, 1L));
  }

  @Test
  void nothingMergedIsEmpty() {
    TimeSeries merged = TimeSeries.merge(List.of(), 4);
    assertThat(merged.isEmpty()).isTrue();
    assertThat(merged.buckets()).isEmpty();
    assertThat(merged.total(SETTLED)).isZero();
  }

  @Test
  void bucketsArePowersOfTwoSeconds() {
    assertThatThrownBy(() -> TimeSeries.of(1500, Map.of()))
        .hasMessageContaining("a power of two seconds long, not 1500 ms");
  }

  @Test
  void aSeriesSurvivesJavaSerialisationAndStaysSmall() throws Exception {
    Sampler s = new Sampler(clock);
    for (int second = 0; second < 3600; second++) {
      clock.at(second);
      s.count(SETTLED, 7);
      s.sent(1000, 3);
      s.responded(40);
      s.inFlight(1);
    }
    TimeSeries series = s.series();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(series);
    }
    assertThat(bytes.size()).as("a long task's series in a commit message").isLessThan(8_000);
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TimeSeries back = (TimeSeries) in.readObject();
      assertThat(table(back)).isEqualTo(table(series));
      assertThat(back.width()).isEqualTo(series.width());
    }
  }
}
