package dev.sluice.core.transport;

import dev.sluice.core.config.ApiKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.ConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The {@code Authorization} header to send, and who it says we are in words safe to print: "user
 * 'bob'", "API key 'VuaCfGcBCdbkQm-e5aOx'" (the id only), "bearer token" — never a secret.
 *
 * <p>Basic credentials are sent with the first request rather than after a 401 challenge, so a
 * large bulk body is never sent twice just to learn that a password is needed.
 *
 * @param header null when no credentials are configured
 */
record Authorization(String header, String principal) {
  static final Authorization NONE = new Authorization(null, "no credentials");

  static Authorization of(ConnectionSettings s) {
    if (s.user() != null) {
      return basic(s.user(), s.password().reveal());
    }
    if (s.apiKey() != null) {
      String encoded = s.apiKey().reveal();
      return new Authorization("ApiKey " + encoded, apiKeyPrincipal(encoded));
    }
    if (s.bearer() != null) {
      return new Authorization("Bearer " + s.bearer().reveal(), "bearer token");
    }
    if (s.authorizationHeader() != null) {
      return fromHeader(s.authorizationHeader().reveal().trim());
    }
    return NONE;
  }

  /** es.net.http.header.authorization, sent as given; the principal is read from it if we can. */
  private static Authorization fromHeader(String header) {
    int space = header.indexOf(' ');
    String scheme = space < 0 ? "" : header.substring(0, space).toLowerCase(Locale.ROOT);
    String credentials = space < 0 ? "" : header.substring(space + 1).trim();
    String principal =
        switch (scheme) {
          case "apikey" -> apiKeyPrincipal(credentials);
          case "bearer" -> "bearer token";
          case "basic" -> basicPrincipal(credentials);
          default -> "the credentials in " + ConfigKeys.AUTHORIZATION_HEADER.name();
        };
    return new Authorization(header, principal);
  }

  private static Authorization basic(String user, String password) {
    String pair = user + ":" + password;
    return new Authorization(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
        "user '" + user + "'");
  }

  private static String apiKeyPrincipal(String encoded) {
    String id = ApiKey.id(encoded);
    return id == null ? "an API key" : "API key '" + id + "'";
  }

  private static String basicPrincipal(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon > 0 ? "user '" + pair.substring(0, colon) + "'" : "basic credentials";
    } catch (IllegalArgumentException e) {
      return "basic credentials";
    }
  }

  @Override
  public String toString() {
    return "Authorization[" + principal + "]";
  }
}
