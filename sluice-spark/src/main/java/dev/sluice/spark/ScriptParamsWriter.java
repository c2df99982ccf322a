package dev.sluice.spark;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sluice.core.config.ConfigKeys;
import dev.sluice.core.config.ScriptParams;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Writes each row's {@code params} object of a scripted update from {@code es.update.script.params}
 * ({@code name:column} and {@code name:<constant>} pairs): the columns' values as the document body
 * writes them (a null value is left out, and reads as null in the script), then the constants.
 */
final class ScriptParamsWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<FieldPath> columns;
  private final RowJsonWriter json;
  private final byte[] constants;

  private ScriptParamsWriter(List<FieldPath> columns, RowJsonWriter json, byte[] constants) {
    this.columns = columns;
    this.json = json;
    this.constants = constants;
  }

  /** Resolves the columns now; throws naming the option and the column when one is missing. */
  static ScriptParamsWriter resolve(String spec, StructType schema) {
    String option = ConfigKeys.UPDATE_SCRIPT_PARAMS.name();
    List<FieldPath> columns = new ArrayList<>();
    StructType params = new StructType();
    StringBuilder constants = new StringBuilder();
    for (ScriptParams.Param p : ScriptParams.parse(spec)) {
      if (p.column() == null) {
        constants.append('"').append(JsonStringEncoder.getInstance().quoteAsString(p.name()));
        constants.append("\":").append(p.constantJson());
        constants.append(',');
      } else {
        FieldPath column = FieldPath.resolveAnyType(schema, p.column(), option);
        columns.add(column);
        params = params.add(p.name(), column.type(), true);
      }
    }
    return new ScriptParamsWriter(
        List.copyOf(columns),
        new RowJsonWriter(params),
        constants.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** This row's params object, as JSON. */
  byte[] paramsOf(InternalRow row) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = columns.get(i).valueOf(row);
    }
    byte[] fromColumns = json.toJson(new GenericInternalRow(values));
    if (constants.length == 0) {
      return fromColumns;
    }
    // {"a":1} + "k":5, -> {"a":1,"k":5}
    ByteArrayOutputStream out = new ByteArrayOutputStream(fromColumns.length + constants.length);
    out.write(fromColumns, 0, fromColumns.length - 1);
    if (fromColumns.length > 2) {
      out.write(',');
    }
    out.write(constants, 0, constants.length - 1);
    out.write('}');
    return out.toByteArray();
  }
}
