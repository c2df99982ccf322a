package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one NDJSON parser of the testkit, which the proxy and the tests' fake upstream both use. */
class BulkBodyTest {
  @Test
  void splitsEveryActionWithItsSourceLineAndKeepsTheBytes() {
    String index = "{\"index\":{\"_index\":\"i\",\"_id\":\"1\"}}\n{\"f\":\"caf\u00e9 \"}\n";
    String create = "{\"create\":{\"_id\":\"2\"}}\n{\"f\":2}\n";
    String update = "{\"update\":{\"_index\":\"i\",\"_id\":\"3\"}}\n{\"doc\":{\"f\":3}}\n";
    String delete = "{\"delete\":{\"_index\":\"i\",\"_id\":\"4\"}}\n";
    String autoId = "{\"index\":{}}\n{\"f\":5}\n";
    byte[] body = utf8(index + create + update + delete + autoId);

    List<BulkItem> items = BulkBody.parse(body);

    assertThat(items)
        .extracting(BulkItem::action, BulkItem::index, BulkItem::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("index", "i", "1"),
            org.assertj.core.groups.Tuple.tuple("create", null, "2"),
            org.assertj.core.groups.Tuple.tuple("update", "i", "3"),
            org.assertj.core.groups.Tuple.tuple("delete", "i", "4"),
            org.assertj.core.groups.Tuple.tuple("index", null, null));
    assertThat(items.get(0).bytes()).isEqualTo(utf8(index));
    assertThat(items.get(3).bytes()).isEqualTo(utf8(delete));
    assertThat(BulkBody.join(items)).isEqualTo(body);
  }

  @Test
  void skipsBlankLinesAndAddsTheMissingLastNewline() {
    byte[] body = utf8("\n{\"delete\":{\"_id\":\"1\"}}\n  \n{\"index\":{\"_id\":\"2\"}}\n{}");

    List<BulkItem> items = BulkBody.parse(body);

    assertThat(items).extracting(BulkItem::id).containsExactly("1", "2");
    assertThat(BulkBody.join(items))
        .isEqualTo(utf8("{\"delete\":{\"_id\":\"1\"}}\n{\"index\":{\"_id\":\"2\"}}\n{}\n"));
  }

  @Test
  void namesTheLineOfABadBody() {
    assertThatThrownBy(() -> BulkBody.parse(utf8("{\"index\":{}}\n{}\n{\"upsert\":{}}\n{}\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bulk line 3 is not an action line");
    assertThatThrownBy(() -> BulkBody.parse(utf8("{\"delete\":{}}\n{\"create\":{}}\n")))
        .hasMessage("bulk line 2 (create) has no source line");
    assertThatThrownBy(() -> BulkBody.parse(utf8("{\"delete\":{}}\nnot json\n")))
        .hasMessage("bulk line 2 is not JSON");
    assertThatThrownBy(() -> BulkBody.parse(utf8("[1]\n")))
        .hasMessage("bulk line 1 is not a JSON object");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
