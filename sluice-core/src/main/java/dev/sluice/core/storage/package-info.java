/**
 * Durable storage behind one small interface, so the engine runs without Hadoop; the Spark module
 * adds a Hadoop FileSystem implementation. Internal to Sluice.
 */
package dev.sluice.core.storage;
