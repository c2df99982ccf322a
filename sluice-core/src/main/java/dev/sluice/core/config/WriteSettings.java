package dev.sluice.core.config;

import dev.sluice.core.OpType;
import java.io.Serializable;

/**
 * Where and how documents are written. index, idField and routingField may be null.
 *
 * @param routingField the column giving each document's routing value (es.mapping.routing)
 * @param refresh whether the driver refreshes the index once the job committed
 *     (es.batch.write.refresh)
 * @param actions what each action carries beyond index, id and routing (pipeline, version, script)
 */
public record WriteSettings(
    String index,
    String idField,
    String routingField,
    OpType op,
    boolean indexAutoCreate,
    boolean refresh,
    ActionOptions actions)
    implements Serializable {

  /** True when {@link #index} is a pattern ({@code {field}}): each document names its index. */
  public boolean indexPattern() {
    return index != null && IndexNames.isPattern(index);
  }
}
