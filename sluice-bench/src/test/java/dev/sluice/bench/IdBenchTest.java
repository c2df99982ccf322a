package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdBenchTest {
  @Test
  void readsItsFlagsAndDefaultsToAMillionDocumentsTwice() {
    assertThat(IdBenchOptions.parse(new String[0]))
        .isEqualTo(new IdBenchOptions(1_000_000, 2, 200_000));
    assertThat(
            IdBenchOptions.parse(new String[] {"--docs=3_000", "--runs", "3", "--warm-up-docs=7"}))
        .isEqualTo(new IdBenchOptions(3000, 3, 7));
    assertThatThrownBy(() -> IdBenchOptions.parse(new String[] {"--option", "a=b"}))
        .hasMessageContaining("--option");
  }

  @Test
  void eachCandidateGivesIdsOfItsShapeAndDistinctIdsToDistinctDocuments() {
    int count = 64;
    byte[][] sources = new byte[count][];
    for (int n = 0; n < count; n++) {
      sources[n] = DocumentGenerator.source(n);
    }
    assertThat(IdCandidate.SEQUENTIAL.ids(sources, count)[5]).isEqualTo("d-5");
    assertThat(IdCandidate.AUTO.ids(sources, count)).containsOnlyNulls();
    assertThat(IdCandidate.HEX.ids(sources, count)).allMatch(id -> id.matches("[0-9a-f]{64}"));
    assertThat(IdCandidate.BASE64URL.ids(sources, count))
        .allMatch(id -> id.matches("[A-Za-z0-9_-]{43}"));
    assertThat(IdCandidate.BASE64URL_128.ids(sources, count))
        .allMatch(id -> id.matches("[A-Za-z0-9_-]{22}"));
    String[] prefixed = IdCandidate.PARTITION_PREFIX_128.ids(sources, count);
    assertThat(prefixed[0]).startsWith("pA").hasSize(24);
    assertThat(prefixed[count - 1]).startsWith("p" + (char) ('A' + IdCandidate.PARTITIONS - 1));
    assertThat(prefixed[0].substring(2)).isEqualTo(IdCandidate.BASE64URL_128.ids(sources, 1)[0]);
    for (IdCandidate c : List.of(IdCandidate.HEX, IdCandidate.PARTITION_PREFIX_128)) {
      assertThat(Arrays.stream(c.ids(sources, count)).distinct().count()).isEqualTo(count);
    }
    assertThat(IdCandidate.averageLength(IdCandidate.HEX.ids(sources, count))).isEqualTo(64);
  }

  @Test
  void everyOtherRoundReversesTheOrder() {
    assertThat(IdBenchMain.order(1)).containsExactly(IdCandidate.values());
    assertThat(IdBenchMain.order(2).get(0)).isEqualTo(IdCandidate.PARTITION_PREFIX_128);
    assertThat(IdBenchMain.order(2)).containsExactlyInAnyOrder(IdCandidate.values());
  }
}
