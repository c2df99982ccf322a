package dev.sluice.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CutBeforeTest {
  private final FakeUpstream upstream = new FakeUpstream();
  private final FaultProxy proxy =
      FaultProxy.forward(upstream.url()).onBulk(FaultPlan.script(Fault.cutBefore())).start();

  CutBeforeTest() throws IOException {}

  @AfterEach
  void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  void cutBeforeNeverReachesUpstreamAndTheClientGetsNoResponse() throws Exception {
    Client client = new Client(proxy.url());

    assertThatThrownBy(() -> client.bulk(Ndjson.indexActions("i", 2)))
        .isInstanceOf(IOException.class);

    assertThat(upstream.received()).isEmpty();
    assertThat(proxy.stats().cutBefore()).isEqualTo(1);
    assertThat(proxy.stats().requestsForwarded()).isZero();
    assertThat(proxy.stats().ambiguousRequests()).isZero();
    // The same client keeps working on a new connection.
    assertThat(client.bulk(Ndjson.indexActions("i", 1)).statusCode()).isEqualTo(200);
    assertThat(upstream.receivedBulkIds()).containsExactly("0");
  }
}
