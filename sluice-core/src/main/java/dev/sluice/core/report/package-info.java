/**
 * What a run did: the table of counters ({@link dev.sluice.core.report.Counter}) behind the one
 * snapshot type {@link dev.sluice.core.LoadCounters}, the engine's live {@link
 * dev.sluice.core.report.Counters}, how a run ended ({@link dev.sluice.core.report.RunEnding}) and
 * the JSON run report ({@link dev.sluice.core.report.RunReport}, {@link
 * dev.sluice.core.report.RunReportWriter}).
 */
package dev.sluice.core.report;
