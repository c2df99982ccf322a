package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a benchmark's figures: its title and setup, its readable tables, then one JSON line per
 * figure (lines starting with '{'): the setup, each load, and the benchmark's summaries. Both
 * benchmarks write through this, so their JSON lines share one shape.
 */
final class ReportWriter {
  /** What one benchmark adds to the common report. */
  interface Figures<R extends TimedLoad> {
    /** Prints the readable tables, each after an empty line. */
    void tables(PrintStream out);

    /** Adds this benchmark's own fields to the JSON line of {@code run}. */
    void loadFields(R run, Map<String, Object> line);

    /** The summary figures (see {@link #figure}); none when nothing was measured. */
    List<Map<String, Object>> summaries();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;

  ReportWriter(PrintStream out) {
    this.out = out;
  }

  <R extends TimedLoad> void print(
      String title, Map<String, Object> setup, List<R> runs, Figures<R> figures) {
    out.println();
    out.println("== " + title + " ==");
    setup.forEach((key, value) -> out.printf(Locale.ROOT, "  %-26s %s%n", key, value));
    figures.tables(out);
    out.println();
    Map<String, Object> setupLine = figure("setup");
    setupLine.putAll(setup);
    line(setupLine);
    for (R run : runs) {
      Map<String, Object> load = load(run);
      figures.loadFields(run, load);
      line(load);
    }
    figures.summaries().forEach(this::line);
  }

  /** An empty JSON line of the given figure, to fill in order. */
  static Map<String, Object> figure(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figure", name);
    return m;
  }

  /** Three decimals are plenty for any figure, and keep the lines short. */
  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static Map<String, Object> load(TimedLoad r) {
    Map<String, Object> m = figure("load");
    m.put("phase", r.phase());
    m.put("variant", r.variant());
    m.put("run", r.run());
    m.put("docs", r.docs());
    m.put("body_bytes", r.bodyBytes());
    m.put("seconds", round(r.seconds()));
    m.put("docs_per_s", round(r.docsPerSecond()));
    m.put("mb_per_s", round(r.megabytesPerSecond()));
    m.put("client_cpu_s", round(r.usage().clientCpuNanos() / 1e9));
    m.put("es_cpu_s", round(r.usage().esCpuNanos() / 1e9));
    m.put("gc_count", r.usage().gcCount());
    m.put("gc_ms", r.usage().gcMillis());
    return m;
  }

  private void line(Map<String, Object> fields) {
    try {
      out.println(JSON.writeValueAsString(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write figure " + fields.get("figure"), e);
    }
  }
}
