package dev.sluice.core;

import static dev.sluice.core.config.ConfigKeys.*;

import dev.sluice.core.config.ActionOptionRules;
import dev.sluice.core.config.BatchOptions;
import dev.sluice.core.config.BatchSettings;
import dev.sluice.core.config.CheckpointSettings;
import dev.sluice.core.config.ConfigKey;
import dev.sluice.core.config.ConnectionOptions;
import dev.sluice.core.config.ConnectionSettings;
import dev.sluice.core.config.DeadLetterOptions;
import dev.sluice.core.config.DeadLetterSettings;
import dev.sluice.core.config.IndexNames;
import dev.sluice.core.config.ResolvedOptions;
import dev.sluice.core.config.RetrySettings;
import dev.sluice.core.config.SecretResolver;
import dev.sluice.core.config.WriteSettings;
import dev.sluice.core.id.IdStrategies;
import dev.sluice.core.id.IdStrategy;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable, validated configuration. Built once (on the Spark driver) by {@link #fromOptions};
 * Serializable because it travels to executors, where it is never re-parsed. Secrets are held as
 * {@link dev.sluice.core.config.Secret} and never appear in {@link #toString()}.
 */
public final class SluiceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ConnectionSettings connection;
  private final WriteSettings write;
  private final BatchSettings batch;
  private final RetrySettings retry;
  private final DeadLetterSettings deadLetter;
  private final IdStrategy idStrategy;
  private final CheckpointSettings checkpoint;
  private final String reportPath;
  private final TreeMap<String, String> redacted;

  private SluiceConfig(ResolvedOptions o) {
    this.connection = ConnectionOptions.resolve(o);
    this.write = write(o);
    this.batch = BatchOptions.resolve(o);
    this.retry = retry(o);
    this.deadLetter = DeadLetterOptions.resolve(o);
    this.idStrategy = idStrategy(o);
    IdStrategies.requireIdsFor(write.op(), idStrategy);
    this.checkpoint =
        new CheckpointSettings(
            o.get(CHECKPOINT_PATH),
            o.get(CHECKPOINT_FORCE),
            o.get(CHECKPOINT_EVERY_ROWS),
            o.get(CHECKPOINT_EVERY),
            o.get(CHECKPOINT_SEGMENT_ROWS),
            o.get(CHECKPOINT_INPUT));
    this.reportPath = o.get(REPORT_PATH);
    this.redacted = new TreeMap<>(o.redacted());
  }

  /**
   * Parses es-hadoop style and sluice.* options once; throws ConfigException naming the option.
   * Keys are case-insensitive; unknown "sluice.*" keys are an error; unknown "es.*" keys are
   * ignored with a WARN once.
   */
  public static SluiceConfig fromOptions(Map<String, String> options) {
    return fromOptions(options, SecretResolver.system());
  }

  /**
   * As {@link #fromOptions(Map)}, reading {@code env:NAME} and {@code file:/path} secret values
   * through {@code secrets} (tests inject the environment this way).
   */
  public static SluiceConfig fromOptions(Map<String, String> options, SecretResolver secrets) {
    return new SluiceConfig(ResolvedOptions.parse(options, secrets));
  }

  /** Every option's effective value as text, for logs and reports; secrets as "<redacted>". */
  public Map<String, String> toRedactedMap() {
    return Map.copyOf(redacted);
  }

  /** The write target (es.resource.write, else es.resource); null if unset. */
  public String defaultIndex() {
    return write.index();
  }

  /** Where the driver writes the job's JSON report ({@code sluice.report.path}); null if unset. */
  public String reportPath() {
    return reportPath;
  }

  /** es.mapping.id; null if unset. */
  public String idField() {
    return write.idField();
  }

  /** es.write.operation, default INDEX. */
  public OpType defaultOp() {
    return write.op();
  }

  public ConnectionSettings connection() {
    return connection;
  }

  public WriteSettings write() {
    return write;
  }

  public BatchSettings batch() {
    return batch;
  }

  public RetrySettings retry() {
    return retry;
  }

  public DeadLetterSettings deadLetter() {
    return deadLetter;
  }

  /**
   * How documents get their ids ({@code sluice.id.strategy}, {@code es.mapping.id}, {@code
   * sluice.id.fields}); by default deterministic, see {@link IdStrategies#resolve}.
   */
  public IdStrategy idStrategy() {
    return idStrategy;
  }

  /** {@code sluice.checkpoint.*}; {@link CheckpointSettings#enabled()} is false by default. */
  public CheckpointSettings checkpoint() {
    return checkpoint;
  }

  @Override
  public String toString() {
    return "SluiceConfig" + redacted;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SluiceConfig c
        && c.connection.equals(connection)
        && c.write.equals(write)
        && c.batch.equals(batch)
        && c.retry.equals(retry)
        && c.deadLetter.equals(deadLetter)
        && c.idStrategy.equals(idStrategy)
        && c.checkpoint.equals(checkpoint)
        && Objects.equals(c.reportPath, reportPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        connection, write, batch, retry, deadLetter, idStrategy, checkpoint, reportPath);
  }

  private static IdStrategy idStrategy(ResolvedOptions o) {
    String fields = o.get(ID_FIELDS);
    List<String> idFields = fields == null ? List.of() : Arrays.asList(fields.split(",", -1));
    return IdStrategies.resolve(
        o.get(ID_STRATEGY), o.get(MAPPING_ID), idFields, o.get(ID_HASH_ENCODING));
  }

  private static WriteSettings write(ResolvedOptions o) {
    ConfigKey<String> target = o.get(RESOURCE_WRITE) != null ? RESOURCE_WRITE : RESOURCE;
    String index = o.get(target);
    if (index != null) {
      IndexNames.check(target, index);
    }
    return new WriteSettings(
        index,
        o.get(MAPPING_ID),
        o.get(MAPPING_ROUTING),
        o.get(WRITE_OPERATION),
        o.get(INDEX_AUTO_CREATE),
        o.get(BATCH_WRITE_REFRESH),
        ActionOptionRules.resolve(o));
  }

  private static RetrySettings retry(ResolvedOptions o) {
    int retries = o.get(RETRY_COUNT);
    int attempts = retries < 0 ? Integer.MAX_VALUE : retries + 1;
    if (o.get(RETRY_WAIT).compareTo(o.get(RETRY_MAX_DELAY)) > 0) {
      throw new ConfigException(
          RETRY_WAIT.name(),
          RETRY_WAIT.name()
              + " ("
              + o.get(RETRY_WAIT)
              + ") must not exceed "
              + RETRY_MAX_DELAY.name()
              + " ("
              + o.get(RETRY_MAX_DELAY)
              + ")");
    }
    return new RetrySettings(
        attempts, o.get(RETRY_WAIT), o.get(RETRY_MAX_DELAY), o.get(RETRY_BUDGET));
  }
}
