package dev.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {
  private static final String SECRET = "s3cr3t-value-Qv7";
  private final SecretResolver env = SecretResolver.withEnvironment(Map.of("ES_PASS", SECRET)::get);

  @TempDir Path temp;

  @Test
  void plainValuesAreTheSecretItself() {
    assertThat(env.resolve("es.net.http.auth.pass", SECRET)).isEqualTo(SECRET);
  }

  @Test
  void envReadsTheVariable() {
    assertThat(env.resolve("es.net.http.auth.pass", "env:ES_PASS")).isEqualTo(SECRET);
  }

  @Test
  void aMissingVariableIsNamedWithItsOption() {
    ConfigException e = configError(() -> env.resolve("sluice.auth.bearer", "env:NOT_THERE"));
    assertThat(e.option()).isEqualTo("sluice.auth.bearer");
    assertThat(e.getMessage())
        .contains("sluice.auth.bearer")
        .contains("NOT_THERE")
        .contains("not set");
  }

  @Test
  void fileReadsTheFileWithoutItsTrailingNewline() throws Exception {
    Path file = Files.writeString(temp.resolve("pass"), SECRET + "\n");
    assertThat(env.resolve("es.net.http.auth.pass", "file:" + file)).isEqualTo(SECRET);
    assertThat(env.resolve("es.net.http.auth.pass", file.toUri().toString())).isEqualTo(SECRET);
  }

  @Test
  void aMissingOrEmptyFileIsNamedWithItsOption() throws Exception {
    Path missing = temp.resolve("missing");
    ConfigException e = configError(() -> env.resolve("sluice.auth.api.key", "file:" + missing));
    assertThat(e.getMessage()).contains("sluice.auth.api.key").contains(missing.toString());

    Path empty = Files.writeString(temp.resolve("empty"), "\n");
    assertThat(configError(() -> env.resolve("sluice.auth.api.key", "file:" + empty)))
        .hasMessageContaining("empty");
  }

  @Test
  void secretsFromTheEnvironmentAreResolvedWhenTheConfigIsBuiltAndNeverShown() {
    SluiceConfig config =
        SluiceConfig.fromOptions(
            Map.of("es.net.http.auth.user", "bob", "es.net.http.auth.pass", "env:ES_PASS"), env);
    assertThat(config.connection().password().reveal()).isEqualTo(SECRET);
    assertThat(config.toString()).doesNotContain(SECRET);
    assertThat(config.connection().toString()).doesNotContain(SECRET);
    assertThat(config.toRedactedMap()).containsEntry("es.net.http.auth.pass", Secret.REDACTED);
  }

  @Test
  void anUnresolvableSecretFailsTheConfig() {
    ConfigException e =
        configError(
            () ->
                SluiceConfig.fromOptions(
                    Map.of("es.net.http.auth.user", "bob", "es.net.http.auth.pass", "env:NOPE"),
                    env));
    assertThat(e.option()).isEqualTo("es.net.http.auth.pass");
  }

  @Test
  void apiKeysAreKeptEncodedAndRawPairsEncoded() {
    String encoded = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
    assertThat(ApiKey.encoded(Secret.of(encoded)).reveal()).isEqualTo(encoded);
    assertThat(ApiKey.encoded(Secret.of("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw")).reveal())
        .isEqualTo(encoded);
    assertThat(ApiKey.id(encoded)).isEqualTo("VuaCfGcBCdbkQm-e5aOx");
    assertThat(ApiKey.id("not base64!")).isNull();
  }

  @Test
  void aRawApiKeyWithoutItsKeyIsRejectedWithoutShowingIt() {
    ConfigException e =
        configError(() -> SluiceConfig.fromOptions(Map.of("sluice.auth.api.key", "only-the-id:")));
    assertThat(e.option()).isEqualTo("sluice.auth.api.key");
    assertThat(e.getMessage()).doesNotContain("only-the-id");
  }

  @Test
  void aKeyStorePasswordNeedsAKeyStore() {
    ConfigException e =
        configError(() -> SluiceConfig.fromOptions(Map.of("es.net.ssl.keystore.pass", SECRET)));
    assertThat(e.option()).isEqualTo("es.net.ssl.keystore.location");
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  private static ConfigException configError(ThrowingCallable call) {
    return catchThrowableOfType(ConfigException.class, call);
  }
}
