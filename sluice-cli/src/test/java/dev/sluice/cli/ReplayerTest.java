package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import org.junit.jupiter.api.Test;

class ReplayerTest {
  @Test
  void theDocumentCarriesEverythingTheActionHad() {
    Document d =
        new Replayer(null, null, null)
            .document(ReplayRecords.of("logs-b", "update", "s1", null, null, "{\"inc\":13}"));
    assertThat(d.index()).isEqualTo("logs-b");
    assertThat(d.id()).isEqualTo("r1");
    assertThat(d.op()).isEqualTo(OpType.UPDATE);
    assertThat(d.routing()).isEqualTo("s1");
    assertThat(d.scriptParams()).isEqualTo(ReplayRecords.bytes("{\"inc\":13}"));
    assertThat(d.source()).isEqualTo(ReplayRecords.bytes("{\"id\":\"r1\"}"));

    Document versioned =
        new Replayer(null, null, null)
            .document(ReplayRecords.of("logs-a", "index", null, 113L, "external", null));
    assertThat(versioned.version()).isEqualTo(113L);
  }

  @Test
  void indexSendsEveryRecordToOneIndexAndKeepsTheRest() {
    Document d =
        new Replayer(null, "orders-v2", null)
            .document(ReplayRecords.of("logs-b", "delete", "s1", 7L, "external", null));
    assertThat(d.index()).isEqualTo("orders-v2");
    assertThat(d.op()).isEqualTo(OpType.DELETE);
    assertThat(d.routing()).isEqualTo("s1");
    assertThat(d.version()).isEqualTo(7L);
  }

  @Test
  void aRecordOfFormatOneIsSentAsBefore() {
    Document d = new Replayer(null, null, null).document(ReplayRecords.formatOne("i", "index"));
    assertThat(d.routing()).isNull();
    assertThat(d.version()).isNull();
    assertThat(d.scriptParams()).isNull();
    assertThat(d.op()).isEqualTo(OpType.INDEX);
  }
}
