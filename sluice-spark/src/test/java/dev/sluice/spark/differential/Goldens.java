package dev.sluice.spark.differential;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * elasticsearch-hadoop's results, recorded by {@code EsHadoopDifferentialIT} on Spark 3.5 and read
 * by {@code Spark4ScenarioIT}, one JSON file per scenario under this package's {@code golden/}
 * resources. To record them again: {@code mvn -B -ntp verify -Pspark35 -pl sluice-spark -am
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=EsHadoopDifferentialIT
 * -Dsluice.differential.record=true}, with {@code -Dsluice.differential.scenarios=a,b} for only
 * those.
 */
final class Goldens {
  static final String RECORD_PROPERTY = "sluice.differential.record";

  /** Relative to the module, where failsafe runs. */
  private static final Path SOURCE_DIR =
      Paths.get("src/test/resources/dev/sluice/spark/differential/golden");

  /**
   * @param snapshot what elasticsearch-hadoop left
   * @param prepared the index as its {@link Step.Writer#ES_HADOOP} steps left it, or null
   */
  record Golden(Snapshot snapshot, IndexReader.PreparedIndex prepared) {}

  private Goldens() {}

  static boolean recording() {
    return Boolean.getBoolean(RECORD_PROPERTY);
  }

  static Golden read(String scenario) {
    String resource = "golden/" + scenario + ".json";
    try (InputStream in = Goldens.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "no golden result for " + scenario + " (" + resource + "): record it, see Goldens");
      }
      return Canonical.JSON.readValue(in, Golden.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static void write(String scenario, Golden golden) {
    Path file = SOURCE_DIR.resolve(scenario + ".json");
    try {
      Files.createDirectories(SOURCE_DIR);
      Files.writeString(
          file,
          Canonical.JSON
                  .copy()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(golden)
              + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
