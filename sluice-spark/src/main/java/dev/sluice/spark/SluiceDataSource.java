package dev.sluice.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.sources.SchemaRelationProvider;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.Tuple2;
import scala.collection.Iterator;

/**
 * The entry point Spark finds by the short name: {@code df.write.format("sluice")} with any save
 * mode, and SQL tables and views {@code USING sluice}. Its table declares no batch write, so Spark
 * sends every {@code save()} here through the V1 {@link #createRelation(SQLContext, SaveMode,
 * scala.collection.immutable.Map, Dataset)}, which applies the save mode and then appends through
 * the one DataSource V2 write path ({@link SaveModeWrite}).
 */
public final class SluiceDataSource extends WriteOnlyProvider
    implements DataSourceRegister,
        RelationProvider,
        SchemaRelationProvider,
        CreatableRelationProvider {
  /** The name users pass to {@code format(...)}. */
  public static final String SHORT_NAME = "sluice";

  public SluiceDataSource() {
    // Spark instantiates providers reflectively.
  }

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  /** A table created with no column list takes its columns from the index's mapping. */
  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return IndexSchema.infer(CatalogOptions.of(options.asCaseSensitiveMap()));
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    // Spark asks for the table before it plans a save, whose plan lists the options.
    PlanRedaction.applyToActiveSession();
    return new SluiceCatalogTable(schema, CatalogOptions.of(properties));
  }

  @Override
  public BaseRelation createRelation(
      SQLContext sqlContext,
      SaveMode mode,
      scala.collection.immutable.Map<String, String> parameters,
      Dataset<Row> data) {
    Map<String, String> options = toJava(parameters);
    SaveModeWrite.run(data, options, mode);
    return new SluiceRelation(sqlContext, data.schema(), options);
  }

  @Override
  public BaseRelation createRelation(
      SQLContext sqlContext, scala.collection.immutable.Map<String, String> parameters) {
    Map<String, String> options = toJava(parameters);
    return new SluiceRelation(sqlContext, IndexSchema.infer(options), options);
  }

  @Override
  public BaseRelation createRelation(
      SQLContext sqlContext,
      scala.collection.immutable.Map<String, String> parameters,
      StructType schema) {
    return new SluiceRelation(sqlContext, schema, toJava(parameters));
  }

  private static Map<String, String> toJava(scala.collection.immutable.Map<String, String> map) {
    Map<String, String> options = new HashMap<>();
    Iterator<Tuple2<String, String>> entries = map.iterator();
    while (entries.hasNext()) {
      Tuple2<String, String> entry = entries.next();
      options.put(entry._1(), entry._2());
    }
    return options;
  }
}
