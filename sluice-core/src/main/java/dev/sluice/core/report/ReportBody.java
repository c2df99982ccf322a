package dev.sluice.core.report;

import static dev.sluice.core.report.Html.text;
import static dev.sluice.core.report.ReportHtml.number;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The visible part of a report page: every string escaped, charts as holders the script fills. */
final class ReportBody {
  private final ReportPage page;
  private final List<ReportCharts.Chart> charts;
  private final StringBuilder out = new StringBuilder();

  ReportBody(ReportPage page, List<ReportCharts.Chart> charts) {
    this.page = page;
    this.charts = charts;
  }

  String html() {
    banner();
    counts();
    speed();
    overTime();
    deadLetters();
    breakdowns();
    options();
    return out.toString();
  }

  private void banner() {
    out.append("<h1>Sluice load ")
        .append(text(page.job()))
        .append(" into ")
        .append(text(page.index()))
        .append("</h1>\n");
    out.append("<section class=\"banner ")
        .append(page.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .append("\" id=\"outcome\"><h2>")
        .append(text(page.headline()))
        .append("</h2>");
    if (page.cause() != null) {
      out.append("<p class=\"cause\">Why: ").append(text(page.cause())).append("</p>");
    }
    out.append("<p>")
        .append(page.reconciles() ? "Reconciles: " : "Does not reconcile: ")
        .append(text(page.reconciliation()))
        .append("</p>");
    paragraph("warning", page.warning());
    paragraph("checkpoint", page.checkpoint() == null ? null : "Checkpoint: " + page.checkpoint());
    out.append("<p>From ")
        .append(text(page.started().toString()))
        .append(" to ")
        .append(text(page.ended().toString()))
        .append(".</p></section>\n");
  }

  private void counts() {
    out.append("<section id=\"counts\"><h2>Counts</h2>");
    table(List.of("counter", "value"), page.counts());
    out.append("</section>\n");
  }

  private void speed() {
    out.append("<section id=\"speed\"><h2>Speed</h2><p>")
        .append(number(page.docsPerSecond()))
        .append(" documents settled per second over ")
        .append(number(page.elapsedSeconds()))
        .append(" s.</p>");
    List<ReportPage.Task> tasks = page.tasks();
    if (tasks.isEmpty()) {
      out.append("<p>This report has no timeline (schema ")
          .append(page.schemaVersion())
          .append(", or no task reported).</p>");
    }
    charts(ReportCharts.Section.SPEED);
    if (!tasks.isEmpty()) {
      timeline(tasks);
    }
    out.append("</section>\n");
  }

  private void overTime() {
    out.append("<section id=\"over-time\"><h2>Over time</h2>");
    if (page.buckets().isEmpty()) {
      out.append("<p>This report has no series (schema ")
          .append(page.schemaVersion())
          .append(", or nothing was sampled).</p>");
    } else {
      out.append("<p>All writers together, in buckets of ")
          .append(number(page.bucketSeconds()))
          .append(" s from the run's start.</p>");
    }
    charts(ReportCharts.Section.OVER_TIME);
    out.append("</section>\n");
  }

  private void timeline(List<ReportPage.Task> tasks) {
    Set<String> figures = new LinkedHashSet<>();
    for (ReportPage.Task t : tasks) {
      t.counters().forEach((k, v) -> figures.add(k));
    }
    // Columns only for what some task counted, so a wide table of zeros does not hide the rest.
    figures.removeIf(k -> tasks.stream().allMatch(t -> t.counters().getOrDefault(k, 0L) == 0));
    out.append("<table class=\"timeline\"><thead><tr>");
    for (String h : List.of("partition", "attempt", "started", "seconds", "settled", "docs/s")) {
      out.append("<th>").append(h).append("</th>");
    }
    figures.forEach(f -> out.append("<th>").append(text(ReportPage.words(f))).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (ReportPage.Task t : tasks) {
      out.append("<tr>");
      cell(String.valueOf(t.partition()));
      cell(String.valueOf(t.attempt()));
      cell(t.started().toString());
      cell(number(t.elapsedSeconds()));
      cell(number(t.settled()));
      cell(number(t.docsPerSecond()));
      figures.forEach(f -> cell(number(t.counters().getOrDefault(f, 0L))));
      out.append("</tr>");
    }
    out.append("</tbody></table>");
  }

  private void deadLetters() {
    out.append("<section id=\"dead-letters\"><h2>Dead letters</h2>");
    if (page.deadLetterLocation() != null) {
      out.append("<p>Written under <code>")
          .append(text(page.deadLetterLocation()))
          .append("</code>.</p>");
    }
    if (!page.deadLetterFiles().isEmpty()) {
      out.append("<ul class=\"files\">");
      page.deadLetterFiles()
          .forEach(f -> out.append("<li><code>").append(text(f)).append("</code></li>"));
      out.append("</ul>");
    }
    charts(ReportCharts.Section.DEAD_LETTERS);
    page.breakdowns()
        .forEach(
            (name, values) -> {
              if (ReportPage.isAboutDeadLetters(name)) {
                out.append("<h3>").append(text(ReportPage.words(name))).append("</h3>");
                table(List.of("", "documents"), values);
              }
            });
    samples();
    out.append("</section>\n");
  }

  private void samples() {
    Map<String, List<Map<String, String>>> samples = page.deadLetterSamples();
    if (samples.isEmpty()) {
      return;
    }
    out.append("<h3>Sample dead letters</h3><p>The first of each reason; the files hold all.</p>");
    List<String> columns = SampleRows.COLUMNS;
    samples.forEach(
        (reason, rows) -> {
          out.append("<h4>")
              .append(text(reason))
              .append("</h4><table class=\"samples\"><thead><tr>");
          columns.forEach(c -> out.append("<th>").append(c).append("</th>"));
          out.append("</tr></thead><tbody>");
          for (Map<String, String> row : rows) {
            out.append("<tr>");
            columns.forEach(c -> cell(row.get(c)));
            out.append("</tr>");
          }
          out.append("</tbody></table>");
        });
  }

  private void breakdowns() {
    if (charts.stream().noneMatch(c -> c.section() == ReportCharts.Section.BREAKDOWNS)) {
      return;
    }
    out.append("<section id=\"breakdowns\"><h2>Breakdowns</h2>");
    charts(ReportCharts.Section.BREAKDOWNS);
    out.append("</section>\n");
  }

  private void options() {
    out.append("<section id=\"options\"><h2>Options</h2><p>Secrets are redacted.</p>");
    table(List.of("option", "value"), page.options());
    out.append("</section>\n");
  }

  private void charts(ReportCharts.Section section) {
    for (ReportCharts.Chart c : charts) {
      if (c.section() == section) {
        out.append("<figure class=\"chart\" id=\"chart-")
            .append(text(c.id()))
            .append("\"><figcaption>")
            .append(text(c.title()))
            .append("</figcaption></figure>");
      }
    }
  }

  private void table(List<String> headers, Map<String, ?> rows) {
    if (rows.isEmpty()) {
      out.append("<p>None.</p>");
      return;
    }
    out.append("<table><thead><tr>");
    headers.forEach(h -> out.append("<th>").append(text(h)).append("</th>"));
    out.append("</tr></thead><tbody>");
    rows.forEach(
        (k, v) -> {
          out.append("<tr>");
          cell(k);
          cell(v instanceof Long n ? number(n) : String.valueOf(v));
          out.append("</tr>");
        });
    out.append("</tbody></table>");
  }

  private void cell(String value) {
    out.append("<td>").append(text(value)).append("</td>");
  }

  private void paragraph(String cssClass, String value) {
    if (value != null) {
      out.append("<p class=\"").append(cssClass).append("\">").append(text(value)).append("</p>");
    }
  }
}
