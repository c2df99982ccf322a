package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a timestamp or date column becomes for each kind of mapped field. */
class DateFormatsTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      nullValues = "-",
      value = {
        "long          ; -                                      ; epoch_millis",
        "integer       ; -                                      ; epoch_millis",
        "double        ; -                                      ; epoch_millis",
        "unsigned_long ; -                                      ; epoch_millis",
        "keyword       ; -                                      ; iso",
        "text          ; -                                      ; iso",
        "date          ; -                                      ; iso",
        "date_nanos    ; -                                      ; iso",
        "date          ; strict_date_optional_time||epoch_millis ; iso",
        "date          ; date_optional_time                     ; iso",
        "date          ; epoch_millis                           ; epoch_millis",
        "date          ; epoch_millis||strict_date_optional_time ; epoch_millis",
        "date          ; epoch_second                           ; epoch_second",
        "date          ; yyyy-MM-dd                             ; pattern yyyy-MM-dd",
        "date          ; yyyy/MM/dd HH:mm:ss||epoch_millis      ; pattern yyyy/MM/dd HH:mm:ss",
        "date          ; strict_date                            ; pattern yyyy-MM-dd",
        "date          ; basic_date                             ; pattern yyyyMMdd",
        "date          ; strict_date_time                       ; pattern yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
        "date          ; week_date||yyyy.MM.dd                  ; pattern yyyy.MM.dd",
        "date_nanos    ; strict_date_optional_time_nanos        ; iso",
      })
  void writesWhatTheMappedFieldTakes(String type, String format, String output) {
    assertThat(DateFormats.forMapped("ts", type, format).describe()).isEqualTo(output);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "date    ; week_date",
        "date    ; strict_weekyear_week||basic_time",
        "date    ; not a pattern {",
        "boolean ; ''",
        "object  ; ''",
        "ip      ; ''",
      })
  void refusesAFieldNoValueFitsNamingFieldAndFormat(String type, String format) {
    assertThatThrownBy(
            () -> DateFormats.forMapped("order.at", type, format.isEmpty() ? null : format))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("'order.at'")
        .hasMessageContaining(format.isEmpty() ? type : format);
  }
}
