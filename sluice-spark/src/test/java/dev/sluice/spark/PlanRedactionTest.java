package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanRedactionTest {
  private static final Pattern PATTERN = Pattern.compile(PlanRedaction.PATTERN);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "es.net.http.auth.pass",
        "ES_NET_HTTP_AUTH_PASS",
        "net.http.auth.pass",
        "spark.es.net.http.auth.pass",
        "sluice.auth.api.key",
        "https://loader:pw@es.example.com:9243"
      })
  void findsEverySpellingOfASecret(String keyOrValue) {
    assertThat(PATTERN.matcher(keyOrValue).find()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"es.net.http.auth.user", "es.nodes", "https://es.example.com:9243"})
  void leavesOtherOptionsReadable(String keyOrValue) {
    assertThat(PATTERN.matcher(keyOrValue).find()).isFalse();
  }
}
