package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.PROXY_HTTPS_HOST;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTPS_PASS;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTPS_PORT;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTPS_SYSTEM_PROPS;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTPS_USER;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTP_HOST;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTP_PASS;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTP_PORT;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTP_SYSTEM_PROPS;
import static dev.sluice.core.config.ConfigKeys.PROXY_HTTP_USER;

import dev.sluice.core.ConfigException;

/** Builds {@link ProxySettings} from {@code es.net.proxy.http(s).*}, checking the pairs. */
final class ProxyOptions {
  private ProxyOptions() {}

  static ProxySettings resolve(ResolvedOptions o) {
    return new ProxySettings(
        endpoint(o, PROXY_HTTP_HOST, PROXY_HTTP_PORT, PROXY_HTTP_USER, PROXY_HTTP_PASS),
        o.get(PROXY_HTTP_SYSTEM_PROPS),
        endpoint(o, PROXY_HTTPS_HOST, PROXY_HTTPS_PORT, PROXY_HTTPS_USER, PROXY_HTTPS_PASS),
        o.get(PROXY_HTTPS_SYSTEM_PROPS));
  }

  private static ProxySettings.Endpoint endpoint(
      ResolvedOptions o,
      ConfigKey<String> hostKey,
      ConfigKey<Integer> portKey,
      ConfigKey<String> userKey,
      ConfigKey<Secret> passKey) {
    String host = o.get(hostKey);
    String user = o.get(userKey);
    Secret password = o.get(passKey);
    for (ConfigKey<?> needsHost : new ConfigKey<?>[] {portKey, userKey, passKey}) {
      if (host == null && o.get(needsHost) != null) {
        throw new ConfigException(
            hostKey.name(), needsHost.name() + " is set but " + hostKey.name() + " is missing");
      }
    }
    ConnectionOptions.requireBoth("Proxy authentication", userKey, user, passKey, password);
    if (host == null) {
      return null;
    }
    Integer port = o.get(portKey);
    return new ProxySettings.Endpoint(host, port == null ? -1 : port, user, password);
  }
}
