package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidationTest {

  @Test
  void faultArgumentsAreChecked() {
    assertThatThrownBy(() -> Fault.statusBefore(200)).hasMessageContaining("statusBefore");
    assertThatThrownBy(() -> Fault.statusAfter(600)).hasMessageContaining("statusAfter");
    assertThatThrownBy(() -> Fault.item429(0)).hasMessageContaining("item429");
    assertThatThrownBy(() -> Fault.delay(Duration.ofMinutes(11))).hasMessageContaining("delay");
  }

  @Test
  void probabilitiesMustAddUpToAtMostOne() {
    assertThatThrownBy(
            () -> FaultPlan.random().with(0.6, Fault.cutAfter()).with(0.5, Fault.statusBefore(429)))
        .hasMessageContaining("more than 1");
    assertThatThrownBy(() -> FaultPlan.script(Fault.cutAfter()).with(0.1, Fault.cutAfter()))
        .hasMessageContaining("random()");
  }

  @Test
  void upstreamUrlAndTimeoutsAreChecked() {
    assertThatThrownBy(() -> FaultProxy.forward("ftp://x")).hasMessageContaining("upstreamUrl");
    assertThatThrownBy(() -> FaultProxy.forward("http://127.0.0.1:1").closeTimeout(Duration.ZERO))
        .hasMessageContaining("closeTimeout");
  }

  @Test
  void randomPlanDrawsInProportion() {
    FaultPlan plan = FaultPlan.random().with(0.25, Fault.cutAfter());
    int cuts = 0;
    for (long ordinal = 0; ordinal < 4000; ordinal++) {
      if (plan.choose(ordinal, RequestRandom.of(1, ordinal)) == Fault.cutAfter()) {
        cuts++;
      }
    }
    assertThat(cuts).isBetween(900, 1100);
  }

  @Test
  void scriptGivesFaultsInOrderThenPasses() {
    FaultPlan plan = FaultPlan.script(Fault.cutAfter(), Fault.statusBefore(503));
    Random unused = new Random(0);
    assertThat(plan.choose(0, unused)).isEqualTo(Fault.cutAfter());
    assertThat(plan.choose(1, unused)).isEqualTo(Fault.statusBefore(503));
    assertThat(plan.choose(2, unused)).isEqualTo(Fault.pass());
  }

  @Test
  void bulkBodyKeepsItemBytesAndNamesTheBadLine() {
    String body =
        "{\"index\":{\"_id\":\"1\"}}\n{\"a\":1}\n\n{\"delete\":{\"_index\":\"x\",\"_id\":\"2\"}}\n";
    var items = BulkBody.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(items).hasSize(2);
    assertThat(items.get(0).action()).isEqualTo("index");
    assertThat(new String(items.get(0).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"index\":{\"_id\":\"1\"}}\n{\"a\":1}\n");
    assertThat(items.get(1).index()).isEqualTo("x");
    assertThat(new String(BulkBody.join(items), StandardCharsets.UTF_8))
        .isEqualTo(body.replace("\n\n", "\n"));

    assertThatThrownBy(
            () ->
                BulkBody.parse(
                    "{\"index\":{}}\n{\"a\":1}\n{\"bogus\":{}}\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("bulk line 3");
    assertThatThrownBy(() -> BulkBody.parse("{\"index\":{}}\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("no source line");
  }
}
