package dev.sluice.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The series a report page draws, computed from the report's JSON so the page's script only plots
 * them: throughput over time from the timeline, docs/s per partition, and one bar chart per
 * breakdown the counters hold (dead letters by reason, by index, whatever they carry).
 */
final class ReportCharts {
  /** Where a chart goes on the page. */
  enum Section {
    SPEED,
    OVER_TIME,
    DEAD_LETTERS,
    BREAKDOWNS
  }

  /** One series of values, one per x. */
  record Series(String label, List<Double> values) {}

  /**
   * One chart: {@code steps} plots series over x (seconds since the run started), {@code bars}
   * plots one bar per label (x is the label's position).
   *
   * @param sameScale the series share one y axis (counts of one kind), else each has its own
   */
  record Chart(
      String id,
      Section section,
      String title,
      String kind,
      String xLabel,
      List<Double> x,
      List<String> labels,
      List<Series> series,
      boolean sameScale) {}

  private ReportCharts() {}

  static List<Chart> of(ReportPage page) {
    List<Chart> charts = new ArrayList<>();
    List<ReportPage.Task> tasks = page.tasks();
    if (!tasks.isEmpty()) {
      charts.add(throughput(page.started(), tasks));
      charts.add(
          bars(
              "partition-speed",
              Section.SPEED,
              "docs/s per partition",
              tasks.stream().map(ReportPage.Task::name).toList(),
              "docs/s",
              tasks.stream().map(ReportPage.Task::docsPerSecond).toList()));
    }
    charts.addAll(SeriesCharts.of(page.buckets(), page.bucketSeconds()));
    int n = 0;
    for (Map.Entry<String, Map<String, Long>> b : page.breakdowns().entrySet()) {
      if (b.getValue().isEmpty()) {
        continue;
      }
      Section section =
          ReportPage.isAboutDeadLetters(b.getKey()) ? Section.DEAD_LETTERS : Section.BREAKDOWNS;
      charts.add(
          bars(
              "breakdown-" + n++,
              section,
              ReportPage.words(b.getKey()),
              List.copyOf(b.getValue().keySet()),
              "documents",
              b.getValue().values().stream().map(Long::doubleValue).toList()));
    }
    return charts;
  }

  /**
   * Documents settled per second and tasks running, as steps between the moments a task started or
   * ended; each task is taken to settle its documents evenly while it ran.
   */
  static Chart throughput(Instant runStart, List<ReportPage.Task> tasks) {
    Instant origin = runStart;
    for (ReportPage.Task t : tasks) {
      origin = t.started().isBefore(origin) ? t.started() : origin;
    }
    TreeSet<Double> moments = new TreeSet<>();
    for (ReportPage.Task t : tasks) {
      moments.add(seconds(origin, t.started()));
      moments.add(seconds(origin, t.ended()));
    }
    List<Double> x = List.copyOf(moments);
    List<Double> rate = new ArrayList<>();
    List<Double> running = new ArrayList<>();
    for (double at : x) {
      double docs = 0;
      double count = 0;
      for (ReportPage.Task t : tasks) {
        if (seconds(origin, t.started()) <= at && at < seconds(origin, t.ended())) {
          docs += t.docsPerSecond();
          count++;
        }
      }
      rate.add(Math.round(docs * 10) / 10.0);
      running.add(count);
    }
    return new Chart(
        "throughput",
        Section.SPEED,
        "throughput over time",
        "steps",
        "seconds since the run started",
        x,
        List.of(),
        List.of(new Series("docs/s", rate), new Series("tasks running", running)),
        false);
  }

  private static Chart bars(
      String id,
      Section section,
      String title,
      List<String> labels,
      String seriesLabel,
      List<Double> values) {
    List<Double> x = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      x.add((double) i);
    }
    return new Chart(
        id, section, title, "bars", "", x, labels, List.of(new Series(seriesLabel, values)), false);
  }

  private static double seconds(Instant origin, Instant at) {
    return Duration.between(origin, at).toMillis() / 1000.0;
  }
}
