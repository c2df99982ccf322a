package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndexMappingTest {
  private static IndexMapping parse(String json) {
    return IndexMapping.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fieldsAreFoundByDottedPathWithTypeAndFormat() {
    IndexMapping mapping =
        parse(
            "{'logs':{'mappings':{'properties':{"
                + "'ts':{'type':'long'},"
                + "'day':{'type':'date','format':'yyyy-MM-dd'},"
                + "'user':{'properties':{'name':{'type':'keyword'}}},"
                + "'tags':{'type':'nested','properties':{'v':{'type':'date'}}}}}}}");

    assertThat(mapping.exists()).isTrue();
    assertThat(mapping.field("ts")).contains(new IndexMapping.Field("ts", "long", null));
    assertThat(mapping.field("day")).contains(new IndexMapping.Field("day", "date", "yyyy-MM-dd"));
    assertThat(mapping.field("user")).map(IndexMapping.Field::type).contains("object");
    assertThat(mapping.field("user.name")).map(IndexMapping.Field::type).contains("keyword");
    assertThat(mapping.field("tags")).map(IndexMapping.Field::type).contains("nested");
    assertThat(mapping.field("tags.v")).map(IndexMapping.Field::type).contains("date");
    assertThat(mapping.field("nope")).isEmpty();
  }

  @Test
  void severalIndicesBehindOneNameAreMergedFirstWinning() {
    IndexMapping mapping =
        parse(
            "{'a':{'mappings':{'properties':{'x':{'type':'long'},'o':{'properties':{'p':{'type':'text'}}}}}},"
                + "'b':{'mappings':{'properties':{'x':{'type':'date'},'y':{'type':'keyword'},"
                + "'o':{'properties':{'q':{'type':'long'}}}}}}}");

    assertThat(mapping.field("x")).map(IndexMapping.Field::type).contains("long");
    assertThat(mapping.field("y")).map(IndexMapping.Field::type).contains("keyword");
    assertThat(mapping.field("o.p")).isPresent();
    assertThat(mapping.field("o.q")).isPresent();
    assertThat(mapping.properties().path("x").path("type").asText()).isEqualTo("long");
  }

  @Test
  void anIndexWithoutMappingsHasNoFieldsButExists() {
    IndexMapping mapping = parse("{'empty':{'mappings':{}}}");
    assertThat(mapping.exists()).isTrue();
    assertThat(mapping.fields()).isEmpty();
    assertThat(IndexMapping.missing().exists()).isFalse();
  }
}
