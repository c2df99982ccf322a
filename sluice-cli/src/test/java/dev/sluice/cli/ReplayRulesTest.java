package dev.sluice.cli;

import static dev.sluice.cli.ReplayRecords.formatOne;
import static dev.sluice.cli.ReplayRecords.of;
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
