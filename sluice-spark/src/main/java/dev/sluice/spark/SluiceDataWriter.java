package dev.sluice.spark;

import dev.sluice.core.BulkLoader;
import dev.sluice.core.Document;
import dev.sluice.core.LoadCounters;
import dev.sluice.core.LoadListener;
import dev.sluice.core.LoadResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Writes one Spark partition through one {@link BulkLoader}. Rows that cannot become documents are
 * dead-lettered with the field at fault; everything else is the engine's job.
 */
final class SluiceDataWriter implements DataWriter<InternalRow>, LoadListener {
  private final SparkWriteConf conf;
  private final int partitionId;
  private final long taskId;
  private final BulkLoader loader;
  private volatile LoadCounters latest;
  private long rowNumber;
  private boolean finished;

  SluiceDataWriter(SparkWriteConf conf, int partitionId, long taskId) {
    this.conf = conf;
    this.partitionId = partitionId;
    this.taskId = taskId;
    this.loader =
        BulkLoader.open(conf.engine(), writerId(conf.queryId(), partitionId, taskId), this);
  }

  static String writerId(String queryId, int partitionId, long taskId) {
    String query = queryId == null ? "local" : queryId.substring(0, Math.min(8, queryId.length()));
    return String.format("%s-p%05d-t%d", query, partitionId, taskId);
  }

  @Override
  public void write(InternalRow row) throws IOException {
    String position = "partition " + partitionId + " row " + rowNumber++;
    String id = conf.idColumn() == null ? null : conf.idColumn().textOf(row);
    String routing = conf.routingColumn() == null ? null : conf.routingColumn().textOf(row);
    try {
      if (conf.idColumn() != null && id == null) {
        throw new RowConversionException(conf.idColumn().name(), "the document id is null");
      }
      loader.add(new Document(null, id, routing, null, conf.json().toJson(row), position));
    } catch (RowConversionException e) {
      Document asWritten =
          new Document(null, id, routing, null, conf.json().toLenientJson(row), position);
      loader.deadLetter(asWritten, "row_conversion_exception", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing " + position);
    }
  }

  @Override
  public WriterCommitMessage commit() {
    finished = true;
    LoadResult result = loader.close();
    latest = result.counters();
    return new SluiceCommitMessage(
        partitionId, taskId, result.counters(), result.deadLetterLocation());
  }

  @Override
  public void abort() {
    finished = true;
    loader.abort();
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  @Override
  public void onProgress(LoadCounters snapshot) {
    latest = snapshot;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    LoadCounters counters = latest;
    return counters == null ? new CustomTaskMetric[0] : SluiceMetrics.values(counters);
  }
}
