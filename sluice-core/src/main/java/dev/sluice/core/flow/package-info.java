/** Adaptive batch size and concurrency. Internal to Sluice. */
package dev.sluice.core.flow;
