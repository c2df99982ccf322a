package dev.sluice.spark;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.V1Write;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.sources.InsertableRelation;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The table of the registered source ({@code format("sluice")}, {@code USING sluice}). It declares
 * no {@code BATCH_WRITE}, so {@code df.write} falls back to {@link SluiceDataSource}'s V1 {@code
 * createRelation}, which applies every save mode. Spark 4 loads a session-catalog table {@code
 * USING sluice} as this table: its {@code INSERT INTO} and {@code INSERT OVERWRITE} arrive through
 * the V1 write interface, with the table's own options; a {@code SELECT} is refused.
 */
final class SluiceCatalogTable extends TargetTable implements SupportsRead {
  private final Map<String, String> options;

  SluiceCatalogTable(StructType schema, Map<String, String> options) {
    super(schema, options);
    this.options = Map.copyOf(options);
  }

  @Override
  public Set<TableCapability> capabilities() {
    // BATCH_READ only so that a SELECT reaches newScanBuilder and gets Sluice's message.
    return EnumSet.of(
        TableCapability.V1_BATCH_WRITE, TableCapability.TRUNCATE, TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    throw new UnsupportedOperationException(SluiceRelation.NOT_READABLE);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new InsertBuilder(options);
  }

  /** {@code INSERT INTO} appends; {@code INSERT OVERWRITE} (a truncate) is mode("overwrite"). */
  private static final class InsertBuilder implements SupportsTruncate {
    private final Map<String, String> options;
    private SaveMode mode = SaveMode.Append;

    InsertBuilder(Map<String, String> options) {
      this.options = options;
    }

    @Override
    public WriteBuilder truncate() {
      mode = SaveMode.Overwrite;
      return this;
    }

    @Override
    public Write build() {
      SaveMode chosen = mode;
      return new V1Write() {
        @Override
        public InsertableRelation toInsertableRelation() {
          return (data, overwrite) ->
              SaveModeWrite.run(data, options, overwrite ? SaveMode.Overwrite : chosen);
        }
      };
    }
  }
}
