package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import dev.sluice.core.SluiceConfig;
import dev.sluice.core.deadletter.DeadLetterRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayerTest {
  private static final SluiceConfig PATTERN =
      SluiceConfig.fromOptions(
          Map.of("es.nodes", "http://127.0.0.1:1", "es.resource", "logs-{kind}"));

  private static Replayer replayer(String index) {
    return new Replayer(PATTERN, index, null);
  }

  @Test
  void aRecordWithoutIndexIsSentOnlyWhenThereIsOneToSendItTo() {
    DeadLetterRecord noIndex = ReplayRecords.plain(null, "index");
    assertThat(replayer(null).sends(noIndex)).isFalse();
    assertThat(replayer("orders-v2").sends(noIndex)).isTrue();
    assertThat(replayer(null).sends(ReplayRecords.plain("logs-a", "index"))).isTrue();
    SluiceConfig fixed =
        SluiceConfig.fromOptions(Map.of("es.nodes", "http://127.0.0.1:1", "es.resource", "orders"));
    assertThat(new Replayer(fixed, null, null).sends(noIndex)).isTrue();
  }

  @Test
  void theDocumentCarriesEverythingTheActionHad() {
    Document d =
        replayer(null)
            .document(ReplayRecords.of("logs-b", "update", "s1", null, null, "{\"inc\":13}"));
    assertThat(d.index()).isEqualTo("logs-b");
    assertThat(d.id()).isEqualTo("r1");
    assertThat(d.op()).isEqualTo(OpType.UPDATE);
    assertThat(d.routing()).isEqualTo("s1");
    assertThat(d.scriptParams()).isEqualTo(ReplayRecords.bytes("{\"inc\":13}"));
    assertThat(d.source()).isEqualTo(ReplayRecords.bytes("{\"id\":\"r1\"}"));

    Document versioned =
        replayer(null).document(ReplayRecords.of("logs-a", "index", null, 113L, "external", null));
    assertThat(versioned.version()).isEqualTo(113L);
  }

  @Test
  void indexSendsEveryRecordToOneIndexAndKeepsTheRest() {
    Document d =
        replayer("orders-v2")
            .document(ReplayRecords.of("logs-b", "delete", "s1", 7L, "external", null));
    assertThat(d.index()).isEqualTo("orders-v2");
    assertThat(d.op()).isEqualTo(OpType.DELETE);
    assertThat(d.routing()).isEqualTo("s1");
    assertThat(d.version()).isEqualTo(7L);
  }

  @Test
  void aRecordOfFormatOneIsSentAsBefore() {
    Document d = replayer(null).document(ReplayRecords.formatOne("i", "index"));
    assertThat(d.routing()).isNull();
    assertThat(d.version()).isNull();
    assertThat(d.scriptParams()).isNull();
    assertThat(d.op()).isEqualTo(OpType.INDEX);
  }
}
