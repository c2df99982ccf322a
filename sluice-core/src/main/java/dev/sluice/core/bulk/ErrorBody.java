package dev.sluice.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The error of a whole-request failure: {@code {"error":{"type":..,"reason":..},"status":..}}. */
record ErrorBody(String type, String reason) {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_REASON = 500;

  static ErrorBody parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new ErrorBody(null, null);
    }
    try {
      JsonNode error = MAPPER.readTree(body).path("error");
      if (error.isTextual()) {
        return new ErrorBody(null, shorten(error.asText()));
      }
      String type = error.path("type").isTextual() ? error.path("type").asText() : null;
      String reason = error.path("reason").isTextual() ? error.path("reason").asText() : null;
      return new ErrorBody(type, shorten(reason));
    } catch (IOException e) {
      // Not JSON (a proxy's HTML page): keep the start for the message.
      return new ErrorBody(null, shorten(new String(body, StandardCharsets.UTF_8)));
    }
  }

  private static String shorten(String text) {
    return text == null || text.length() <= MAX_REASON
        ? text
        : text.substring(0, MAX_REASON) + "...";
  }
}
