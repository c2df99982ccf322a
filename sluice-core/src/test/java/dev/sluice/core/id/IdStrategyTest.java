package dev.sluice.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdStrategyTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void contentHashIsSha256OfTheBodyBytesInLowercaseHex() {
    IdStrategy hash = IdStrategy.contentHash(HashEncoding.HEX);
    // FIPS 180-2 test vector.
    assertThat(hash.idOf(List.of(), utf8("abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Pinned: a JSON body with a non-ASCII character, hashed as its UTF-8 bytes.
    assertThat(hash.idOf(List.of(), utf8("{\"id\":7,\"name\":\"café\"}")))
        .isEqualTo("6fcf04f3c267e44154b88d1b4001384e4ef0528cb5357c3c710dd1539f842aaf");
    // Any other byte (here a space) is another document, so another id.
    assertThat(hash.idOf(List.of(), utf8("{\"id\":7, \"name\":\"café\"}")))
        .isNotEqualTo("6fcf04f3c267e44154b88d1b4001384e4ef0528cb5357c3c710dd1539f842aaf");
    assertThat(hash.deterministic()).isTrue();
    assertThat(hash.fields()).isEmpty();
    assertThatThrownBy(() -> hash.idOf(List.of(), null)).isInstanceOf(InvalidIdException.class);
  }

  @Test
  void fieldIdIsTheValueAndNamesTheFieldWhenMissingOrTooLong() {
    IdStrategy field = IdStrategy.field("customer.id");
    assertThat(field.fields()).containsExactly("customer.id");
    assertThat(field.idOf(List.of("c-42"), null)).isEqualTo("c-42");
    assertThat(field.idOf(Arrays.asList("a|b"), null)).isEqualTo("a|b");
    assertThatThrownBy(() -> field.idOf(Arrays.asList((String) null), null))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("'customer.id' is null")
        .extracting(e -> ((InvalidIdException) e).field())
        .isEqualTo("customer.id");
    assertThatThrownBy(() -> field.idOf(List.of(""), null))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> field.idOf(List.of("é".repeat(257)), null))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("514 bytes")
        .hasMessageContaining("512");
    assertThat(field.idOf(List.of("x".repeat(512)), null)).hasSize(512);
    // 170 chars of three UTF-8 bytes each fit; one more does not.
    assertThat(field.idOf(List.of("€".repeat(170)), null)).hasSize(170);
    assertThatThrownBy(() -> field.idOf(List.of("€".repeat(171)), null))
        .hasMessageContaining("513 bytes");
    assertThatThrownBy(() -> field.idOf(List.of("a", "b"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compositeIdEscapesSoDifferentValuesNeverMeet() {
    IdStrategy composite = IdStrategy.composite(List.of("region", "id"));
    assertThat(composite.idOf(List.of("a|b", "c"), null)).isEqualTo("a\\|b|c");
    assertThat(composite.idOf(List.of("a", "b|c"), null)).isEqualTo("a|b\\|c");
    assertThat(composite.idOf(List.of("a\\", "b"), null)).isEqualTo("a\\\\|b");
    assertThat(composite.idOf(List.of("a", "\\b"), null)).isEqualTo("a|\\\\b");
    assertThat(composite.idOf(List.of("eu", "7"), null)).isEqualTo("eu|7");

    // Every pair of tricky values gives its own id.
    List<String> tricky = List.of("", "a", "|", "\\", "a|", "|a", "\\|", "|\\", "a\\", "\\\\");
    Set<String> ids = new HashSet<>();
    List<List<String>> pairs = new ArrayList<>();
    for (String x : tricky) {
      for (String y : tricky) {
        pairs.add(List.of(x, y));
      }
    }
    for (List<String> pair : pairs) {
      ids.add(composite.idOf(pair, null));
    }
    assertThat(ids).hasSize(pairs.size());

    assertThatThrownBy(() -> composite.idOf(Arrays.asList("eu", null), null))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("'id' is null");
    assertThatThrownBy(() -> IdStrategy.composite(List.of("one")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdStrategy.composite(List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeated");
  }

  @Test
  void generatedIdIsNullAndNotDeterministic() {
    assertThat(IdStrategy.generated().idOf(List.of(), utf8("{}"))).isNull();
    assertThat(IdStrategy.generated().deterministic()).isFalse();
  }

  @Test
  void descriptionsArePinnedBecauseManifestsRecordThem() {
    assertThat(IdStrategy.field("customer.id").describe()).isEqualTo("field:customer.id");
    assertThat(IdStrategy.composite(List.of("re|gion", "id")).describe())
        .isEqualTo("composite:re\\|gion|id");
    // A manifest written before encodings existed says content-sha256: that must stay hex.
    assertThat(IdStrategy.contentHash(HashEncoding.HEX).describe()).isEqualTo("content-sha256");
    assertThat(IdStrategy.contentHash(HashEncoding.BASE64URL).describe())
        .isEqualTo("content-sha256-base64url");
    assertThat(IdStrategy.contentHash(HashEncoding.BASE64URL_128).describe())
        .isEqualTo("content-sha256-128-base64url");
    assertThat(IdStrategy.generated().describe()).isEqualTo("auto");
  }

  @Test
  void strategiesSurviveJavaSerialisationToExecutors() throws Exception {
    for (IdStrategy s :
        List.of(
            IdStrategy.field("id"),
            IdStrategy.composite(List.of("a", "b")),
            IdStrategy.contentHash(),
            IdStrategy.generated())) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(s);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        IdStrategy back = (IdStrategy) in.readObject();
        assertThat(back).isEqualTo(s);
        assertThat(back.describe()).isEqualTo(s.describe());
      }
    }
  }

  @Test
  void optionsPickTheStrategyAndRefuseContradictions() {
    assertThat(IdStrategies.resolve(null, null, List.of())).isEqualTo(IdStrategy.contentHash());
    assertThat(IdStrategies.resolve(null, "id", List.of())).isEqualTo(IdStrategy.field("id"));
    assertThat(IdStrategies.resolve(null, null, List.of("a", " b")))
        .isEqualTo(IdStrategy.composite(List.of("a", "b")));
    assertThat(IdStrategies.resolve("FIELD", "id", null)).isEqualTo(IdStrategy.field("id"));
    assertThat(IdStrategies.resolve("composite", null, List.of("a", "b")))
        .isEqualTo(IdStrategy.composite(List.of("a", "b")));
    assertThat(IdStrategies.resolve("hash", null, List.of())).isEqualTo(IdStrategy.contentHash());
    assertThat(IdStrategies.resolve("auto", null, List.of())).isEqualTo(IdStrategy.generated());

    assertThatThrownBy(() -> IdStrategies.resolve("auto", "id", List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.id.strategy=auto")
        .hasMessageContaining("es.mapping.id");
    assertThatThrownBy(() -> IdStrategies.resolve("field", null, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs es.mapping.id");
    assertThatThrownBy(() -> IdStrategies.resolve("composite", null, List.of("a")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("two or more");
    assertThatThrownBy(() -> IdStrategies.resolve(null, "id", List.of("a", "b")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("both set");
    assertThatThrownBy(() -> IdStrategies.resolve("uuid", null, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'uuid'")
        .hasMessageContaining("field, composite, hash or auto")
        .extracting(e -> ((ConfigException) e).option())
        .isEqualTo("sluice.id.strategy");
  }
}
