package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogOptionsTest {
  @Test
  void keepsTheOptionsOnceAndDropsTheTablesOwnProperties() {
    Map<String, String> properties =
        Map.of(
            "option.resource", "idx",
            "resource", "idx",
            "option.es_mapping_id", "id",
            "provider", "sluice",
            "owner", "me",
            "path", "file:/warehouse/t");

    assertThat(CatalogOptions.of(properties))
        .containsOnly(
            Map.entry("resource", "idx"),
            Map.entry("es_mapping_id", "id"),
            Map.entry("path", "file:/warehouse/t"));
  }

  @Test
  void writerOptionsPassUnchanged() {
    Map<String, String> options = Map.of("es.resource", "idx", "es.nodes", "http://h:9200");
    assertThat(CatalogOptions.of(options)).isEqualTo(options);
  }
}
