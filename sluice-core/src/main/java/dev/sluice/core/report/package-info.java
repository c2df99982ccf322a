/** Counters, latency histogram and the JSON run report. Internal to Sluice. */
package dev.sluice.core.report;
