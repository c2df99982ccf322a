package dev.sluice.core.id;

import java.util.List;

/** No id: Elasticsearch generates one, so a re-sent document can exist twice. */
record GeneratedId() implements IdStrategy {
  static final GeneratedId INSTANCE = new GeneratedId();

  @Override
  public List<String> fields() {
    return List.of();
  }

  @Override
  public String idOf(List<String> values, byte[] source) {
    return null;
  }

  @Override
  public boolean deterministic() {
    return false;
  }

  @Override
  public String describe() {
    return "auto";
  }
}
