package dev.sluice.core.config;

import dev.sluice.core.OpType;
import java.io.Serializable;

/**
 * Where and how documents are written. index, idField and routingField may be null.
 *
 * @param routingField the column giving each document's routing value (es.mapping.routing)
 * @param refresh whether the driver refreshes the index once the job committed
 *     (es.batch.write.refresh)
 */
public record WriteSettings(
    String index,
    String idField,
    String routingField,
    OpType op,
    boolean indexAutoCreate,
    boolean refresh)
    implements Serializable {}
