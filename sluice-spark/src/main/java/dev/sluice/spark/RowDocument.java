package dev.sluice.spark;

import java.util.List;

/**
 * The parts of one row a document is made of: the values its id is made of, its routing and its
 * body. Read from the row's columns ({@link ColumnDocument}) or from the JSON document the row
 * holds ({@link JsonInput}).
 */
interface RowDocument {
  /**
   * The id's values, in the id strategy's order; empty when the strategy reads no field.
   *
   * @throws RowConversionException naming the field when one is null or not a single value
   */
  List<String> idValues();

  /** The routing value, or null for none. */
  String routing();

  /**
   * The document's JSON body.
   *
   * @throws RowConversionException naming the field when the row cannot become one
   */
  byte[] source();
}
