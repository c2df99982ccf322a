package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each output, for timestamps and dates, against what elasticsearch-hadoop writes. */
class DateOutputTest {
  private static String write(DateOutput.Writer writer, long value) {
    JsonBuffer out = new JsonBuffer();
    writer.write(out, value);
    return new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static DateOutput output(String name) {
    return switch (name) {
      case "iso" -> DateOutput.ISO;
      case "epoch_millis" -> DateOutput.EPOCH_MILLIS;
      case "epoch_second" -> DateOutput.EPOCH_SECOND;
      default -> DateOutput.pattern(name);
    };
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-24T10:15:30.123456Z | iso                 | \"2026-11-24T10:15:30.123456Z\"",
        "2026-11-24T10:15:30.123456Z | epoch_millis        | 1795515330123",
        "2026-11-24T10:15:30.123456Z | epoch_second        | 1795515330",
        "2026-11-24T10:15:30.123456Z | yyyy/MM/dd HH:mm:ss | \"2026/11/24 10:15:30\"",
        "1969-12-31T23:59:59.999999Z | epoch_millis        | -1",
        "1969-12-31T23:59:59.999999Z | epoch_second        | -1",
      })
  void timestamps(String instant, String output, String json) throws IOException {
    Instant at = Instant.parse(instant);
    long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    assertThat(write(output(output).timestamps(), micros)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0} in {1} as {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-24 | UTC           | iso          | \"2026-11-24\"",
        "2026-11-24 | UTC           | epoch_millis | 1795478400000",
        "2026-11-24 | Europe/Berlin | epoch_millis | 1795474800000",
        "2026-11-24 | Europe/Berlin | epoch_second | 1795474800",
        "2026-11-24 | Europe/Berlin | yyyy-MM-dd   | \"2026-11-24\"",
        "1960-01-01 | America/New_York | epoch_millis | -315601200000",
      })
  void datesAsElasticsearchHadoopsJavaSqlDate(String date, String zone, String output, String json)
      throws IOException {
    long days = LocalDate.parse(date).toEpochDay();
    assertThat(write(output(output).dates(ZoneId.of(zone)), days)).isEqualTo(json);
  }

  /** elasticsearch-hadoop writes java.sql.Timestamp#getTime and java.sql.Date#getTime. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"2026-11-24T10:15:30.123456Z", "1969-12-31T23:59:59.999999Z", "1901-03-04T00:00:00Z"})
  void epochMillisAreWhatJavaSqlTypesGive(String instant) throws IOException {
    Instant at = Instant.parse(instant);
    long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    assertThat(write(DateOutput.EPOCH_MILLIS.timestamps(), micros))
        .isEqualTo(String.valueOf(Timestamp.from(at).getTime()));
    LocalDate day = LocalDate.parse(instant.substring(0, 10));
    ZoneId zone = TimeZone.getDefault().toZoneId();
    assertThat(write(DateOutput.EPOCH_MILLIS.dates(zone), day.toEpochDay()))
        .isEqualTo(String.valueOf(java.sql.Date.valueOf(day).getTime()));
  }
}
