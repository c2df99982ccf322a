package dev.sluice.core.id;

import java.util.List;

/** The id is one field's text, as {@code es.mapping.id} does. */
record FieldId(String field) implements IdStrategy {

  FieldId {
    Ids.checkFieldNames(List.of(field), 1);
  }

  @Override
  public List<String> fields() {
    return List.of(field);
  }

  @Override
  public String idOf(List<String> values, byte[] source) {
    Ids.checkArity(fields(), values);
    return Ids.checkLength(field, Ids.requirePresent(field, values.get(0)));
  }

  @Override
  public boolean deterministic() {
    return true;
  }

  @Override
  public String describe() {
    return "field:" + field;
  }
}
