package dev.sluice.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataStreamCheckTest {
  private static final String CLUSTER = "http://es1:9200";

  /** Answers of GET /_resolve/index/<name>, as Elasticsearch 8.19 gives them. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "200|{\"indices\":[],\"aliases\":[],\"data_streams\":[{\"name\":\"logs\","
            + "\"backing_indices\":[\".ds-logs-2026.11.30-000001\"]}]}|true",
        "200|{\"indices\":[{\"name\":\"logs\",\"attributes\":[\"open\"]}],\"aliases\":[],"
            + "\"data_streams\":[]}|false",
        "200|{\"indices\":[],\"aliases\":[{\"name\":\"logs\",\"indices\":[\"orders\"]}],"
            + "\"data_streams\":[]}|false",
        "200|{\"indices\":[],\"aliases\":[{\"name\":\"logs\","
            + "\"indices\":[\".ds-app-2026.11.30-000001\"]}],\"data_streams\":[]}|true",
        "404|{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}|",
      })
  void whatTheResolveAnswerSays(int status, String body, Boolean dataStream) {
    assertThat(
            DataStreamCheck.existing(
                "logs", HttpResult.response(status, body.getBytes(UTF_8)), CLUSTER))
        .isEqualTo(dataStream);
  }

  /** Answers of POST /_index_template/_simulate_index/<name>. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "200|{\"template\":{\"mappings\":{\"_data_stream_timestamp\":{\"enabled\":true},"
            + "\"properties\":{\"@timestamp\":{\"type\":\"date\"}}}},\"overlapping\":[]}|true",
        "200|{\"template\":{\"mappings\":{\"properties\":{\"a\":{\"type\":\"long\"}}}}}|false",
        "200|{}|false", // no template matches the name
        "404|{}|false",
        "403|{}|false", // no manage_index_templates: written as an index, with a warning
      })
  void whatTheTemplateSimulationSays(int status, String body, boolean dataStream) {
    assertThat(
            DataStreamCheck.simulated(
                "logs", HttpResult.response(status, body.getBytes(UTF_8)), CLUSTER))
        .isEqualTo(dataStream);
  }

  @Test
  void withoutViewIndexMetadataTheLoadStopsNamingThePrivilege() {
    assertThatThrownBy(
            () -> DataStreamCheck.existing("logs", HttpResult.response(403, new byte[0]), CLUSTER))
        .isInstanceOf(ClusterFatalException.class)
        .hasMessageContaining("'logs'")
        .hasMessageContaining("view_index_metadata");
  }

  @Test
  void anUnreachableClusterStopsTheLoad() {
    assertThatThrownBy(
            () ->
                DataStreamCheck.existing(
                    "logs", HttpResult.failure(new ConnectException("refused")), CLUSTER))
        .isInstanceOf(ClusterFatalException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void aMissingNameIsSimulatedAndAPatternIsNotAsked() throws Exception {
    try (RecordingNode node = RecordingNode.start(path -> 404)) {
      String nodes = "http://127.0.0.1:" + node.port();

      assertThat(DataStreamCheck.dataStream(config(nodes, "missing"))).isNull();
      assertThat(DataStreamCheck.dataStream(config(nodes, "logs-{service}"))).isNull();

      assertThat(node.seen())
          .containsExactly(
              "GET /_resolve/index/missing null",
              "POST /_index_template/_simulate_index/missing null");
    }
  }

  private static SluiceConfig config(String nodes, String index) {
    return SluiceConfig.fromOptions(Map.of("es.nodes", nodes, "es.resource", index));
  }
}
