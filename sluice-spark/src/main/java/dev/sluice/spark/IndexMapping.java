package dev.sluice.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.ClusterFatalException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the target index already maps, read once on the driver before any task ({@code GET
 * /<index>/_mapping}): which fields exist, with their type and date format, so rows are written as
 * the index expects, and the mapping's tree for a SQL table's schema. A missing index has an empty
 * mapping. When the name is an alias or a pattern over several indices, their mappings are merged,
 * the first index seen winning a field mapped twice.
 */
final class IndexMapping implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One mapped field, by its dotted path ({@code a.b.c}); {@code format} is null unless set. */
  record Field(String path, String type, String format) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final boolean exists;
  private final Map<String, Field> fields;
  private final String properties;

  private IndexMapping(boolean exists, Map<String, Field> fields, String properties) {
    this.exists = exists;
    this.fields = Collections.unmodifiableMap(fields);
    this.properties = properties;
  }

  /** The mapping of an index that does not exist (yet). */
  static IndexMapping missing() {
    return new IndexMapping(false, Map.of(), "{}");
  }

  /** Reads the mapping of {@code config}'s target index through the load's own connection. */
  static IndexMapping read(SluiceConfig config, String index) {
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      HttpResult result =
          transport.request(
              "GET", "/" + URLEncoder.encode(index, StandardCharsets.UTF_8) + "/_mapping");
      if (result.error() != null) {
        throw new ClusterFatalException(
            "Cannot read the mapping of index '"
                + index
                + "' on "
                + transport.describe()
                + ": "
                + result.error().getMessage(),
            result.error());
      }
      if (result.status() == 404) {
        return missing();
      }
      if (result.status() != 200) {
        throw new ClusterFatalException(
            "Cannot read the mapping of index '"
                + index
                + "' on "
                + transport.describe()
                + ": HTTP "
                + result.status()
                + " (the load needs view_index_metadata on it)");
      }
      return parse(result.body());
    }
  }

  /** The body of a {@code GET /<index>/_mapping} answer: {@code {"<index>":{"mappings":{…}}}}. */
  static IndexMapping parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable mapping answer: " + e.getMessage(), e);
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (JsonNode index : root) {
      JsonNode properties = index.path("mappings").path("properties");
      mergeInto(merged, properties);
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    flatten("", merged, fields);
    return new IndexMapping(root.size() > 0, fields, merged.toString());
  }

  /** Whether the index (or at least one index the name stands for) exists. */
  boolean exists() {
    return exists;
  }

  /** The field at a dotted path, when the index maps it. */
  Optional<Field> field(String path) {
    return Optional.ofNullable(fields.get(path));
  }

  /** Every mapped field (objects too, typed {@code object} or {@code nested}), by dotted path. */
  Map<String, Field> fields() {
    return fields;
  }

  /** The merged {@code properties} tree, for turning the mapping into a schema. */
  JsonNode properties() {
    try {
      return JSON.readTree(properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mergeInto(ObjectNode into, JsonNode properties) {
    Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode existing = into.get(entry.getKey());
      if (existing == null) {
        into.set(entry.getKey(), entry.getValue().deepCopy());
      } else if (existing.has("properties") && entry.getValue().has("properties")) {
        mergeInto((ObjectNode) existing.get("properties"), entry.getValue().get("properties"));
      }
    }
  }

  private static void flatten(String prefix, JsonNode properties, Map<String, Field> into) {
    Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = prefix + entry.getKey();
      JsonNode mapping = entry.getValue();
      String type = mapping.path("type").asText("object");
      String format = mapping.has("format") ? mapping.get("format").asText() : null;
      into.put(path, new Field(path, type, format));
      if (mapping.has("properties")) {
        flatten(path + ".", mapping.get("properties"), into);
      }
    }
  }
}
