package dev.sluice.spark.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user job, run once with elasticsearch-hadoop and once with Sluice on the same rows.
 *
 * @param name lower-case letters, digits and single dashes: the index is {@code <side>-<name>}
 * @param rows a Spark SQL query that builds the rows (plain SQL, so that it means the same on Spark
 *     3.5 and 4)
 * @param options the writer's options for every step (connection settings are added by the runner)
 * @param steps what is done, in order
 * @param existingIndex the body of a {@code PUT /<index>} made before the steps, if any
 * @param seed documents indexed before the steps, as {@code id -> source}
 * @param setup requests made before the steps (method, path, body), e.g. a pipeline
 * @param idsCompared whether the rows carry their ids (else ids are the connector's own: random for
 *     elasticsearch-hadoop, a hash for Sluice, and only counts and sources are compared)
 * @param versionsCompared whether documents' {@code _version}s are compared
 * @param resourceSuffix appended to the index name, e.g. a pattern {@code --{tag}}
 * @param settingsOnlyInSparkConf the writer gets no connection options: the session's have them
 */
record Scenario(
    String name,
    String rows,
    Map<String, String> options,
    List<Step> steps,
    Optional<String> existingIndex,
    Map<String, String> seed,
    List<Request> setup,
    boolean idsCompared,
    boolean versionsCompared,
    String resourceSuffix,
    boolean settingsOnlyInSparkConf) {

  /** A request to the node. */
  record Request(String method, String path, String body) {}

  static Builder named(String name) {
    return new Builder(name);
  }

  /** Builds a scenario; one {@code append} step unless steps are given. */
  static final class Builder {
    private final String name;
    private String rows;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private Optional<String> existingIndex = Optional.empty();
    private final Map<String, String> seed = new LinkedHashMap<>();
    private final List<Request> setup = new ArrayList<>();
    private boolean idsCompared;
    private boolean versionsCompared;
    private String resourceSuffix = "";
    private boolean settingsOnlyInSparkConf;

    private Builder(String name) {
      if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException("not a scenario name: " + name);
      }
      this.name = name;
    }

    Builder rows(String sql) {
      this.rows = sql;
      return this;
    }

    Builder option(String key, String value) {
      options.put(key, value);
      return this;
    }

    /** {@code es.mapping.id}, and ids compared. */
    Builder id(String column) {
      idsCompared = true;
      return option("es.mapping.id", column);
    }

    Builder steps(Step... more) {
      steps.addAll(List.of(more));
      return this;
    }

    Builder existingIndex(String body) {
      existingIndex = Optional.of(body);
      return this;
    }

    Builder seed(String id, String source) {
      seed.put(id, source);
      return this;
    }

    Builder setup(String method, String path, String body) {
      setup.add(new Request(method, path, body));
      return this;
    }

    Builder versionsCompared() {
      versionsCompared = true;
      return this;
    }

    Builder resourceSuffix(String suffix) {
      resourceSuffix = suffix;
      return this;
    }

    Builder settingsOnlyInSparkConf() {
      settingsOnlyInSparkConf = true;
      return this;
    }

    Scenario build() {
      if (rows == null) {
        throw new IllegalStateException(name + ": no rows");
      }
      List<Step> all = steps.isEmpty() ? List.of(Step.save("append")) : List.copyOf(steps);
      return new Scenario(
          name,
          rows,
          Map.copyOf(options),
          all,
          existingIndex,
          Map.copyOf(seed),
          List.copyOf(setup),
          idsCompared,
          versionsCompared,
          resourceSuffix,
          settingsOnlyInSparkConf);
    }
  }
}
