package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.AUTHORIZATION_HEADER;
import static dev.sluice.core.config.ConfigKeys.HEADER_PREFIX;

import dev.sluice.core.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code es.net.http.header.<Name>=<value>}: extra headers for every request. A value may be
 * {@code env:NAME} or {@code file:/path}, as for secret options. Headers that Sluice sets itself
 * are refused, naming the option: the body's {@code Content-Type} and its framing, {@code Accept}
 * (elasticsearch-hadoop refuses those two as well), and {@code Proxy-Authorization}, which comes
 * from {@code es.net.proxy.*.user}. {@code Authorization} is {@link
 * ConfigKeys#AUTHORIZATION_HEADER}, one of the credential options.
 */
final class HeaderOptions {
  private static final Map<String, String> RESERVED =
      Map.of(
          "content-type", "Sluice sends JSON and NDJSON bodies with their own Content-Type",
          "accept", "Sluice reads JSON answers only",
          "content-length", "the HTTP client frames every body itself",
          "transfer-encoding", "the HTTP client frames every body itself",
          "content-encoding", "request compression is " + ConfigKeys.HTTP_COMPRESSION.name(),
          "host", "the HTTP client names the node it connects to",
          "proxy-authorization", "proxy credentials are es.net.proxy.http.user / .pass");

  private HeaderOptions() {}

  static List<HttpHeader> resolve(ResolvedOptions o) {
    List<HttpHeader> headers = new ArrayList<>();
    o.family(HEADER_PREFIX)
        .forEach(
            (option, raw) -> {
              String name = option.substring(HEADER_PREFIX.length()).trim();
              if (option.equals(AUTHORIZATION_HEADER.name())) {
                return; // a credential option, resolved with the others
              }
              if (name.isEmpty() || !name.chars().allMatch(HeaderOptions::tokenChar)) {
                throw new ConfigException(
                    option, "Option " + option + " does not end in a valid HTTP header name");
              }
              String reason = RESERVED.get(name);
              if (reason != null) {
                throw new ConfigException(
                    option,
                    "Option " + option + " sets a header Sluice sets itself (" + reason + ")");
              }
              String value = o.secrets().resolve(option, raw).strip();
              if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new ConfigException(
                    option, "The value of option " + option + " must be one line");
              }
              headers.add(new HttpHeader(name, Secret.of(value)));
            });
    return List.copyOf(headers);
  }

  /** RFC 9110 token characters: what a header name may hold. */
  private static boolean tokenChar(int c) {
    return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
