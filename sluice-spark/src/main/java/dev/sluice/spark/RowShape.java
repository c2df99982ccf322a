package dev.sluice.spark;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a row's document looks like besides its values, resolved on the driver: which fields are
 * written ({@code es.mapping.include}/{@code exclude}), whether null fields are written as JSON
 * null ({@code es.spark.dataframe.write.null}), and how each timestamp and date column is written
 * ({@link DateColumns}).
 *
 * @param dates outputs by the column's dotted mapping path; columns not listed use {@code newDates}
 * @param zone the time zone a date's epoch milliseconds start the day in (the driver's, as
 *     elasticsearch-hadoop uses the JVM's)
 */
record RowShape(
    FieldFilter filter,
    boolean writeNull,
    Map<String, DateOutput> dates,
    DateOutput newDates,
    String zone)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every field, nulls left out, dates as ISO-8601: the shape when no option says otherwise. */
  static final RowShape DEFAULT =
      new RowShape(FieldFilter.ALL, false, Map.of(), DateOutput.ISO, "UTC");

  RowShape {
    dates = Map.copyOf(dates);
  }

  DateOutput dateAt(String mappingPath) {
    return dates.getOrDefault(mappingPath, newDates);
  }

  ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  /**
   * What differs from the default, for the job's checkpoint: a resume that would write other
   * documents is refused. Empty for the default shape, so older checkpoints stay valid.
   */
  Map<String, String> describe() {
    Map<String, String> shape = new TreeMap<>();
    if (!filter.includes().isEmpty()) {
      shape.put("include", String.join(",", filter.includes()));
    }
    if (!filter.excludes().isEmpty()) {
      shape.put("exclude", String.join(",", filter.excludes()));
    }
    if (writeNull) {
      shape.put("write_null", "true");
    }
    StringBuilder dateOutputs = new StringBuilder();
    new TreeMap<>(dates)
        .forEach(
            (path, output) -> {
              if (output.kind() != DateOutput.Kind.ISO) {
                dateOutputs.append(dateOutputs.length() == 0 ? "" : ",");
                dateOutputs.append(path).append('=').append(output.describe());
              }
            });
    if (dateOutputs.length() > 0) {
      shape.put("dates", dateOutputs.toString());
    }
    if (newDates.kind() != DateOutput.Kind.ISO) {
      shape.put("new_dates", newDates.describe());
    }
    return shape;
  }
}
