package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionSourcesTest {

  /** "k=v;k=v" as an ordered map; an empty cell is no options. */
  private static Map<String, String> map(String entries) {
    Map<String, String> map = new LinkedHashMap<>();
    if (entries != null) {
      for (String entry : entries.split(";")) {
        String[] kv = entry.split("=", 2);
        map.put(kv[0], kv[1]);
      }
    }
    return map;
  }

  @ParameterizedTest(name = "session [{0}] + writer [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the Spark conf: elasticsearch-hadoop reads plain es.* and spark.es.* keys there
        "es.nodes=h:1                      |                                  | es.nodes=h:1",
        "spark.es.nodes=h:1                |                                  | es.nodes=h:1",
        "es.nodes=h:1;spark.es.nodes=h:1   |                                  | es.nodes=h:1",
        "sluice.checkpoint.path=/c         |                                  | sluice.checkpoint.path=/c",
        "spark.sluice.checkpoint.path=/c   |                                  | sluice.checkpoint.path=/c",
        "ES.Nodes=h:1                      |                                  | es.nodes=h:1",
        "spark.master=local;nodes=h:1      |                                  | ",
        // writer options win over the session
        "es.nodes=h:1                      | es.nodes=w:2                     | es.nodes=w:2",
        "spark.es.resource=s               | es.resource=w                    | es.resource=w",
        "spark.es.resource=s               | path=w                           | es.resource=w",
        // the short names and Spark SQL's underscore spellings
        "                                  | path=idx                         | es.resource=idx",
        "                                  | resource=idx                     | es.resource=idx",
        "                                  | es_resource=idx                  | es.resource=idx",
        "                                  | es_mapping_id=id                 | es.mapping.id=id",
        "                                  | mapping.id=id                    | es.mapping.id=id",
        "                                  | mapping_id=id                    | es.mapping.id=id",
        "                                  | ES_MAPPING_ID=id                 | es.mapping.id=id",
        "                                  | sluice_checkpoint_path=/c        | sluice.checkpoint.path=/c",
        "                                  | es.mapping.id=id;es_mapping_id=id| es.mapping.id=id",
        "                                  | resource=idx;path=idx            | es.resource=idx",
        // a SQL table's location arrives as path beside the resource (elasticsearch-hadoop #1082)
        "                                  | resource=idx;path=file:/w/t      | es.resource=idx",
        "                                  | es.resource=idx;path=/w/t        | es.resource=idx",
      })
  void readsEachSettingWhereElasticsearchHadoopReadsIt(
      String session, String writer, String expected) {
    assertThat(OptionSources.resolve(map(session), map(writer))).isEqualTo(map(expected));
  }

  @ParameterizedTest(name = "{0} {1} -> names {2} and {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "session | es.nodes=a:1;spark.es.nodes=b:1        | es.nodes       | spark.es.nodes",
        "session | sluice.report.path=/a;spark.sluice.report.path=/b"
            + " | sluice.report.path | spark.sluice.report.path",
        "writer  | es.mapping.id=a;es_mapping_id=b         | es.mapping.id  | es_mapping_id",
        "writer  | mapping.id=a;es.mapping.id=b           | mapping.id     | es.mapping.id",
        "writer  | resource=a;es.resource=b               | resource       | es.resource",
        "writer  | resource=a;path=b                      | resource       | path",
        "writer  | es.resource=a;path=b                   | es.resource    | path",
        "writer  | sluice_report_path=/a;sluice.report.path=/b"
            + " | sluice_report_path | sluice.report.path",
      })
  void oneSettingGivenTwiceWithDifferentValuesIsAnErrorNamingBoth(
      String where, String entries, String first, String second) {
    Map<String, String> given = map(entries);
    Map<String, String> session = where.equals("session") ? given : Map.of();
    Map<String, String> writer = where.equals("session") ? Map.of() : given;
    assertThatThrownBy(() -> OptionSources.resolve(session, writer))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'" + first + "'")
        .hasMessageContaining("'" + second + "'");
  }

  @Test
  void aConflictNamesTheKeysButNeverShowsTheValues() {
    Map<String, String> session =
        map("es.net.http.auth.pass=s3cret;spark.es.net.http.auth.pass=0ther");
    assertThatThrownBy(() -> OptionSources.resolve(session, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("es.net.http.auth.pass")
        .message()
        .doesNotContain("s3cret")
        .doesNotContain("0ther");
  }
}
