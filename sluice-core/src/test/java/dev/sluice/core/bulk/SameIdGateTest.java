package dev.sluice.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.Document;
import dev.sluice.core.OpType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SameIdGateTest {
  private final DocumentEncoder encoder = new DocumentEncoder("idx", OpType.INDEX);
  private long seq;

  private PendingDocument doc(String index, String id) {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    return encoder.encode(seq++, new Document(index, id, null, null, body, "p" + seq));
  }

  @Test
  void documentsAlternatingBetweenIndicesKeepEachIndexsOwnOrder() {
    SameIdGate gate = new SameIdGate();
    PendingDocument a1 = doc("one", "k");
    PendingDocument b1 = doc("two", "k");
    PendingDocument a2 = doc("one", "k");
    PendingDocument b2 = doc("two", "k");
    assertThat(gate.admit(a1)).isTrue();
    assertThat(gate.admit(b1)).isTrue();
    assertThat(gate.admit(a2)).isFalse();
    assertThat(gate.admit(b2)).isFalse();
    assertThat(gate.release(b1)).isSameAs(b2);
    assertThat(gate.release(a1)).isSameAs(a2);
    assertThat(gate.release(b2)).isNull();
    assertThat(gate.release(a2)).isNull();
    assertThat(gate.parked()).isZero();
    assertThat(gate.admit(doc("two", "k"))).isTrue();
    assertThat(gate.admit(doc("one", "k"))).isTrue();
  }

  @Test
  void idsWithEqualHashCodesAreStillDifferentIds() {
    // "Aa" and "BB" share String.hashCode; so does every string built from them.
    List<String> ids = new ArrayList<>();
    for (int n = 0; n < 256; n++) {
      StringBuilder id = new StringBuilder();
      for (int bit = 0; bit < 8; bit++) {
        id.append((n >> bit & 1) == 0 ? "Aa" : "BB");
      }
      ids.add(id.toString());
    }
    assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
    SameIdGate gate = new SameIdGate();
    List<PendingDocument> first = new ArrayList<>();
    for (String id : ids) {
      PendingDocument d = doc("idx", id);
      first.add(d);
      assertThat(gate.admit(d)).as(id).isTrue();
    }
    PendingDocument again = doc("idx", ids.get(17));
    assertThat(gate.admit(again)).isFalse();
    for (int i = 0; i < first.size(); i++) {
      assertThat(gate.release(first.get(i))).isSameAs(i == 17 ? again : null);
    }
    assertThat(gate.release(again)).isNull();
    assertThat(gate.parked()).isZero();
  }

  /**
   * Against a model (a map of queues): tens of thousands of documents, the table grown many times,
   * ids repeated, two indices, sequential ids (whose hashes are consecutive), documents without an
   * id, and documents settled in random order, as responses come back.
   */
  @Test
  void keepsEveryIdsOrderWhateverTheOrderDocumentsAreSettledIn() {
    Random random = new Random(15);
    SameIdGate gate = new SameIdGate();
    Map<String, ArrayDeque<PendingDocument>> model = new HashMap<>();
    List<PendingDocument> admitted = new ArrayList<>();
    for (int n = 0; n < 60_000; n++) {
      if (n % 3 != 0) {
        int key = random.nextInt(3) == 0 ? random.nextInt(500) : n;
        String index = random.nextBoolean() ? "one" : "two";
        PendingDocument d = doc(index, random.nextInt(10) == 0 ? null : Integer.toString(key));
        ArrayDeque<PendingDocument> same =
            d.id() == null
                ? null
                : model.computeIfAbsent(index + "/" + d.id(), k -> new ArrayDeque<>());
        boolean expected = same == null || same.isEmpty();
        if (same != null) {
          same.add(d);
        }
        assertThat(gate.admit(d)).as("admit %s", d.id()).isEqualTo(expected);
        if (expected) {
          admitted.add(d);
        }
      } else if (!admitted.isEmpty()) {
        PendingDocument d = admitted.remove(random.nextInt(admitted.size()));
        PendingDocument next = gate.release(d);
        if (d.id() == null) {
          assertThat(next).isNull();
          continue;
        }
        ArrayDeque<PendingDocument> same = model.get(d.index + "/" + d.id());
        assertThat(same.poll()).isSameAs(d);
        assertThat(next).as("next after %s", d.id()).isSameAs(same.peek());
        if (next != null) {
          admitted.add(next);
        }
      }
    }
    while (!admitted.isEmpty()) {
      PendingDocument d = admitted.remove(admitted.size() - 1);
      PendingDocument next = gate.release(d);
      if (next != null) {
        admitted.add(next);
      }
    }
    assertThat(gate.parked()).isZero();
    assertThat(gate.admit(doc("one", "1"))).isTrue();
  }

  @Test
  void aDocumentNeverAdmittedReleasesNothing() {
    SameIdGate gate = new SameIdGate();
    PendingDocument first = doc("idx", "k");
    PendingDocument second = doc("idx", "k");
    assertThat(gate.admit(first)).isTrue();
    assertThat(gate.admit(second)).isFalse();
    assertThat(gate.release(doc("idx", "other"))).isNull();
    assertThat(gate.release(first)).isSameAs(second);
  }
}
