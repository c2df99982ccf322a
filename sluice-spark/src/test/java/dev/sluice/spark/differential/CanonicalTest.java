package dev.sluice.spark.differential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalTest {

  @Test
  void sortsKeysAtEveryDepthAndWritesNumbersByValue() {
    assertThat(Canonical.json("{\"b\":1.0,\"a\":{\"d\":[2.50,1e0],\"c\":\"x\"},\"e\":-0.0}"))
        .isEqualTo("{\"a\":{\"c\":\"x\",\"d\":[2.5,1]},\"b\":1,\"e\":0}");
  }

  @Test
  void keepsWhatDiffersInValue() {
    assertThat(Canonical.json("{\"n\":1.1}")).isNotEqualTo(Canonical.json("{\"n\":1.100000023}"));
    assertThat(Canonical.json("{\"n\":\"1\"}")).isNotEqualTo(Canonical.json("{\"n\":1}"));
    assertThat(Canonical.json("{\"s\":\"a\\\"b\"}")).isEqualTo("{\"s\":\"a\\\"b\"}");
  }

  @Test
  void flattensMappingsWithObjectsAndMultiFields() {
    String mappings =
        "{\"properties\":{\"address\":{\"properties\":{\"city\":{\"type\":\"text\",\"fields\":"
            + "{\"keyword\":{\"type\":\"keyword\"}}}}},\"items\":{\"type\":\"nested\","
            + "\"properties\":{\"a\":{\"type\":\"long\"}}}}}";
    assertThat(Canonical.mappingTypes(IndexReader.tree(mappings)))
        .containsExactly(
            java.util.Map.entry("address", "object"),
            java.util.Map.entry("address.city", "text"),
            java.util.Map.entry("address.city.keyword", "keyword"),
            java.util.Map.entry("items", "nested"),
            java.util.Map.entry("items.a", "long"));
  }
}
