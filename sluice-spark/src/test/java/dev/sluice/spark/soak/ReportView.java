package dev.sluice.spark.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run report read leniently: fields are found by name anywhere in the document (ignoring case,
 * '_' and '-'), outside the echoed options, so that a change of layout does not break the soak. All
 * knowledge of the report's schema is in this class.
 */
final class ReportView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_SEARCHED = Set.of("options", "config");

  /** Names a report might give to how the run ended. */
  private static final Set<String> ENDING_NAMES =
      Set.of("outcome", "ended", "ending", "end", "status", "state", "result", "howended");

  private final JsonNode root;

  private ReportView(JsonNode root) {
    this.root = root;
  }

  static Optional<ReportView> read(Path report) throws IOException {
    if (!report.toFile().isFile()) {
      return Optional.empty();
    }
    return Optional.of(new ReportView(JSON.readTree(report.toFile())));
  }

  Optional<Boolean> reconciles() {
    return find(root, "reconciles").filter(JsonNode::isBoolean).map(JsonNode::booleanValue);
  }

  /** A counter such as {@code read}, {@code indexed}, {@code dead_lettered}. */
  Optional<Long> counter(String name) {
    return find(root, normalise(name)).filter(JsonNode::isNumber).map(JsonNode::longValue);
  }

  /** How the run ended, e.g. {@code finished}, if the report says it. */
  Optional<String> ending() {
    for (String name : ENDING_NAMES) {
      Optional<String> value = find(root, name).filter(JsonNode::isTextual).map(JsonNode::asText);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> find(JsonNode node, String normalisedName) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (normalise(field.getKey()).equals(normalisedName)) {
        return Optional.of(field.getValue());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!NOT_SEARCHED.contains(normalise(field.getKey()))) {
        Optional<JsonNode> inside = find(field.getValue(), normalisedName);
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
