package dev.sluice.bench;

import static dev.sluice.bench.ReportWriter.round;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code bin/bench-ids}'s figures: per candidate, the rounds' docs/s and Elasticsearch CPU seconds
 * per million documents, their medians, and the medians' ratios to sequential and to generated ids.
 */
final class IdBenchReport implements ReportWriter.Figures<IdLoadRun> {

  /** One candidate's rounds. */
  record Summary(IdCandidate candidate, List<IdLoadRun> loads, Summary sequential, Summary auto) {
    double idChars() {
      return loads.get(0).idChars();
    }

    double docsPerSecond() {
      return Stats.median(loads.stream().mapToDouble(IdLoadRun::docsPerSecond).toArray());
    }

    double cpuPerMillion() {
      return Stats.median(loads.stream().mapToDouble(IdLoadRun::esCpuPerMillion).toArray());
    }

    String each(java.util.function.ToDoubleFunction<IdLoadRun> figure, int decimals) {
      return loads.stream()
          .map(r -> Table.fixed(figure.applyAsDouble(r), decimals))
          .collect(Collectors.joining(" / "));
    }

    /** This candidate's median over {@code other}'s; NaN when {@code other} was not loaded. */
    static double ratio(double mine, Summary other, boolean cpu) {
      if (other == null) {
        return Double.NaN;
      }
      return mine / (cpu ? other.cpuPerMillion() : other.docsPerSecond());
    }
  }

  private static final Table<Summary> TABLE =
      new Table<Summary>()
          .left("id", 31, s -> s.candidate().label())
          .number("chars", 5, 0, Summary::idChars)
          .right("docs/s (rounds)", 17, s -> s.each(IdLoadRun::docsPerSecond, 0))
          .number("docs/s", 7, 0, Summary::docsPerSecond)
          .right("ES CPU-s/1M (rounds)", 20, s -> s.each(IdLoadRun::esCpuPerMillion, 1))
          .number("CPU-s/1M", 8, 1, Summary::cpuPerMillion)
          .number("docs/s÷seq", 10, 2, s -> Summary.ratio(s.docsPerSecond(), s.sequential(), false))
          .number("docs/s÷auto", 11, 2, s -> Summary.ratio(s.docsPerSecond(), s.auto(), false))
          .number("CPU÷seq", 7, 2, s -> Summary.ratio(s.cpuPerMillion(), s.sequential(), true))
          .number("CPU÷auto", 8, 2, s -> Summary.ratio(s.cpuPerMillion(), s.auto(), true));

  private final List<IdLoadRun> runs;

  IdBenchReport(List<IdLoadRun> runs) {
    this.runs = runs;
  }

  List<Summary> summaries(List<IdLoadRun> loads) {
    Summary sequential = summary(loads, IdCandidate.SEQUENTIAL, null, null);
    Summary auto = summary(loads, IdCandidate.AUTO, null, null);
    List<Summary> out = new ArrayList<>();
    for (IdCandidate c : IdCandidate.values()) {
      Summary s = summary(loads, c, sequential, auto);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public void tables(PrintStream out) {
    if (runs.isEmpty()) {
      return;
    }
    out.println();
    out.println(
        "-- Id encodings: docs/s and Elasticsearch CPU seconds per million documents (medians) --");
    TABLE.print(out, summaries(runs));
  }

  @Override
  public void loadFields(IdLoadRun r, Map<String, Object> m) {
    m.put("id_chars", round(r.idChars()));
    m.put("es_cpu_s_per_million", round(r.esCpuPerMillion()));
    if (r.node() != null) {
      m.put("es_gc_ms", r.node().gcMillis());
      m.put("es_merges", r.node().merges());
      m.put("es_merge_ms", r.node().mergeMillis());
      m.put("es_index_ms", r.node().indexMillis());
    }
  }

  @Override
  public List<Map<String, Object>> summaries() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Summary s : summaries(runs)) {
      Map<String, Object> m = ReportWriter.figure("id_candidate");
      m.put("id", s.candidate().label());
      m.put("id_chars", round(s.idChars()));
      m.put("median_docs_per_s", round(s.docsPerSecond()));
      m.put("median_es_cpu_s_per_million", round(s.cpuPerMillion()));
      m.put(
          "docs_per_s_vs_sequential",
          round(Summary.ratio(s.docsPerSecond(), s.sequential(), false)));
      m.put("docs_per_s_vs_auto", round(Summary.ratio(s.docsPerSecond(), s.auto(), false)));
      m.put("es_cpu_vs_sequential", round(Summary.ratio(s.cpuPerMillion(), s.sequential(), true)));
      m.put("es_cpu_vs_auto", round(Summary.ratio(s.cpuPerMillion(), s.auto(), true)));
      out.add(m);
    }
    return out;
  }

  private static Summary summary(
      List<IdLoadRun> loads, IdCandidate candidate, Summary sequential, Summary auto) {
    List<IdLoadRun> mine = loads.stream().filter(r -> r.candidate() == candidate).toList();
    return mine.isEmpty() ? null : new Summary(candidate, mine, sequential, auto);
  }
}
