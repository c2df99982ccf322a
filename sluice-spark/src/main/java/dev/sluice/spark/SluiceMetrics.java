package dev.sluice.spark;

import dev.sluice.core.LoadCounters;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The figures Sluice shows in the Spark UI (SQL tab, on the write node). Spark creates the metric
 * classes by name on the driver, so each is public with a public no-argument constructor.
 */
public final class SluiceMetrics {
  private SluiceMetrics() {}

  static CustomMetric[] all() {
    return new CustomMetric[] {
      new DocumentsRead(),
      new DocumentsIndexed(),
      new DocumentsAlreadyDelivered(),
      new DocumentsDeadLettered(),
      new DocumentsRetried(),
      new RequestsThrottled(),
      new BytesSent(),
      new DocumentsSkipped()
    };
  }

  static CustomTaskMetric[] values(LoadCounters counters) {
    return new CustomTaskMetric[] {
      value(DocumentsRead.NAME, counters.read()),
      value(DocumentsIndexed.NAME, counters.indexed()),
      value(DocumentsAlreadyDelivered.NAME, counters.alreadyDelivered()),
      value(DocumentsDeadLettered.NAME, counters.deadLettered()),
      value(DocumentsRetried.NAME, counters.retriedItems()),
      value(RequestsThrottled.NAME, counters.throttled()),
      value(BytesSent.NAME, counters.bytesSent()),
      value(DocumentsSkipped.NAME, counters.skippedByCheckpoint())
    };
  }

  private static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }

  /** Rows handed to Sluice. */
  public static final class DocumentsRead extends CustomSumMetric {
    static final String NAME = "sluiceDocumentsRead";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "documents read";
    }
  }

  /** Creates refused as existing on a replay: an earlier attempt delivered them (in indexed). */
  public static final class DocumentsAlreadyDelivered extends CustomSumMetric {
    static final String NAME = "sluiceDocumentsAlreadyDelivered";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "documents already delivered (replayed creates)";
    }
  }

  /** Documents Elasticsearch acknowledged. */
  public static final class DocumentsIndexed extends CustomSumMetric {
    static final String NAME = "sluiceDocumentsIndexed";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "documents indexed";
    }
  }

  /** Documents written to the dead-letter store. */
  public static final class DocumentsDeadLettered extends CustomSumMetric {
    static final String NAME = "sluiceDocumentsDeadLettered";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "documents dead-lettered";
    }
  }

  /** Document re-sends after a throttled or transient failure. */
  public static final class DocumentsRetried extends CustomSumMetric {
    static final String NAME = "sluiceDocumentsRetried";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "document retries";
    }
  }

  /** Bulk requests or items Elasticsearch throttled (429). */
  public static final class RequestsThrottled extends CustomSumMetric {
    static final String NAME = "sluiceThrottled";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "throttled (429)";
    }
  }

  /** Request body bytes sent, retries included. */
  public static final class BytesSent extends CustomSumMetric {
    static final String NAME = "sluiceBytesSent";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "bulk bytes sent";
    }
  }

  /** Rows not sent because a checkpoint of an earlier run says they were settled. */
  public static final class DocumentsSkipped extends CustomSumMetric {
    static final String NAME = "sluiceDocumentsSkipped";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "documents skipped by checkpoint";
    }
  }
}
