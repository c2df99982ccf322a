package dev.sluice.core.config;

import dev.sluice.core.OpType;
import java.io.Serializable;

/** Where and how documents are written. index and idField may be null. */
public record WriteSettings(String index, String idField, OpType op, boolean indexAutoCreate)
    implements Serializable {}
