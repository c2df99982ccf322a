package dev.sluice.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HashEncodingTest {
  record Case(HashEncoding encoding, String body, String id, String description) {}

  /** SHA-256("abc") is FIPS 180-2's vector; the base64url forms were computed independently. */
  static Stream<Case> cases() {
    String cafe = "{\"id\":7,\"name\":\"café\"}";
    return Stream.of(
        new Case(
            HashEncoding.HEX,
            "abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "content-sha256"),
        new Case(
            HashEncoding.BASE64URL,
            "abc",
            "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
            "content-sha256-base64url"),
        new Case(
            HashEncoding.BASE64URL_128,
            "abc",
            "ungWv48Bz-pBQUDeXa4iIw",
            "content-sha256-128-base64url"),
        new Case(
            HashEncoding.HEX,
            cafe,
            "6fcf04f3c267e44154b88d1b4001384e4ef0528cb5357c3c710dd1539f842aaf",
            "content-sha256"),
        new Case(
            HashEncoding.BASE64URL,
            cafe,
            "b88E88Jn5EFUuI0bQAE4Tk7wUoy1NXw8cQ3RU5-EKq8",
            "content-sha256-base64url"),
        new Case(
            HashEncoding.BASE64URL_128,
            cafe,
            "b88E88Jn5EFUuI0bQAE4Tg",
            "content-sha256-128-base64url"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void encodesTheDigestOfTheBodyBytes(Case c) {
    IdStrategy ids = IdStrategy.contentHash(c.encoding());
    assertThat(ids.idOf(List.of(), c.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(c.id());
    assertThat(ids.describe()).isEqualTo(c.description());
    assertThat(HashEncoding.fromDescription(c.description())).isEqualTo(c.encoding());
    assertThat(HashEncoding.fromOption(" " + c.encoding().optionValue().toUpperCase() + " "))
        .isEqualTo(c.encoding());
    assertThat(ids.mergesIdenticalDocuments()).isTrue();
  }

  @Test
  void recognisesTheHashOfABodyInEveryEncodingAndNothingElse() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] other = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
    for (HashEncoding strategy : HashEncoding.values()) {
      IdStrategy ids = IdStrategy.contentHash(strategy);
      for (HashEncoding written : HashEncoding.values()) {
        String id = IdStrategy.contentHash(written).idOf(List.of(), body);
        assertThat(ids.isContentHashOf(id, body)).as(strategy + " reads " + written).isTrue();
        assertThat(ids.isContentHashOf(id, other)).as(strategy + " on another body").isFalse();
      }
      assertThat(ids.isContentHashOf("order-17", body)).isFalse();
      assertThat(ids.isContentHashOf(null, body)).isFalse();
      assertThat(ids.isContentHashOf("order-17", null)).isFalse();
    }
    String hash = IdStrategy.contentHash().idOf(List.of(), body);
    assertThat(IdStrategy.field("id").isContentHashOf(hash, body)).isFalse();
    assertThat(IdStrategy.generated().isContentHashOf(hash, body)).isFalse();
  }

  /** Every byte value in every place: the text is the JDK's hex and unpadded base64url. */
  @Test
  void writesTheDigestsTextAsTheJdkEncodersDo() {
    Random random = new Random(15);
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    byte[] buffer = new byte[HashEncoding.BUFFER_BYTES];
    for (int n = 0; n < 2_000; n++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      if (n < 256) { // each byte value at least once, in each position of a 3-byte group
        Arrays.fill(digest, (byte) n);
      }
      System.arraycopy(digest, 0, buffer, HashEncoding.DIGEST_AT, 32);
      assertThat(HashEncoding.HEX.encode(buffer)).isEqualTo(HexFormat.of().formatHex(digest));
      System.arraycopy(digest, 0, buffer, HashEncoding.DIGEST_AT, 32);
      assertThat(HashEncoding.BASE64URL.encode(buffer)).isEqualTo(base64url.encodeToString(digest));
      System.arraycopy(digest, 0, buffer, HashEncoding.DIGEST_AT, 32);
      assertThat(HashEncoding.BASE64URL_128.encode(buffer))
          .isEqualTo(base64url.encodeToString(Arrays.copyOf(digest, 16)));
    }
  }

  @Test
  void theDefaultIsTheMeasuredEncodingAndOtherStrategiesMergeNothing() {
    assertThat(IdStrategy.contentHash()).isEqualTo(IdStrategy.contentHash(HashEncoding.DEFAULT));
    assertThat(IdStrategies.resolve(null, null, List.of(), null))
        .isEqualTo(IdStrategy.contentHash(HashEncoding.DEFAULT));
    assertThat(HashEncoding.fromDescription("field:id")).isNull();
    assertThat(IdStrategy.field("id").mergesIdenticalDocuments()).isFalse();
    assertThat(IdStrategy.composite(List.of("a", "b")).mergesIdenticalDocuments()).isFalse();
    assertThat(IdStrategy.generated().mergesIdenticalDocuments()).isFalse();
  }

  @Test
  void theEncodingOptionChoosesTheEncodingOfHashIdsOnly() {
    assertThat(IdStrategies.resolve(null, null, List.of(), "hex"))
        .isEqualTo(IdStrategy.contentHash(HashEncoding.HEX));
    assertThat(IdStrategies.resolve("hash", null, List.of(), "base64url-128"))
        .isEqualTo(IdStrategy.contentHash(HashEncoding.BASE64URL_128));
    assertThatThrownBy(() -> IdStrategies.resolve(null, "order_id", List.of(), "hex"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.id.hash.encoding=hex")
        .hasMessageContaining("field:order_id");
    assertThatThrownBy(() -> IdStrategies.resolve("auto", null, List.of(), "hex"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto");
    assertThatThrownBy(() -> IdStrategies.resolve(null, null, List.of(), "base32"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.id.hash.encoding")
        .hasMessageContaining("base32");
  }
}
