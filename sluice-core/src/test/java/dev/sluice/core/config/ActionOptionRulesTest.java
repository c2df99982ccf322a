package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ConfigException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each combination Elasticsearch would refuse per document is refused before the load. */
class ActionOptionRulesTest {

  private static ActionOptions resolve(String... keyValues) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return ActionOptionRules.resolve(ResolvedOptions.parse(options));
  }

  private static ConfigException refusal(String... keyValues) {
    try {
      resolve(keyValues);
      return null;
    } catch (ConfigException e) {
      return e;
    }
  }

  @Test
  void nothingGivenIsPlainActions() {
    assertThat(resolve()).isEqualTo(ActionOptions.NONE);
  }

  @Test
  void optionsAreReadAsGiven() {
    ActionOptions a =
        resolve(
            "es.write.operation", "upsert",
            "es.mapping.id", "id",
            "es.update.script.inline", "ctx._source.n += params.n",
            "es.update.script.lang", "painless",
            "es.update.script.params", "n:n",
            "es.update.retry.on.conflict", "4",
            "es.mapping.join", "rel");
    assertThat(a.script())
        .isEqualTo(
            new UpdateScript(false, "ctx._source.n += params.n", "painless", "n:n", null, false));
    assertThat(a.retryOnConflict()).isEqualTo(4);
    assertThat(a.joinField()).isEqualTo("rel");
    assertThat(resolve("es.mapping.version", "v").sentVersionField()).isEqualTo("v");
    assertThat(
            resolve("es.mapping.version", "v", "es.mapping.version.type", "internal")
                .sentVersionField())
        .isNull();
    assertThat(
            resolve(
                    "es.write.operation", "update",
                    "es.mapping.id", "id",
                    "es.update.script.stored", "s",
                    "es.update.script.params.json", "{ \"a\" : [1, 2] }")
                .script()
                .paramsJson())
        .isEqualTo("{\"a\":[1,2]}");
  }

  @Test
  void scriptParamsKeepTheirNumbersDigitForDigit() {
    // compacted through doubles, the first became 1.2345678901234568E16 and the second 1.5
    assertThat(
            resolve(
                    "es.write.operation",
                    "update",
                    "es.mapping.id",
                    "id",
                    "es.update.script.stored",
                    "s",
                    "es.update.script.params.json",
                    "{\"rate\": 12345678901234567.89,\n \"step\": 1.50, \"n\": 7}")
                .script()
                .paramsJson())
        .isEqualTo("{\"rate\":12345678901234567.89,\"step\":1.50,\"n\":7}");
  }

  @Test
  void refusedCombinationsNameTheOption() {
    Map<String, String[]> cases = new HashMap<>();
    cases.put(
        "es.ingest.pipeline",
        new String[] {"es.ingest.pipeline", "p", "es.write.operation", "upsert"});
    cases.put(
        "es.mapping.version",
        new String[] {"es.mapping.version", "v", "es.write.operation", "update"});
    cases.put(
        "es.mapping.version.type",
        new String[] {"es.mapping.version", "v", "es.mapping.version.type", "force"});
    cases.put("es.update.script.inline", new String[] {"es.update.script.inline", "x"});
    cases.put(
        "es.update.script.stored",
        new String[] {
          "es.write.operation",
          "update",
          "es.update.script.inline",
          "x",
          "es.update.script.stored",
          "y"
        });
    cases.put("es.update.script.params", new String[] {"es.update.script.params", "a:b"});
    cases.put("es.update.script.lang", new String[] {"es.update.script.lang", "painless"});
    cases.put("es.update.script.upsert", new String[] {"es.update.script.upsert", "true"});
    cases.put(
        "es.update.script.params.json",
        new String[] {
          "es.write.operation",
          "update",
          "es.update.script.inline",
          "x",
          "es.update.script.params.json",
          "[1]"
        });
    cases.forEach(
        (option, given) -> {
          ConfigException e = refusal(given);
          assertThat(e).as(option).isNotNull();
          assertThat(e.option()).as(option).isEqualTo(option);
          assertThat(e.getMessage()).as(option).contains(option);
        });
  }
}
