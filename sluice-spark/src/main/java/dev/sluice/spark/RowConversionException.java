package dev.sluice.spark;

/**
 * One row cannot become a document; the row is dead-lettered with this reason and the load goes on.
 */
final class RowConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  RowConversionException(String field, String problem) {
    super("field '" + field + "': " + problem);
    this.field = field;
  }

  String field() {
    return field;
  }
}
