package dev.sluice.core.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Elasticsearch API keys come in two forms: the "encoded" one (base64 of {@code id:key}, what
 * Kibana and Elastic Cloud show) and the raw {@code id:key} pair (what the create API returns as
 * two fields). The header wants the encoded form.
 */
public final class ApiKey {
  private ApiKey() {}

  /**
   * The encoded form of a key given in either form.
   *
   * @throws IllegalArgumentException when a raw pair lacks its id or its key (the message never
   *     shows the key)
   */
  public static Secret encoded(Secret given) {
    String value = given.reveal();
    int colon = value.indexOf(':');
    if (colon < 0) {
      return given;
    }
    if (colon == 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "an API key given as id:key needs both the id and the key");
    }
    return Secret.of(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The id part of an encoded key (not secret: Elasticsearch shows it in its APIs), or null. */
  public static String id(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon > 0 ? pair.substring(0, colon) : null;
    } catch (IllegalArgumentException e) {
      return null; // not base64: an opaque key we pass on as given
    }
  }
}
