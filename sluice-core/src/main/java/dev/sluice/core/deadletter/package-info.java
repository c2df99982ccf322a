/** The dead-letter store: where rejected documents go, with their reason. Internal to Sluice. */
package dev.sluice.core.deadletter;
