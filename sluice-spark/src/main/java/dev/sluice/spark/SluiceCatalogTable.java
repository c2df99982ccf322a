package dev.sluice.spark;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.streaming.ReportsSinkMetrics;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.V1Write;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.sources.InsertableRelation;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The table of the registered source ({@code format("sluice")}, {@code USING sluice}). It declares
 * no {@code BATCH_WRITE}, so {@code df.write} falls back to {@link SluiceDataSource}'s V1 {@code
 * createRelation}, which applies every save mode. Spark 4 loads a session-catalog table {@code
 * USING sluice} as this table: its {@code INSERT INTO} and {@code INSERT OVERWRITE} arrive through
 * the V1 write interface, with the table's own options; a {@code SELECT} is refused. A streaming
 * query ({@code df.writeStream.format("sluice")}) writes through {@link SluiceStreamingWrite}.
 */
final class SluiceCatalogTable extends TargetTable implements SupportsRead, ReportsSinkMetrics {
  private final Map<String, String> options;
  private final EpochProgress progress = new EpochProgress();

  SluiceCatalogTable(StructType schema, Map<String, String> options) {
    super(schema, options);
    this.options = Map.copyOf(options);
  }

  @Override
  public Set<TableCapability> capabilities() {
    // BATCH_READ only so that a SELECT reaches newScanBuilder and gets Sluice's message.
    // No BATCH_WRITE: df.write goes through the V1 path, which applies save modes.
    return EnumSet.of(
        TableCapability.V1_BATCH_WRITE,
        TableCapability.TRUNCATE,
        TableCapability.BATCH_READ,
        TableCapability.STREAMING_WRITE);
  }

  /** A streaming query's last committed epoch: Spark shows them in each progress, as the sink's. */
  @Override
  public Map<String, String> metrics() {
    return progress.metrics();
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    throw new UnsupportedOperationException(SluiceRelation.NOT_READABLE);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new InsertBuilder(options, info, progress);
  }

  /**
   * {@code INSERT INTO} appends; {@code INSERT OVERWRITE} (a truncate) is mode("overwrite"). A
   * streaming query in append mode builds the same write and asks it {@code toStreaming()}.
   */
  private static final class InsertBuilder implements SupportsTruncate {
    private final Map<String, String> options;
    private final LogicalWriteInfo info;
    private final EpochProgress progress;
    private SaveMode mode = SaveMode.Append;

    InsertBuilder(Map<String, String> options, LogicalWriteInfo info, EpochProgress progress) {
      this.options = options;
      this.info = info;
      this.progress = progress;
    }

    @Override
    public WriteBuilder truncate() {
      mode = SaveMode.Overwrite;
      return this;
    }

    @Override
    public Write build() {
      return new CatalogWrite(options, mode, info, progress);
    }
  }

  private static final class CatalogWrite implements V1Write {
    private final Map<String, String> options;
    private final SaveMode mode;
    private final LogicalWriteInfo info;
    private final EpochProgress progress;
    private boolean streaming;

    CatalogWrite(
        Map<String, String> options, SaveMode mode, LogicalWriteInfo info, EpochProgress progress) {
      this.options = options;
      this.mode = mode;
      this.info = info;
      this.progress = progress;
    }

    @Override
    public InsertableRelation toInsertableRelation() {
      return (data, overwrite) ->
          SaveModeWrite.run(data, options, overwrite ? SaveMode.Overwrite : mode);
    }

    /** Spark truncates before each epoch of a query in complete mode: refused, with why. */
    @Override
    public StreamingWrite toStreaming() {
      if (mode == SaveMode.Overwrite) {
        throw new UnsupportedOperationException(COMPLETE_MODE_REFUSED);
      }
      streaming = true;
      return StreamingWriteSetup.create(info, progress);
    }

    // Only a streaming query's writers report to these; a V1 insert reports through its own write.
    @Override
    public CustomMetric[] supportedCustomMetrics() {
      return streaming ? SluiceMetrics.all() : new CustomMetric[0];
    }
  }

  static final String COMPLETE_MODE_REFUSED =
      "Sluice writes a streaming query in append output mode only: complete mode would empty the"
          + " index and write the whole result again on every trigger. Documents are written by id,"
          + " so with an id column (es.mapping.id) update mode could be supported; it is not yet."
          + " Use outputMode(\"append\").";
}
