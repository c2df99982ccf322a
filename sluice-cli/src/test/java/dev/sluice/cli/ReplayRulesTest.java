package dev.sluice.cli;

import static dev.sluice.cli.ReplayRecords.formatOne;
import static dev.sluice.cli.ReplayRecords.formatTwo;
import static dev.sluice.cli.ReplayRecords.of;
import static dev.sluice.cli.ReplayRecords.piped;
import static dev.sluice.cli.ReplayRecords.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.deadletter.DeadLetterRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayRulesTest {
  private static final DeadLetterRecord SCRIPTED = of("i", "update", null, null, null, "{}");
  private static final DeadLetterRecord PARTIAL = plain("i", "update");

  @Test
  void theVersionTypeIsTheOneTheVersionsWereSentWith() {
    assertThat(ReplayRules.versionType(List.of(plain("i", "index")))).isNull();
    assertThat(
            ReplayRules.versionType(
                List.of(plain("i", "index"), of("i", "index", null, 3L, "external_gte", null))))
        .isEqualTo("external_gte");
    assertThatThrownBy(
            () ->
                ReplayRules.versionType(
                    List.of(
                        of("i", "index", null, 3L, "external", null),
                        of("i", "index", null, 4L, "external_gte", null))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("[external, external_gte]");
  }

  @Test
  void thePipelineIsTheOneTheIndexAndCreateActionsNamed() {
    record Case(List<DeadLetterRecord> records, String pipeline, String refusal) {}
    for (Case c :
        List.of(
            new Case(List.of(piped("index", null)), null, null),
            new Case(List.of(piped("index", "p1"), piped("create", "p1")), "p1", null),
            // update, upsert and delete run no pipeline: what they named does not matter
            new Case(List.of(piped("index", "p1"), plain("logs", "update")), "p1", null),
            new Case(List.of(piped("index", "p1"), plain("logs", "delete")), "p1", null),
            // a record that does not say is not evidence either way
            new Case(List.of(piped("index", "p1"), formatTwo("index")), "p1", null),
            new Case(List.of(formatTwo("create"), formatOne("logs", "index")), null, null),
            new Case(List.of(piped("index", "p1"), piped("index", "p2")), null, "[p1, p2]"),
            new Case(
                List.of(piped("index", "p1"), piped("create", null)),
                null,
                "[p1] and 1 through none"))) {
      if (c.refusal() == null) {
        assertThat(ReplayRules.pipeline(c.records())).as(c.toString()).isEqualTo(c.pipeline());
      } else {
        assertThatThrownBy(() -> ReplayRules.pipeline(c.records()))
            .as(c.toString())
            .isInstanceOf(UsageException.class)
            .hasMessageContaining(c.refusal());
      }
    }
  }

  @Test
  void indexAndCreateRecordsOfFormatTwoDoNotSayWhichPipelineTheyNamed() {
    assertThat(
            ReplayRules.withoutKnownPipeline(
                List.of(
                    formatTwo("index"),
                    formatTwo("create"),
                    formatTwo("update"),
                    piped("index", null),
                    formatOne("logs", "index"))))
        .isEqualTo(3);
  }

  @Test
  void aScriptMustMatchWhatTheRecordsRan() {
    record Case(DeadLetterRecord record, boolean scripted, String refusal) {}
    for (Case c :
        List.of(
            new Case(SCRIPTED, false, "no script is set"),
            new Case(SCRIPTED, true, null),
            new Case(PARTIAL, true, "partial-document updates"),
            new Case(PARTIAL, false, null),
            new Case(plain("i", "upsert"), true, "partial-document updates"),
            new Case(plain("i", "index"), true, null),
            new Case(formatOne("i", "update"), true, null))) {
      if (c.refusal() == null) {
        assertThatCode(() -> ReplayRules.checkScript(List.of(c.record()), c.scripted()))
            .as(c.toString())
            .doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> ReplayRules.checkScript(List.of(c.record()), c.scripted()))
            .as(c.toString())
            .isInstanceOf(UsageException.class)
            .hasMessageContaining(c.refusal())
            .hasMessageContaining("es.update.script.inline");
      }
    }
  }

  @Test
  void theTargetsAreTheRecordsIndicesOrTheOneGiven() {
    List<DeadLetterRecord> records = List.of(plain("logs-b", "index"), plain("logs-a", "index"));
    assertThat(ReplayRules.targets(records, null)).containsExactly("logs-a", "logs-b");
    assertThat(ReplayRules.targets(records, "orders-v2")).containsExactly("orders-v2");
  }
}
