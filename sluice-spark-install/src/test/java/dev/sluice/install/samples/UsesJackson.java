package dev.sluice.install.samples;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Bytes for {@code JarAuditTest}: a class that uses Jackson under its own, unrelocated name. */
public final class UsesJackson {
  private UsesJackson() {}

  public static String write(ObjectMapper mapper, Object value) throws Exception {
    return mapper.writeValueAsString(value);
  }
}
