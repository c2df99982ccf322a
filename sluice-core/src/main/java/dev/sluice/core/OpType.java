package dev.sluice.core;

import java.util.Locale;

/** The bulk operation applied to a document, with elasticsearch-hadoop's names. */
public enum OpType {
  INDEX,
  CREATE,
  UPDATE,
  UPSERT,
  DELETE;

  /** The bulk action name on the wire; UPSERT is an {@code update} with {@code doc_as_upsert}. */
  public String action() {
    return switch (this) {
      case INDEX -> "index";
      case CREATE -> "create";
      case UPDATE, UPSERT -> "update";
      case DELETE -> "delete";
    };
  }

  /** Parses "index", "create", "update", "upsert" or "delete", ignoring case. */
  public static OpType parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
