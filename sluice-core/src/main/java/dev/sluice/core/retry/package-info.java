/**
 * Failure classification, backoff and budgets. Internal to Sluice: public only so other core
 * packages can use it.
 */
package dev.sluice.core.retry;
