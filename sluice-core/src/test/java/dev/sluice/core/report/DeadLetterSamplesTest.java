package dev.sluice.core.report;

import static dev.sluice.core.report.SamplerTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.deadletter.DeadLetterRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A few dead letters per reason, small, the first ones first. */
class DeadLetterSamplesTest {
  @Test
  void keepsTheFirstFivePerReasonWithWhereAndWhy() {
    Counters counters = new Counters(new TestClock());
    for (int i = 0; i < 8; i++) {
      counters.deadLettered(record("mapper_parsing_exception", "{\"n\":" + i + "}"));
    }
    counters.deadLettered(record("version_conflict_engine_exception", null));

    DeadLetterSamples samples = counters.deadLetterSamples();

    assertThat(samples.byReason().keySet())
        .containsExactly("mapper_parsing_exception", "version_conflict_engine_exception");
    List<DeadLetterSamples.Sample> parsing = samples.byReason().get("mapper_parsing_exception");
    assertThat(parsing).hasSize(DeadLetterSamples.PER_REASON);
    assertThat(parsing.get(0))
        .isEqualTo(
            new DeadLetterSamples.Sample(
                "partition 0 row 7",
                "orders",
                "id-1",
                "failed to parse field [price]",
                "{\"n\":0}",
                false));
    assertThat(parsing).extracting(DeadLetterSamples.Sample::source).endsWith("{\"n\":4}");
    assertThat(samples.byReason().get("version_conflict_engine_exception").get(0).source())
        .isNull();
    assertThat(counters.snapshot(0).deadLettered()).isEqualTo(9);
  }

  @Test
  void aLongSourceIsCutToOneKilobyteWithoutHalfACharacter() {
    String big = "\"" + "é".repeat(600) + "\""; // 2 bytes each: byte 1024 splits one
    DeadLetterRecord r = record("mapper_parsing_exception", big);

    DeadLetterSamples.Sample s = DeadLetterSamples.Sample.of(r);

    assertThat(s.truncated()).isTrue();
    assertThat(s.source().getBytes(StandardCharsets.UTF_8).length).isEqualTo(1023);
    assertThat(s.source()).startsWith("\"é").doesNotContain("\uFFFD");
  }

  @Test
  void mergingKeepsTheFirstWritersSamplesFirstAndStillFivePerReason() {
    Counters a = new Counters(new TestClock());
    Counters b = new Counters(new TestClock());
    for (int i = 0; i < 3; i++) {
      a.deadLettered(record("x", "{\"a\":" + i + "}"));
      b.deadLettered(record("x", "{\"b\":" + i + "}"));
    }
    b.deadLettered(record("y", "{}"));

    DeadLetterSamples merged = a.deadLetterSamples().plus(b.deadLetterSamples());

    assertThat(merged.byReason().get("x"))
        .extracting(DeadLetterSamples.Sample::source)
        .containsExactly("{\"a\":0}", "{\"a\":1}", "{\"a\":2}", "{\"b\":0}", "{\"b\":1}");
    assertThat(merged.byReason().get("y")).hasSize(1);
    assertThat(DeadLetterSamples.empty().plus(DeadLetterSamples.empty()).isEmpty()).isTrue();
  }
}
