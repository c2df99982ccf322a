package dev.sluice.core.id;

import dev.sluice.core.ConfigException;
import dev.sluice.core.OpType;
import dev.sluice.core.config.ConfigKeys;
import java.util.List;
import java.util.Locale;

/**
 * Picks the strategy from the options {@code sluice.id.strategy}, {@code es.mapping.id} and {@code
 * sluice.id.fields}. Unset strategy: the id field when one is given, else the content hash, so the
 * default load is idempotent.
 */
public final class IdStrategies {
  private static final String STRATEGY_OPTION = ConfigKeys.ID_STRATEGY.name();
  private static final String MAPPING_ID_OPTION = ConfigKeys.MAPPING_ID.name();
  private static final String FIELDS_OPTION = ConfigKeys.ID_FIELDS.name();
  private static final String ENCODING_OPTION = ConfigKeys.ID_HASH_ENCODING.name();

  private IdStrategies() {}

  /**
   * @param strategy {@code field | composite | hash | auto}, or null for the default
   * @param mappingId {@code es.mapping.id}, or null
   * @param idFields {@code sluice.id.fields} split on commas, or empty
   * @throws ConfigException naming the options when they contradict each other
   */
  public static IdStrategy resolve(String strategy, String mappingId, List<String> idFields) {
    return resolve(strategy, mappingId, idFields, null);
  }

  /**
   * As {@link #resolve(String, String, List)}, with the content hash's encoding.
   *
   * @param hashEncoding {@code sluice.id.hash.encoding}, or null for {@link HashEncoding#DEFAULT}
   * @throws ConfigException also when an encoding is given for ids that are no content hash
   */
  public static IdStrategy resolve(
      String strategy, String mappingId, List<String> idFields, String hashEncoding) {
    IdStrategy ids = resolveStrategy(strategy, mappingId, idFields);
    if (hashEncoding == null || hashEncoding.isBlank()) {
      return ids;
    }
    if (!ids.mergesIdenticalDocuments()) {
      throw new ConfigException(
          ENCODING_OPTION,
          ENCODING_OPTION
              + "="
              + hashEncoding
              + " sets how a content-hash id is written, but this load's ids are "
              + ids.describe()
              + "; unset "
              + ENCODING_OPTION
              + ".");
    }
    return build(
        ENCODING_OPTION, () -> IdStrategy.contentHash(HashEncoding.fromOption(hashEncoding)));
  }

  private static IdStrategy resolveStrategy(
      String strategy, String mappingId, List<String> idFields) {
    boolean hasField = mappingId != null && !mappingId.isBlank();
    boolean hasFields = idFields != null && !idFields.isEmpty();
    if (hasField && hasFields) {
      throw new ConfigException(
          FIELDS_OPTION,
          MAPPING_ID_OPTION
              + "="
              + mappingId
              + " and "
              + FIELDS_OPTION
              + "="
              + String.join(",", idFields)
              + " are both set; set one of them.");
    }
    String name = strategy == null ? "" : strategy.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "" -> {
        if (hasField) {
          return build(MAPPING_ID_OPTION, () -> IdStrategy.field(mappingId.trim()));
        }
        return hasFields
            ? build(FIELDS_OPTION, () -> compositeOrField(idFields))
            : IdStrategy.contentHash();
      }
      case "field" -> {
        if (!hasField) {
          throw new ConfigException(
              MAPPING_ID_OPTION,
              STRATEGY_OPTION + "=field needs " + MAPPING_ID_OPTION + " (the id column).");
        }
        return build(MAPPING_ID_OPTION, () -> IdStrategy.field(mappingId.trim()));
      }
      case "composite" -> {
        if (!hasFields || idFields.size() < 2) {
          throw new ConfigException(
              FIELDS_OPTION,
              STRATEGY_OPTION
                  + "=composite needs "
                  + FIELDS_OPTION
                  + " with two or more comma-separated columns.");
        }
        return build(FIELDS_OPTION, () -> IdStrategy.composite(trimmed(idFields)));
      }
      case "hash", "auto" -> {
        if (hasField || hasFields) {
          String option = hasField ? MAPPING_ID_OPTION : FIELDS_OPTION;
          throw new ConfigException(
              option,
              STRATEGY_OPTION
                  + "="
                  + name
                  + " does not read id columns, but "
                  + option
                  + " is set; unset one of them.");
        }
        return name.equals("hash") ? IdStrategy.contentHash() : IdStrategy.generated();
      }
      default ->
          throw new ConfigException(
              STRATEGY_OPTION,
              "Invalid value '"
                  + strategy
                  + "' for option "
                  + STRATEGY_OPTION
                  + ": expected field, composite, hash or auto.");
    }
  }

  /**
   * Refuses an operation that needs ids with a strategy that reads none: update, upsert and delete
   * address an existing document, and with a content hash or generated id they would touch nothing
   * (a delete job would delete nothing and report success).
   *
   * @throws ConfigException naming {@code es.write.operation}
   */
  public static void requireIdsFor(OpType op, IdStrategy ids) {
    if ((op == OpType.UPDATE || op == OpType.UPSERT || op == OpType.DELETE)
        && ids.fields().isEmpty()) {
      String name = op.name().toLowerCase(Locale.ROOT);
      throw new ConfigException(
          ConfigKeys.WRITE_OPERATION.name(),
          ConfigKeys.WRITE_OPERATION.name()
              + "="
              + name
              + " needs the id of the document to "
              + name
              + ": set "
              + MAPPING_ID_OPTION
              + " (or "
              + FIELDS_OPTION
              + "); the ids would otherwise be "
              + ids.describe()
              + ", which match no existing document");
    }
  }

  private static IdStrategy compositeOrField(List<String> fields) {
    List<String> names = trimmed(fields);
    return names.size() == 1 ? IdStrategy.field(names.get(0)) : IdStrategy.composite(names);
  }

  private static List<String> trimmed(List<String> fields) {
    return fields.stream().map(String::trim).toList();
  }

  private static IdStrategy build(String option, java.util.function.Supplier<IdStrategy> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          option, "Invalid value for option " + option + ": " + e.getMessage());
    }
  }
}
