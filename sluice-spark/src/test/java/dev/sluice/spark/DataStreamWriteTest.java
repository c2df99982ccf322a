package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DataStreamWriteTest {

  @ParameterizedTest
  @CsvSource({"CREATE, CREATE, false", "INDEX, CREATE, true"})
  void aDataStreamIsSentCreateAndSaysSoWhenIndexWasAsked(
      OpType asked, OpType sent, boolean noticed) {
    DataStreamWrite.Operation operation = DataStreamWrite.operation("logs-app", asked);

    assertThat(operation.op()).isEqualTo(sent);
    assertThat(operation.notice() != null).isEqualTo(noticed);
    if (noticed) {
      assertThat(operation.notice())
          .contains("'logs-app' is a data stream")
          .contains("es.write.operation=index is sent as create");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = OpType.class,
      names = {"UPDATE", "UPSERT", "DELETE"})
  void changingOrDeletingThroughADataStreamIsRefusedNamingTheOption(OpType asked) {
    assertThatThrownBy(() -> DataStreamWrite.operation("logs-app", asked))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'logs-app' is a data stream")
        .hasMessageContaining("es.write.operation=" + asked.name().toLowerCase())
        .hasMessageContaining("append-only");
  }

  @ParameterizedTest
  @CsvSource({"es.write.operation, index", "ES.Write.Operation, index", "es.resource, logs-app"})
  void theSwitchedOptionsParseAsCreateWhateverTheKeysCase(String key, String value) {
    Map<String, String> options = new java.util.HashMap<>(Map.of("es.resource", "logs-app"));
    options.put(key, value);

    Map<String, String> switched =
        DataStreamWrite.options(options, "logs-app", SluiceConfig.fromOptions(options).defaultOp());

    assertThat(SluiceConfig.fromOptions(switched).defaultOp()).isEqualTo(OpType.CREATE);
    assertThat(switched).containsEntry("es.resource", "logs-app");
  }
}
