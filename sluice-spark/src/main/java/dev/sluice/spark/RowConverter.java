package dev.sluice.spark;

import dev.sluice.core.Document;
import dev.sluice.core.checkpoint.ConvertedRow;
import dev.sluice.core.id.IdStrategy;
import dev.sluice.core.id.InvalidIdException;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Turns one Spark row into the document to send, or into a dead letter naming the field at fault
 * when the row cannot become one ({@link ConvertedRow}, which the checkpointing takes as it is).
 * The id comes first, so a row refused for its body (a NaN) is dead-lettered with the id it would
 * have had.
 */
final class RowConverter {
  private final SparkWriteConf conf;
  private final ColumnDocument columns;

  /** One per partition writer: it reuses its buffers row after row. */
  RowConverter(SparkWriteConf conf) {
    this.conf = conf;
    this.columns = conf.jsonInput() == null ? new ColumnDocument(conf) : null;
  }

  ConvertedRow convert(InternalRow row, String position) {
    return convert(row, position, -1);
  }

  /**
   * @param positionPrefix the partition's position text, shared by its rows ("partition 3 row ")
   * @param rowNumber the row's number after it; the position's text is made only when needed
   */
  ConvertedRow convert(InternalRow row, String positionPrefix, long rowNumber) {
    IdStrategy ids = conf.idStrategy();
    String id = null;
    String routing = null;
    try {
      RowDocument document = columns != null ? columns.of(row) : conf.jsonInput().read(row);
      List<String> values = document.idValues();
      // Strategies that read columns never read the body; the content hash needs it.
      boolean fromColumns = !values.isEmpty();
      id = fromColumns ? ids.idOf(values, null) : null;
      routing = document.routing();
      byte[] source = document.source();
      if (!fromColumns) {
        id = ids.idOf(values, source);
      }
      conf.timestamp().check(row); // a data stream refuses a document without @timestamp
      ActionMetadata.Values meta = conf.actions().of(row);
      if (routing == null) { // a routing column or JSON field wins over the parent's
        routing = meta.parentRouting();
      }
      return ConvertedRow.of(
          new Document(
              meta.index(),
              id,
              routing,
              null,
              source,
              positionPrefix,
              rowNumber,
              meta.version(),
              meta.params(),
              escapesLineBreaks(document)));
    } catch (RowConversionException e) {
      return deadLetter(row, id, routing, positionPrefix, rowNumber, "row_conversion_exception", e);
    } catch (InvalidIdException e) {
      return deadLetter(row, id, routing, positionPrefix, rowNumber, "invalid_id_exception", e);
    }
  }

  /** Bodies written from columns escape CR and LF, as JSON strings must; JSON input may not. */
  private static boolean escapesLineBreaks(RowDocument document) {
    return document instanceof ColumnDocument;
  }

  private ConvertedRow deadLetter(
      InternalRow row,
      String id,
      String routing,
      String positionPrefix,
      long rowNumber,
      String type,
      RuntimeException e) {
    byte[] lenient = conf.lenientSource(row);
    Document document =
        new Document(
            null, id, routing, null, lenient, positionPrefix, rowNumber, null, null, false);
    return new ConvertedRow(document, type, e.getMessage());
  }
}
