package dev.sluice.spark;

/**
 * The DataFrame's schema has a type Sluice cannot write; raised on the driver before any task runs.
 */
final class UnsupportedSchemaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnsupportedSchemaException(String message) {
    super(message);
  }
}
