/**
 * Document id strategies: from a field, from several fields, from a hash of the content, or left to
 * Elasticsearch. Deterministic ids are what make a resumed load duplicate-free. {@link
 * dev.sluice.core.id.IdStrategy} is the API; its implementations are package-private.
 */
package dev.sluice.core.id;
