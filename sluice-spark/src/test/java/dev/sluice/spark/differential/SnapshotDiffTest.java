package dev.sluice.spark.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
  private static final Scenario WITH_IDS = Scenario.named("s").rows("SELECT 1").id("id").build();
  private static final Scenario WITHOUT_IDS = Scenario.named("s").rows("SELECT 1").build();

  private static Snapshot snapshot(String outcome, Snapshot.Doc... docs) {
    return new Snapshot(
        List.of(outcome),
        List.of(""),
        Map.of("", new Snapshot.IndexState(docs.length, Map.of("a", "long"), List.of(docs))));
  }

  private static Snapshot.Doc doc(String id, String source) {
    return new Snapshot.Doc(id, null, null, source);
  }

  @Test
  void theSameResultHasNoDifference() {
    Snapshot one = snapshot(Snapshot.SUCCESS, doc("1", "{\"a\":1}"));
    assertThat(SnapshotDiff.between(WITH_IDS, one, one).isEmpty()).isTrue();
  }

  @Test
  void namesEachAspectThatDiffers() {
    Snapshot esHadoop = snapshot(Snapshot.SUCCESS, doc("1", "{\"a\":1}"), doc("2", "{\"a\":2}"));
    Snapshot sluice = snapshot(Snapshot.FAILURE, doc("1", "{\"a\":3}"));

    SnapshotDiff diff = SnapshotDiff.between(WITH_IDS, esHadoop, sluice);

    assertThat(diff.aspects())
        .containsExactlyInAnyOrder(Aspect.OUTCOME, Aspect.COUNT, Aspect.IDS, Aspect.SOURCES);
    assertThat(diff.toString()).contains("id 2 only in es-hadoop").contains("{\"a\":3}");
    assertThat(diff.without(Set.of(Aspect.OUTCOME, Aspect.COUNT, Aspect.IDS)).aspects())
        .containsExactly(Aspect.SOURCES);
  }

  @Test
  void withoutIdsComparesSourcesAsAMultiset() {
    Snapshot twice = snapshot(Snapshot.SUCCESS, doc(null, "{\"a\":1}"), doc(null, "{\"a\":1}"));
    Snapshot once = snapshot(Snapshot.SUCCESS, doc(null, "{\"a\":1}"));

    SnapshotDiff diff = SnapshotDiff.between(WITHOUT_IDS, twice, once);

    assertThat(diff.aspects()).containsExactlyInAnyOrder(Aspect.COUNT, Aspect.SOURCES);
    assertThat(diff.toString()).contains("only es-hadoop wrote {\"a\":1}");
  }

  @Test
  void anIndexOnOneSideOnlyIsADifference() {
    Snapshot written = snapshot(Snapshot.SUCCESS);
    Snapshot none = new Snapshot(List.of(Snapshot.SUCCESS), List.of(""), Map.of());
    assertThat(SnapshotDiff.between(WITH_IDS, written, none).aspects())
        .containsExactly(Aspect.INDICES);
  }
}
