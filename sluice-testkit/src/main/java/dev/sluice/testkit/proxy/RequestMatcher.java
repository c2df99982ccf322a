package dev.sluice.testkit.proxy;

import java.util.Objects;
import java.util.regex.Pattern;

/** Selects the requests that the proxy's {@link FaultPlan} applies to; all others pass. */
@FunctionalInterface
public interface RequestMatcher {

  /**
   * @param method the HTTP method, upper case
   * @param path the request path without the query string, e.g. {@code /logs/_bulk}
   */
  boolean matches(String method, String path);

  /** POST (or PUT) to {@code /_bulk} or {@code /{index}/_bulk}: the default. */
  static RequestMatcher bulk() {
    return (method, path) ->
        ("POST".equals(method) || "PUT".equals(method)) && path.endsWith("/_bulk");
  }

  /** Every request. */
  static RequestMatcher any() {
    return (method, path) -> true;
  }

  /** Requests with this method whose path matches {@code pathRegex} entirely. */
  static RequestMatcher of(String method, String pathRegex) {
    Objects.requireNonNull(method, "method");
    Pattern pattern = Pattern.compile(pathRegex);
    return (m, path) -> method.equalsIgnoreCase(m) && pattern.matcher(path).matches();
  }
}
