package dev.sluice.core.config;

import static dev.sluice.core.config.ConfigKeys.INGEST_PIPELINE;
import static dev.sluice.core.config.ConfigKeys.MAPPING_JOIN;
import static dev.sluice.core.config.ConfigKeys.MAPPING_VERSION;
import static dev.sluice.core.config.ConfigKeys.MAPPING_VERSION_TYPE;
import static dev.sluice.core.config.ConfigKeys.UPDATE_RETRY_ON_CONFLICT;
import static dev.sluice.core.config.ConfigKeys.UPDATE_SCRIPT_INLINE;
import static dev.sluice.core.config.ConfigKeys.UPDATE_SCRIPT_LANG;
import static dev.sluice.core.config.ConfigKeys.UPDATE_SCRIPT_PARAMS;
import static dev.sluice.core.config.ConfigKeys.UPDATE_SCRIPT_PARAMS_JSON;
import static dev.sluice.core.config.ConfigKeys.UPDATE_SCRIPT_STORED;
import static dev.sluice.core.config.ConfigKeys.UPDATE_SCRIPT_UPSERT;
import static dev.sluice.core.config.ConfigKeys.WRITE_OPERATION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sluice.core.ConfigException;
import dev.sluice.core.OpType;
import java.util.Locale;

/**
 * Reads the options that change what each bulk action carries, and refuses, before any document is
 * sent, every combination Elasticsearch would refuse document by document (or that would silently
 * do nothing).
 */
public final class ActionOptionRules {
  /** Reads numbers as written: script params go to the cluster with their digits and zeros. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private ActionOptionRules() {}

  public static ActionOptions resolve(ResolvedOptions o) {
    OpType op = o.get(WRITE_OPERATION);
    boolean update = op == OpType.UPDATE || op == OpType.UPSERT;
    String opText = WRITE_OPERATION.name() + "=" + op.name().toLowerCase(Locale.ROOT);
    String pipeline = o.get(INGEST_PIPELINE);
    if (pipeline != null) {
      require(
          !pipeline.isBlank() && pipeline.chars().noneMatch(Character::isWhitespace),
          INGEST_PIPELINE,
          INGEST_PIPELINE.name() + " '" + pipeline + "' must not contain whitespace");
      require(
          !update,
          INGEST_PIPELINE,
          INGEST_PIPELINE.name()
              + " cannot be used with "
              + opText
              + ": Elasticsearch runs pipelines on index and create only");
    }
    String versionType = o.get(MAPPING_VERSION_TYPE);
    require(
        !"force".equals(versionType),
        MAPPING_VERSION_TYPE,
        MAPPING_VERSION_TYPE.name() + "=force: Elasticsearch no longer accepts version_type force");
    String version = o.get(MAPPING_VERSION);
    require(
        version == null || !update || "internal".equals(versionType),
        MAPPING_VERSION,
        MAPPING_VERSION.name()
            + " with "
            + opText
            + ": Elasticsearch's update API takes no external versions");
    int retryOnConflict = o.get(UPDATE_RETRY_ON_CONFLICT);
    return new ActionOptions(
        pipeline,
        version,
        versionType,
        o.get(MAPPING_JOIN),
        script(o, update, opText),
        update ? retryOnConflict : 0);
  }

  private static UpdateScript script(ResolvedOptions o, boolean update, String opText) {
    String inline = o.get(UPDATE_SCRIPT_INLINE);
    String stored = o.get(UPDATE_SCRIPT_STORED);
    if (inline == null && stored == null) {
      for (ConfigKey<?> needsScript :
          new ConfigKey<?>[] {
            UPDATE_SCRIPT_LANG, UPDATE_SCRIPT_PARAMS, UPDATE_SCRIPT_PARAMS_JSON
          }) {
        require(
            o.get(needsScript) == null,
            needsScript,
            needsScript.name()
                + " needs a script: set "
                + UPDATE_SCRIPT_INLINE.name()
                + " or "
                + UPDATE_SCRIPT_STORED.name());
      }
      require(
          !o.get(UPDATE_SCRIPT_UPSERT),
          UPDATE_SCRIPT_UPSERT,
          UPDATE_SCRIPT_UPSERT.name() + "=true needs a script");
      return null;
    }
    ConfigKey<String> given = inline != null ? UPDATE_SCRIPT_INLINE : UPDATE_SCRIPT_STORED;
    require(
        inline == null || stored == null,
        UPDATE_SCRIPT_STORED,
        "give "
            + UPDATE_SCRIPT_INLINE.name()
            + " or "
            + UPDATE_SCRIPT_STORED.name()
            + ", not both");
    require(
        update, given, given.name() + " needs es.write.operation=update or upsert, not " + opText);
    String params = o.get(UPDATE_SCRIPT_PARAMS);
    String paramsJson = o.get(UPDATE_SCRIPT_PARAMS_JSON);
    require(
        params == null || paramsJson == null,
        UPDATE_SCRIPT_PARAMS_JSON,
        "give "
            + UPDATE_SCRIPT_PARAMS.name()
            + " or "
            + UPDATE_SCRIPT_PARAMS_JSON.name()
            + ", not both");
    if (params != null) {
      ScriptParams.parse(params); // syntax now; the writer resolves the columns
    }
    boolean scriptedUpsert = o.get(UPDATE_SCRIPT_UPSERT);
    require(
        !scriptedUpsert || o.get(WRITE_OPERATION) == OpType.UPSERT,
        UPDATE_SCRIPT_UPSERT,
        UPDATE_SCRIPT_UPSERT.name() + "=true needs es.write.operation=upsert, not " + opText);
    return new UpdateScript(
        stored != null,
        stored != null ? stored : inline,
        o.get(UPDATE_SCRIPT_LANG),
        params,
        paramsJson == null ? null : jsonObject(paramsJson),
        scriptedUpsert);
  }

  /** The object, compact; throws naming the option when it is not one JSON object. */
  private static String jsonObject(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.isObject()) {
        return JSON.writeValueAsString(node);
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          UPDATE_SCRIPT_PARAMS_JSON.name(),
          UPDATE_SCRIPT_PARAMS_JSON.name() + " is not valid JSON: " + e.getOriginalMessage(),
          e);
    }
    throw new ConfigException(
        UPDATE_SCRIPT_PARAMS_JSON.name(),
        UPDATE_SCRIPT_PARAMS_JSON.name() + " must be one JSON object, like {\"n\":1}");
  }

  private static void require(boolean ok, ConfigKey<?> option, String message) {
    if (!ok) {
      throw new ConfigException(option.name(), message);
    }
  }
}
