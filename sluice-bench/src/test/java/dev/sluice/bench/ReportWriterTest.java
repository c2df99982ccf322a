package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
  private record Load(String variant, int run, long docs, long nanos) implements TimedLoad {
    @Override
    public String phase() {
      return "test";
    }

    @Override
    public long bodyBytes() {
      return docs * 500;
    }

    @Override
    public ResourceMeter.Usage usage() {
      return new ResourceMeter.Usage(1, 2, 3, 1_500_000_000L, 2_250_000_000L, 4, 5);
    }
  }

  /** Tables say "tables", each load gets its variant twice, one summary. */
  private static final class Figures implements ReportWriter.Figures<Load> {
    @Override
    public void tables(PrintStream out) {
      out.println();
      out.println("tables");
    }

    @Override
    public void loadFields(Load run, Map<String, Object> line) {
      line.put("again", run.variant());
    }

    @Override
    public List<Map<String, Object>> summaries() {
      Map<String, Object> m = ReportWriter.figure("summary");
      m.put("ratio", ReportWriter.round(2.0 / 3));
      return List.of(m);
    }
  }

  @Test
  void printsTitleSetupTablesThenOneJsonLinePerFigure() {
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put("docs", 1000);
    setup.put("es_heap", "1g");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ReportWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .print("Test bench", setup, List.of(new Load("a", 1, 1000, 2_000_000_000L)), new Figures());

    assertThat(bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator()))
        .containsExactly(
            "",
            "== Test bench ==",
            "  docs                       1000",
            "  es_heap                    1g",
            "",
            "tables",
            "",
            "{\"figure\":\"setup\",\"docs\":1000,\"es_heap\":\"1g\"}",
            "{\"figure\":\"load\",\"phase\":\"test\",\"variant\":\"a\",\"run\":1,\"docs\":1000,"
                + "\"body_bytes\":500000,\"seconds\":2.0,\"docs_per_s\":500.0,\"mb_per_s\":0.25,"
                + "\"client_cpu_s\":1.5,\"es_cpu_s\":2.25,\"gc_count\":4,\"gc_ms\":5,"
                + "\"again\":\"a\"}",
            "{\"figure\":\"summary\",\"ratio\":0.667}");
  }

  @Test
  void summarisesALoadForTheLog() {
    assertThat(new Load("a", 1, 1000, 2_000_000_000L).summary())
        .isEqualTo("1000 docs in 2.00 s = 500 docs/s");
  }
}
