package dev.sluice.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.ConfigException;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.config.ActionOptions;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.UpdateScript;
import dev.sluice.core.transport.HttpResult;
import dev.sluice.core.transport.RestClientTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before any task starts, the driver asks the cluster whether it can do what every document will
 * ask of it: the ingest pipeline exists ({@code GET /_ingest/pipeline/<name>}), the stored script
 * exists ({@code GET /_scripts/<id>}), an inline script's language runs inline scripts ({@code GET
 * /_script_language}). Otherwise each document would be refused on its own, and a small job whose
 * every document is refused would stay under the dead-letter ratio's minimum and "succeed". A check
 * the cluster does not let this user make is a warning: the documents then tell.
 */
final class ScriptAndPipelineCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptAndPipelineCheck.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_LANG = "painless";

  private ScriptAndPipelineCheck() {}

  static void run(SluiceConfig config) {
    ActionOptions actions = config.write().actions();
    UpdateScript script = actions.script();
    if (actions.pipeline() == null && script == null) {
      return;
    }
    try (RestClientTransport transport = RestClientTransport.create(config.connection())) {
      String cluster = transport.describe();
      if (actions.pipeline() != null) {
        String name = actions.pipeline();
        pipeline(name, transport.request("GET", "/_ingest/pipeline/" + encode(name)), cluster);
      }
      if (script != null && script.stored()) {
        storedScript(script.code(), transport.request("GET", "/_scripts/" + encode(script.code())));
      } else if (script != null) {
        inlineScript(script.lang(), transport.request("GET", "/_script_language"), cluster);
      }
    }
  }

  static void pipeline(String name, HttpResult result, String cluster) {
    String option = ConfigKeys.INGEST_PIPELINE.name();
    if (result.error() == null && result.status() == 404) {
      throw new ConfigException(
          option,
          String.format(
              "Ingest pipeline '%s' (%s) does not exist on %s: Elasticsearch would refuse every"
                  + " document. Create it, or leave out %s",
              name, option, cluster, option));
    }
    warnUnlessOk(result, "ingest pipeline '" + name + "'");
  }

  static void storedScript(String id, HttpResult result) {
    String option = ConfigKeys.UPDATE_SCRIPT_STORED.name();
    boolean missing = result.error() == null && result.status() == 404;
    if (!missing && result.error() == null && result.status() == 200) {
      JsonNode found = tree(result.body());
      missing = found != null && found.path("found").isBoolean() && !found.get("found").asBoolean();
    }
    if (missing) {
      throw new ConfigException(
          option,
          String.format(
              "Stored script '%s' (%s) does not exist: Elasticsearch would refuse every update."
                  + " Store it (PUT _scripts/%s), or give the source in %s",
              id, option, id, ConfigKeys.UPDATE_SCRIPT_INLINE.name()));
    }
    warnUnlessOk(result, "stored script '" + id + "'");
  }

  static void inlineScript(String lang, HttpResult result, String cluster) {
    String language = lang == null ? DEFAULT_LANG : lang;
    JsonNode answer = result.error() == null && result.status() == 200 ? tree(result.body()) : null;
    if (answer == null) {
      warnUnlessOk(result, "the languages of inline scripts");
      return;
    }
    List<String> languages = new ArrayList<>();
    answer.path("language_contexts").forEach(l -> languages.add(l.path("language").asText()));
    List<String> types = new ArrayList<>();
    answer.path("types_allowed").forEach(t -> types.add(t.asText()));
    String option =
        lang == null
            ? ConfigKeys.UPDATE_SCRIPT_INLINE.name()
            : ConfigKeys.UPDATE_SCRIPT_LANG.name();
    if (!languages.contains(language) || !types.contains("inline")) {
      throw new ConfigException(
          option,
          String.format(
              "%s cannot run inline %s scripts (languages %s, script types %s): Elasticsearch"
                  + " would refuse every update. Install the language module or enable inline"
                  + " scripts (script.allowed_types), or use another %s",
              cluster, language, languages, types, ConfigKeys.UPDATE_SCRIPT_LANG.name()));
    }
  }

  private static void warnUnlessOk(HttpResult result, String what) {
    if (result.error() != null) {
      LOG.warn("Could not check {} before the load: {}", what, result.error().toString());
    } else if (result.status() / 100 != 2) {
      LOG.warn(
          "Could not check {} before the load (HTTP {}); documents will be refused one by one if"
              + " it is missing",
          what,
          result.status());
    }
  }

  private static JsonNode tree(byte[] body) {
    try {
      return body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }
}
