package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.API_KEY;
import static dev.sluice.core.config.ConfigKeys.AUTHORIZATION_HEADER;
import static dev.sluice.core.config.ConfigKeys.AUTH_PASS;
import static dev.sluice.core.config.ConfigKeys.AUTH_USER;
import static dev.sluice.core.config.ConfigKeys.BEARER;
import static dev.sluice.core.config.ConfigKeys.CONNECT_TIMEOUT;
import static dev.sluice.core.config.ConfigKeys.HTTP_COMPRESSION;
import static dev.sluice.core.config.ConfigKeys.HTTP_TIMEOUT;
import static dev.sluice.core.config.ConfigKeys.KEYSTORE_LOCATION;
import static dev.sluice.core.config.ConfigKeys.KEYSTORE_PASS;
import static dev.sluice.core.config.ConfigKeys.KEYSTORE_TYPE;
import static dev.sluice.core.config.ConfigKeys.NODES;
import static dev.sluice.core.config.ConfigKeys.NODES_PATH_PREFIX;
import static dev.sluice.core.config.ConfigKeys.PORT;
import static dev.sluice.core.config.ConfigKeys.REQUEST_TIMEOUT;
import static dev.sluice.core.config.ConfigKeys.SSL;
import static dev.sluice.core.config.ConfigKeys.SSL_ALLOW_SELF_SIGNED;
import static dev.sluice.core.config.ConfigKeys.SSL_CA_PEM;
import static dev.sluice.core.config.ConfigKeys.SSL_VERIFY_HOSTNAME;
import static dev.sluice.core.config.ConfigKeys.TRUSTSTORE_LOCATION;
import static dev.sluice.core.config.ConfigKeys.TRUSTSTORE_PASS;
import static dev.sluice.core.config.ConfigKeys.TRUSTSTORE_TYPE;

import dev.sluice.core.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds {@link ConnectionSettings} from the options, checking the rules between them. */
public final class ConnectionOptions {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionOptions.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private ConnectionOptions() {}

  public static ConnectionSettings resolve(ResolvedOptions o) {
    NodeAddressParser.Parsed nodes =
        NodeAddressParser.parse(NODES, o.get(NODES), o.get(PORT), o.get(SSL));
    String user = o.get(AUTH_USER);
    Secret password = o.get(AUTH_PASS);
    requireBoth("Basic auth", AUTH_USER, user, AUTH_PASS, password);
    if (nodes.user() != null) {
      if (user != null) {
        throw new ConfigException(
            AUTH_USER.name(),
            "Credentials are given twice: as user info in "
                + NODES.name()
                + " and as "
                + AUTH_USER.name()
                + "; give one of them");
      }
      user = nodes.user();
      password = nodes.password();
    }
    checkOneScheme(user, o);
    return new ConnectionSettings(
        nodes.nodes(),
        user,
        password,
        o.get(AUTHORIZATION_HEADER),
        apiKey(o.get(API_KEY)),
        o.get(BEARER),
        tls(o),
        timeout(o, REQUEST_TIMEOUT),
        timeout(o, CONNECT_TIMEOUT),
        o.get(HTTP_COMPRESSION),
        o.get(NODES_PATH_PREFIX),
        HeaderOptions.resolve(o),
        ProxyOptions.resolve(o));
  }

  /**
   * Sluice's own timeout when given, else es.http.timeout when given (elasticsearch-hadoop uses it
   * for connecting and for each request), else Sluice's default. Both given: Sluice's wins, said
   * once per JVM.
   */
  private static Duration timeout(ResolvedOptions o, ConfigKey<Duration> own) {
    if (!o.given(HTTP_TIMEOUT)) {
      return o.get(own);
    }
    if (!o.given(own)) {
      o.showEffective(own, o.givenOptions().get(HTTP_TIMEOUT.name()).trim());
      return o.get(HTTP_TIMEOUT);
    }
    if (!o.get(own).equals(o.get(HTTP_TIMEOUT)) && WARNED.add(own.name())) {
      LOG.warn(
          "Both {}={} and {}={} are given; {} applies",
          own.name(),
          o.get(own),
          HTTP_TIMEOUT.name(),
          o.get(HTTP_TIMEOUT),
          own.name());
    }
    return o.get(own);
  }

  /** A user and its password come together: one without the other is an error naming it. */
  static void requireBoth(
      String what, ConfigKey<?> userKey, Object user, ConfigKey<?> passKey, Object password) {
    if ((user == null) != (password == null)) {
      ConfigKey<?> missing = user == null ? userKey : passKey;
      throw new ConfigException(
          missing.name(),
          what
              + " needs both "
              + userKey.name()
              + " and "
              + passKey.name()
              + "; "
              + missing.name()
              + " is missing");
    }
  }

  private static void checkOneScheme(String user, ResolvedOptions o) {
    long schemes =
        Stream.of(user, o.get(AUTHORIZATION_HEADER), o.get(API_KEY), o.get(BEARER))
            .filter(credential -> credential != null)
            .count();
    if (schemes > 1) {
      throw new ConfigException(
          API_KEY.name(),
          "Give only one of "
              + String.join(
                  ", ",
                  List.of(
                      AUTH_USER.name() + "/pass (or user info in " + NODES.name() + ")",
                      AUTHORIZATION_HEADER.name(),
                      API_KEY.name(),
                      BEARER.name())));
    }
  }

  private static Secret apiKey(Secret given) {
    try {
      return given == null ? null : ApiKey.encoded(given);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          API_KEY.name(), "Invalid value for option " + API_KEY.name() + ": " + e.getMessage());
    }
  }

  private static TlsSettings tls(ResolvedOptions o) {
    requireWith(KEYSTORE_PASS, KEYSTORE_LOCATION, o);
    requireWith(TRUSTSTORE_PASS, TRUSTSTORE_LOCATION, o);
    return new TlsSettings(
        o.get(SSL_CA_PEM),
        o.get(TRUSTSTORE_LOCATION),
        o.get(TRUSTSTORE_PASS),
        o.get(TRUSTSTORE_TYPE),
        o.get(KEYSTORE_LOCATION),
        o.get(KEYSTORE_PASS),
        o.get(KEYSTORE_TYPE),
        o.get(SSL_ALLOW_SELF_SIGNED),
        o.get(SSL_VERIFY_HOSTNAME));
  }

  private static void requireWith(ConfigKey<?> given, ConfigKey<?> needed, ResolvedOptions o) {
    if (o.get(given) != null && o.get(needed) == null) {
      throw new ConfigException(
          needed.name(), given.name() + " is set but " + needed.name() + " is missing");
    }
  }
}
