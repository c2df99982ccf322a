/** HTTP to the cluster through the Elasticsearch low-level REST client. Internal to Sluice. */
package dev.sluice.core.transport;
