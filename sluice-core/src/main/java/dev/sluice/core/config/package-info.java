/**
 * Option parsing: every key declared once in {@link dev.sluice.core.config.ConfigKeys}, parsed once
 * into immutable typed records. Internal to Sluice: public only so {@code dev.sluice.core} can use
 * it.
 */
package dev.sluice.core.config;
