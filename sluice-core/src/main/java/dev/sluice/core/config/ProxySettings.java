package dev.sluice.core.config;

import java.io.Serializable;
import java.util.function.UnaryOperator;

/**
 * The forward proxies to reach the nodes through: one for http nodes, one for https nodes (a
 * CONNECT tunnel), each given as options or taken from the JVM's {@code http(s).proxyHost}
 * properties. The properties are read where the connection is made (on Spark, the executor), as
 * elasticsearch-hadoop reads them.
 *
 * @param http null when none is given
 * @param https null when none is given
 */
public record ProxySettings(
    Endpoint http, boolean httpFromSystem, Endpoint https, boolean httpsFromSystem)
    implements Serializable {

  public static final ProxySettings NONE = new ProxySettings(null, false, null, false);

  /**
   * One proxy.
   *
   * @param port -1 for the scheme's default
   * @param user null for no proxy authentication
   */
  public record Endpoint(String host, int port, String user, Secret password)
      implements Serializable {
    @Override
    public String toString() {
      return (user == null ? "" : user + "@") + host + (port < 0 ? "" : ":" + port);
    }
  }

  /**
   * The proxy for a node of this scheme, or null for a direct connection.
   *
   * @param systemProperties the JVM's properties ({@code System::getProperty}); tests inject them
   */
  public Endpoint forScheme(String scheme, UnaryOperator<String> systemProperties) {
    boolean tls = "https".equals(scheme);
    Endpoint given = tls ? https : http;
    if (given != null) {
      return given;
    }
    if (!(tls ? httpsFromSystem : httpFromSystem)) {
      return null;
    }
    String host = systemProperties.apply(scheme + ".proxyHost");
    if (host == null || host.isBlank()) {
      return null;
    }
    String port = systemProperties.apply(scheme + ".proxyPort");
    return new Endpoint(host.trim(), port == null ? -1 : parsePort(port), null, null);
  }

  private static int parsePort(String port) {
    try {
      return Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      return -1; // the JVM itself ignores a bad proxyPort the same way
    }
  }
}
