package dev.sluice.testkit.proxy;

import java.util.List;
import java.util.Map;

/** The upstream's answer, body read in full. */
record UpstreamResponse(int status, Map<String, List<String>> headers, byte[] body) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
