package dev.sluice.cli;

import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.SecretResolver;
import dev.sluice.core.config.UrlCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One load as {@code sluice load} was asked for it, recorded in its run directory so that {@code
 * sluice resume} runs it again exactly. Secrets are recorded only as their {@code env:}/{@code
 * file:} references ({@link #refuseLiteralSecrets}).
 *
 * @param inputs files, directories or globs, local paths made absolute
 * @param format json, csv, parquet or orc
 * @param schema a DDL schema for the reader, or null to infer it
 * @param nodes Elasticsearch URLs
 * @param idField the id column, or null
 * @param checkpoint the checkpoint location
 * @param deadLetters the dead-letter location
 * @param report the JSON report's location
 * @param readOptions Spark reader options
 * @param options connector options given with {@code -o}; they win over the rest
 * @param master the Spark master
 */
record LoadSettings(
    List<String> inputs,
    String format,
    String index,
    String schema,
    List<String> nodes,
    String idField,
    String checkpoint,
    String deadLetters,
    String report,
    Map<String, String> readOptions,
    Map<String, String> options,
    String master) {

  LoadSettings {
    inputs = List.copyOf(inputs);
    nodes = List.copyOf(nodes);
    readOptions = Map.copyOf(readOptions);
    options = Map.copyOf(options);
  }

  /** The same load with {@code overrides} put over its connector options (a resume's fix). */
  LoadSettings withOptions(Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.putAll(overrides);
    return new LoadSettings(
        inputs,
        format,
        index,
        schema,
        nodes,
        idField,
        checkpoint,
        deadLetters,
        report,
        readOptions,
        all,
        master);
  }

  /** The connector options this load stands for; {@code -o} options win. */
  Map<String, String> connectorOptions() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(ConfigKeys.NODES.name(), String.join(",", nodes));
    all.put(ConfigKeys.RESOURCE.name(), index);
    if (idField != null) {
      all.put(ConfigKeys.MAPPING_ID.name(), idField);
    }
    all.put(ConfigKeys.DEADLETTER_PATH.name(), deadLetters);
    all.put(ConfigKeys.CHECKPOINT_PATH.name(), checkpoint);
    // Names the input in the checkpoint, so resuming it with other files is refused.
    all.put(ConfigKeys.CHECKPOINT_INPUT.name(), format + ":" + String.join(",", inputs));
    all.put(ConfigKeys.REPORT_PATH.name(), report);
    all.putAll(options);
    return all;
  }

  /**
   * Refuses to record a secret: a secret option must be an {@code env:} or {@code file:} reference,
   * and a URL must not carry user info.
   */
  void refuseLiteralSecrets() {
    for (Map.Entry<String, String> option : options.entrySet()) {
      ConfigKey<?> key = ConfigKeys.BY_NAME.get(option.getKey().toLowerCase(Locale.ROOT));
      String value = option.getValue().trim();
      if (key != null
          && key.secret()
          && !value.startsWith(SecretResolver.ENV_PREFIX)
          && !value.startsWith(SecretResolver.FILE_PREFIX)) {
        throw new UsageException(
            "Option "
                + key.name()
                + " holds a secret, which the run directory must not record: give it as"
                + " env:VARIABLE (e.g. -o "
                + key.name()
                + "=env:ES_PASSWORD) or file:/path.");
      }
    }
    for (String node : nodes) {
      if (!node.equals(UrlCredentials.redact(node))) {
        throw new UsageException(
            "--es "
                + UrlCredentials.redact(node)
                + " carries credentials, which the run directory must not record: give -o "
                + ConfigKeys.AUTH_USER.name()
                + "=USER -o "
                + ConfigKeys.AUTH_PASS.name()
                + "=env:ES_PASSWORD instead.");
      }
    }
  }
}
