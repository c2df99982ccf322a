package dev.sluice.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SharedDeadLetterPathTest {

  @ParameterizedTest
  @CsvSource({
    "./sluice-deadletter, yarn",
    "dead, spark://host:7077",
    "file:dead, k8s://https://host",
    "./sluice-deadletter, local-cluster[2,1,1024]",
  })
  void aPathOnEachExecutorsOwnDiskIsRefusedOnACluster(String path, String master) {
    assertThatThrownBy(() -> SharedDeadLetterPath.require(path, master))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sluice.deadletter.path is " + path)
        .hasMessageContaining("master " + master)
        .hasMessageContaining("dbfs:/");
  }

  @ParameterizedTest
  @CsvSource({
    "./sluice-deadletter, local",
    "./sluice-deadletter, local[4]",
    "dead, local[2,2]",
    "dbfs:/sluice/dead, yarn",
    "s3a://bucket/dead, spark://host:7077",
    "/dbfs/sluice/dead, yarn",
    "file:///mnt/shared/dead, yarn",
  })
  void inTheDriverJvmOrOnASharedPathItIsFine(String path, String master) {
    assertThatCode(() -> SharedDeadLetterPath.require(path, master)).doesNotThrowAnyException();
  }
}
