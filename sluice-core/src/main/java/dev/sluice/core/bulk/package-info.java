/**
 * Batching, NDJSON bodies, response parsing and the writer loop. {@link
 * dev.sluice.core.bulk.BulkEngine} is what {@code BulkLoader} runs; the rest is package-private.
 */
package dev.sluice.core.bulk;
