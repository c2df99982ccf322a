package dev.sluice.core.config;

import java.io.Serializable;

/**
 * The script of scripted updates and upserts ({@code es.update.script.*}).
 *
 * @param stored true: {@code code} is the id of a stored script; false: its source
 * @param lang the script language, or null for the cluster's default
 * @param params {@code name:column} / {@code name:<constant>} pairs as given, or null; the writer
 *     resolves the columns against its schema
 * @param paramsJson one JSON object of params for every document, or null
 * @param scriptedUpsert with upsert: send {@code scripted_upsert}, so the script creates documents
 */
public record UpdateScript(
    boolean stored,
    String code,
    String lang,
    String params,
    String paramsJson,
    boolean scriptedUpsert)
    implements Serializable {}
