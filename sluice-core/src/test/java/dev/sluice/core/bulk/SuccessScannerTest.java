package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scanner reads the usual all-success answer as the JSON parser does, and nothing else. */
class SuccessScannerTest {
  private static final List<String> OPS = List.of("index", "create", "update", "delete");
  private static final List<String> SUCCESSES =
      List.of(
          "\"result\":\"created\",\"status\":201",
          "\"result\":\"updated\",\"status\":200",
          "\"result\":\"noop\",\"status\":200",
          "\"result\":\"deleted\",\"status\":200",
          "\"result\":\"not_found\",\"status\":404",
          "\"status\":201,\"result\":\"created\"");

  /** Items the scanner must leave to the parser, each alone enough to make it give up. */
  private static final List<String> OTHERS =
      List.of(
          "\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"x\"}",
          "\"result\":\"something_new\",\"status\":200",
          "\"result\":\"created\", \"status\":201",
          "\"result\":\"created\",\"status\":201,\"_id\":\"1\"",
          "\"result\":\"cre\\u0061ted\",\"status\":201",
          "\"result\":\"created\",\"status\":0201",
          "\"result\":\"created\",\"status\":2010",
          "\"result\":\"created\",\"result\":\"updated\",\"status\":200",
          "\"result\":\"created\"",
          "\"status\":201");

  private static byte[] response(boolean errors, List<String> items) {
    StringBuilder json = new StringBuilder("{\"errors\":" + errors + ",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      json.append(i == 0 ? "" : ",").append("{\"").append(OPS.get(i % OPS.size())).append("\":{");
      json.append(items.get(i)).append("}}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private interface Parse {
    List<ItemResult> run() throws IOException;
  }

  /** The items, or the failure as text: a response the parser refuses must stay refused. */
  private static Object outcome(Parse parse) {
    try {
      return parse.run();
    } catch (IOException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  void readsEveryPlainSuccessAsTheParserDoes() throws IOException {
    SplittableRandom random = new SplittableRandom(29);
    for (int round = 0; round < 2_000; round++) {
      List<String> items =
          random.ints(random.nextInt(30), 0, SUCCESSES.size()).mapToObj(SUCCESSES::get).toList();
      byte[] body = response(false, items);

      List<ItemResult> scanned = SuccessScanner.scan(body, items.size());

      assertThat(scanned).isNotNull().isEqualTo(BulkResponseParser.parseJson(body, items.size()));
      assertThat(BulkResponseParser.parse(body, items.size())).isEqualTo(scanned);
    }
  }

  @Test
  void leavesAnyOtherResponseToTheParser() throws IOException {
    SplittableRandom random = new SplittableRandom(31);
    for (String other : OTHERS) {
      List<String> items = new java.util.ArrayList<>(List.of(SUCCESSES.get(0), SUCCESSES.get(1)));
      items.add(random.nextInt(items.size() + 1), other);
      byte[] body = response(false, items);

      assertThat(SuccessScanner.scan(body, items.size())).as(other).isNull();
      int n = items.size();
      assertThat(outcome(() -> BulkResponseParser.parse(body, n)))
          .isEqualTo(outcome(() -> BulkResponseParser.parseJson(body, n)));
    }
    byte[] withErrors = response(true, List.of(SUCCESSES.get(0)));
    assertThat(SuccessScanner.scan(withErrors, 1)).isNull();
    byte[] plain = response(false, List.of(SUCCESSES.get(0), SUCCESSES.get(2)));
    for (int cut = 0; cut < plain.length; cut++) {
      assertThat(SuccessScanner.scan(java.util.Arrays.copyOf(plain, cut), 2)).isNull();
    }
    byte[] spaced = " {\"errors\":false,\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThat(SuccessScanner.scan(spaced, 0)).isNull();
    assertThat(SuccessScanner.scan(response(false, List.of()), 0)).isEmpty();
  }
}
