package dev.sluice.core.config;

import java.io.Serializable;

/**
 * What each bulk action carries beyond index, id and routing, as elasticsearch-hadoop sends it.
 *
 * @param pipeline the ingest pipeline of index/create actions ({@code es.ingest.pipeline}), or null
 * @param versionField the column giving each document's version ({@code es.mapping.version}), or
 *     null
 * @param versionType {@code es.mapping.version.type}; {@code internal} sends no version at all
 * @param joinField the join field column ({@code es.mapping.join}), or null
 * @param script the script of scripted updates/upserts, or null
 * @param retryOnConflict {@code retry_on_conflict} of update/upsert actions; 0 sends none
 */
public record ActionOptions(
    String pipeline,
    String versionField,
    String versionType,
    String joinField,
    UpdateScript script,
    int retryOnConflict)
    implements Serializable {

  /** Plain actions: no pipeline, version, join, script or retry_on_conflict. */
  public static final ActionOptions NONE = new ActionOptions(null, null, "external", null, null, 0);

  /** The column whose value becomes each action's {@code version}, or null when none is sent. */
  public String sentVersionField() {
    return "internal".equals(versionType) ? null : versionField;
  }
}
