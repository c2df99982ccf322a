/**
 * What a run did: the table of counters ({@link dev.sluice.core.report.Counter}) behind the one
 * snapshot type {@link dev.sluice.core.LoadCounters}, the engine's live {@link
 * dev.sluice.core.report.Counters} (which also sample what happens over time into a {@link
 * dev.sluice.core.report.TimeSeries} and keep {@link dev.sluice.core.report.DeadLetterSamples}),
 * how a run ended ({@link dev.sluice.core.report.RunEnding}) and the JSON run report ({@link
 * dev.sluice.core.report.RunReport} with its timeline of {@link dev.sluice.core.report.TaskRun}s,
 * {@link dev.sluice.core.report.RunReportWriter}) and the page written beside it (report.html:
 * {@code ReportPage}, {@code ReportCharts}, {@code SeriesCharts}, {@code ReportBody}, drawn by the
 * uPlot copied from its WebJar at build time).
 */
package dev.sluice.core.report;
