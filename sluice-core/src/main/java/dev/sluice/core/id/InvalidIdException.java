package dev.sluice.core.id;

/**
 * A record whose id cannot be made (a missing key value, an id too long). A per-record fault: the
 * caller dead-letters the record with {@link #getMessage()}, which names the field.
 */
public final class InvalidIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  InvalidIdException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault, or the fields joined with ',' when the whole id is at fault. */
  public String field() {
    return field;
  }
}
