package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowShapesTest {
  private static final StructType DATED =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("at", DataTypes.TimestampType)
          .add("o", new StructType().add("day", DataTypes.DateType));
  private static final String ES_HADOOP_MAPPING =
      "{\"idx\":{\"mappings\":{\"properties\":{\"at\":{\"type\":\"long\"},"
          + "\"o\":{\"properties\":{\"day\":{\"type\":\"date\",\"format\":\"yyyy-MM-dd\"}}}}}}}";

  private final AtomicInteger reads = new AtomicInteger();

  private static Map<String, String> options(String... pairs) {
    Map<String, String> options = new HashMap<>();
    options.put("es.resource", "idx");
    options.put("es.mapping.id", "id");
    for (int i = 0; i < pairs.length; i += 2) {
      options.put(pairs[i], pairs[i + 1]);
    }
    return options;
  }

  private RowShape resolve(StructType schema, Map<String, String> options) {
    return RowShapes.resolve(
        options,
        schema,
        SluiceConfig.fromOptions(options),
        engine -> {
          reads.incrementAndGet();
          return IndexMapping.parse(ES_HADOOP_MAPPING.getBytes(UTF_8));
        });
  }

  @Test
  void readsTheMappingOnceAndWritesEachDateColumnAsItsFieldExpects() {
    RowShape shape = resolve(DATED, options());

    assertThat(reads).hasValue(1);
    assertThat(shape.dates())
        .containsEntry("at", DateOutput.EPOCH_MILLIS)
        .containsEntry("o.day", DateOutput.pattern("yyyy-MM-dd"));
    assertThat(shape.describe()).containsEntry("dates", "at=epoch_millis,o.day=pattern yyyy-MM-dd");
  }

  @Test
  void readsNoMappingWithoutDateColumnsOrForDeletes() {
    resolve(new StructType().add("id", DataTypes.StringType), options());
    resolve(DATED, options("es.write.operation", "delete"));

    assertThat(reads).hasValue(0);
  }

  @Test
  void anIndexPatternNamesNoIndexYetSoItsFieldsAreNew() {
    assertThat(RowShapes.namesOneIndex("logs-{kind}")).isFalse();
    assertThat(RowShapes.namesOneIndex("logs-{@timestamp|yyyy.MM.dd}")).isFalse();
    assertThat(RowShapes.namesOneIndex("logs")).isTrue();
    assertThat(RowShapes.namesOneIndex(null)).isFalse();
  }

  @Test
  void newFieldsFollowTheDatesOption() {
    StructType schema = DATED.add("later", DataTypes.TimestampType);

    assertThat(resolve(schema, options()).dateAt("later")).isEqualTo(DateOutput.ISO);
    assertThat(resolve(schema, options("sluice.write.dates", "epoch_millis")).dateAt("later"))
        .isEqualTo(DateOutput.EPOCH_MILLIS);
    assertThatThrownBy(() -> resolve(schema, options("sluice.write.dates", "nanos")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.write.dates");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "es.mapping.include | id | es.input.json       | true   | es.mapping.include",
        "es.mapping.exclude | id | es.input.json       | true   | es.mapping.exclude",
        "es.mapping.exclude | at | es.write.operation | delete | es.mapping.exclude",
        "es.input.json    | true | es.write.operation | delete | es.input.json",
      })
  void refusesWhatElasticsearchHadoopRefuses(
      String option, String value, String other, String otherValue, String named) {
    StructType schema = new StructType().add("json", DataTypes.StringType);
    assertThatThrownBy(() -> resolve(schema, options(option, value, other, otherValue)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(named);
  }

  @Test
  void refusesAFilterOverFieldsInsideMapValues() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add(
                "byLang",
                DataTypes.createMapType(
                    DataTypes.StringType, new StructType().add("text", DataTypes.StringType)));

    assertThatThrownBy(() -> resolve(schema, options("es.mapping.exclude", "byLang.en.text")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'byLang'");
  }
}
