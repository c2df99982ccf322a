package dev.sluice.spark;

import dev.sluice.core.Document;
import dev.sluice.core.id.InvalidIdException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Turns one Spark row into the document to send, or into a dead letter naming the field at fault
 * when the row cannot become one.
 */
final class RowConverter {
  private final SparkWriteConf conf;

  /** A row made ready to send: a document, or a dead letter when it could not become one. */
  record Converted(Document document, String errorType, String reason) {
    boolean deadLetter() {
      return errorType != null;
    }
  }

  RowConverter(SparkWriteConf conf) {
    this.conf = conf;
  }

  Converted convert(InternalRow row, String position) {
    String routing = conf.routingColumn() == null ? null : conf.routingColumn().textOf(row);
    List<String> values = new ArrayList<>(conf.idColumns().size());
    for (FieldPath column : conf.idColumns()) {
      values.add(column.textOf(row));
    }
    String id = null;
    try {
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) == null) {
          throw new RowConversionException(
              conf.idColumns().get(i).name(), "the document id is null");
        }
      }
      byte[] source = conf.json().toJson(row);
      id = conf.idStrategy().idOf(values, source);
      return new Converted(new Document(null, id, routing, null, source, position), null, null);
    } catch (RowConversionException e) {
      return deadLetter(row, id, routing, position, "row_conversion_exception", e.getMessage());
    } catch (InvalidIdException e) {
      return deadLetter(row, id, routing, position, "invalid_id_exception", e.getMessage());
    }
  }

  private Converted deadLetter(
      InternalRow row, String id, String routing, String position, String type, String reason) {
    byte[] lenient = conf.json().toLenientJson(row);
    return new Converted(new Document(null, id, routing, null, lenient, position), type, reason);
  }
}
