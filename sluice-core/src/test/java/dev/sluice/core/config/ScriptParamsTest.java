package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import dev.sluice.core.config.ScriptParams.Param;
import org.junit.jupiter.api.Test;

class ScriptParamsTest {
  @Test
  void columnsAndConstantsInElasticsearchHadoopsSyntax() {
    assertThat(ScriptParams.parse(" n:count , who:customer.name, k:<5>, s:<eur>, m:<-3>"))
        .containsExactly(
            new Param("n", "count", null),
            new Param("who", "customer.name", null),
            new Param("k", null, "5"),
            new Param("s", null, "\"eur\""),
            new Param("m", null, "-3"));
  }

  @Test
  void constantsAreAutoQuotedAsElasticsearchHadoopDoes() {
    assertThat(ScriptParams.constant("true")).isEqualTo("true");
    assertThat(ScriptParams.constant("null")).isEqualTo("null");
    assertThat(ScriptParams.constant("\"as is\"")).isEqualTo("\"as is\"");
    assertThat(ScriptParams.constant("1.5")).isEqualTo("\"1.5\"");
    assertThat(ScriptParams.constant("a\"b")).isEqualTo("\"a\\\"b\"");
  }

  @Test
  void badPairsAreRefusedNamingTheOptionAndThePair() {
    for (String bad : new String[] {"n", "n:", ":c", "n:a,n:b", "n:a:b", " , "}) {
      assertThatThrownBy(() -> ScriptParams.parse(bad))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("es.update.script.params");
    }
  }
}
