package dev.sluice.core.transport;

import dev.sluice.core.config.ConnectionSettings;
import dev.sluice.core.config.NodeAddress;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official low-level REST client, one per node, so that each request goes to exactly one node
 * and a failure comes back to the engine: a client given several nodes re-sends a failed request
 * (502/503/504, a cut connection) to the next one by itself, behind the engine's back, which then
 * cannot know that the first send may have been applied. Requests rotate over the nodes ({@link
 * NodeRotation}), passing over a node whose last request failed, so the engine's retry goes to
 * another node.
 *
 * <p>Credentials go in a default {@code Authorization} header (see {@link Authorization}); {@link
 * #describe()} names the nodes and the principal, never a secret.
 */
public final class RestClientTransport implements BulkTransport {
  /** Only what the engine reads, so responses stay small. */
  static final String FILTER_PATH =
      "errors,items.*.status,items.*.result,items.*.error,error,status";

  private static final Logger LOG = LoggerFactory.getLogger(RestClientTransport.class);

  /** Bytes copied to the socket per write: enough that a 5 MB body takes few reactor rounds. */
  static final int WRITE_BUFFER = 64 * 1024;

  /** Answers that say the node, not the request, is in trouble: the next request goes elsewhere. */
  private static final Set<Integer> NODE_FAULTS = Set.of(502, 503, 504);

  /** Spare write buffers kept: more than the requests a loader keeps in flight. */
  private static final int SPARE_WRITE_BUFFERS = 16;

  private final List<RestClient> clients;
  private final List<String> nodeDescriptions;
  private final NodeRotation rotation;
  private final Clock clock = Clock.systemUTC();
  private final String description;
  private final RequestOptions options =
      RequestOptions.DEFAULT.toBuilder()
          .setHttpAsyncResponseConsumerFactory(ResponseBodyConsumer.factory())
          .build();
  private final WriteBufferPool writeBuffers =
      new WriteBufferPool(WRITE_BUFFER, SPARE_WRITE_BUFFERS);

  private RestClientTransport(
      List<RestClient> clients, List<String> nodeDescriptions, String description) {
    this.clients = clients;
    this.nodeDescriptions = nodeDescriptions;
    this.rotation = new NodeRotation(clients.size());
    this.description = description;
  }

  public static RestClientTransport create(ConnectionSettings settings) {
    return create(settings, System::getProperty);
  }

  /**
   * As {@link #create(ConnectionSettings)}, reading the JVM's proxy properties through a function.
   */
  static RestClientTransport create(
      ConnectionSettings settings, UnaryOperator<String> systemProperties) {
    Authorization auth = Authorization.of(settings);
    SSLContext ssl = TlsContextFactory.create(settings.tls());
    // About one I/O thread per core in all, as a single client would have.
    int ioThreads =
        Math.max(1, Runtime.getRuntime().availableProcessors() / settings.nodes().size());
    NodeClients factory = new NodeClients(settings, auth, ssl, ioThreads, systemProperties);
    List<RestClient> clients = new ArrayList<>();
    List<String> nodeDescriptions = new ArrayList<>();
    for (NodeAddress node : settings.nodes()) {
      clients.add(factory.client(node));
      nodeDescriptions.add(where(node, settings, factory) + " as " + auth.principal());
    }
    String nodes =
        settings.nodes().stream()
            .map(node -> where(node, settings, factory))
            .collect(Collectors.joining(", "));
    WeakenedSecurityWarnings.warn(settings, auth, nodes);
    return new RestClientTransport(clients, nodeDescriptions, nodes + " as " + auth.principal());
  }

  /** "http://es1:9200/es via proxy gw:3128": what a message needs to find the request's way. */
  private static String where(NodeAddress node, ConnectionSettings settings, NodeClients factory) {
    var proxy = factory.proxy(node);
    return node + settings.pathPrefix() + (proxy == null ? "" : " via proxy " + proxy);
  }

  @Override
  public Runnable send(List<byte[]> chunks, long contentLength, Consumer<HttpResult> callback) {
    Request request = new Request("POST", "/_bulk");
    request.addParameter("filter_path", FILTER_PATH);
    request.setOptions(options);
    request.setEntity(new ChunkedEntity(chunks, contentLength, writeBuffers));
    int node = rotation.pick(clock.instant());
    Consumer<HttpResult> tracked =
        result -> {
          if (result.error() != null || NODE_FAULTS.contains(result.status())) {
            rotation.failed(node, clock.instant());
          } else {
            rotation.succeeded(node);
          }
          callback.accept(result);
        };
    Cancellable cancellable =
        clients
            .get(node)
            .performRequestAsync(
                request,
                new ResponseListener() {
                  @Override
                  public void onSuccess(Response response) {
                    tracked.accept(read(response));
                  }

                  @Override
                  public void onFailure(Exception exception) {
                    if (exception instanceof ResponseException re) {
                      tracked.accept(read(re.getResponse()));
                    } else {
                      String where = nodeDescriptions.get(node);
                      tracked.accept(HttpResult.failure(TlsFailures.explain(exception, where)));
                    }
                  }
                });
    return cancellable::cancel;
  }

  @Override
  public String describe() {
    return description;
  }

  /**
   * One small request outside the bulk path, such as {@code HEAD /<index>} before a load: tried on
   * each node in turn until one answers (it changes nothing, so sending it again is safe).
   */
  public HttpResult request(String method, String path) {
    return request(method, path, null);
  }

  /**
   * As {@link #request(String, String)}, with a JSON body (null for none). Only for requests that
   * are safe to send twice (a search, a delete by id): the next node gets it when one fails.
   */
  public HttpResult request(String method, String path, String jsonBody) {
    HttpResult last = null;
    for (int i = 0; i < clients.size(); i++) {
      int node = rotation.pick(clock.instant());
      Request request = new Request(method, path);
      if (jsonBody != null) {
        request.setJsonEntity(jsonBody);
      }
      try {
        return read(clients.get(node).performRequest(request));
      } catch (ResponseException e) {
        return read(e.getResponse());
      } catch (IOException e) {
        rotation.failed(node, clock.instant());
        last = HttpResult.failure(TlsFailures.explain(e, nodeDescriptions.get(node)));
      }
    }
    return last;
  }

  @Override
  public void close() {
    for (RestClient client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        // Closing only releases connections; nothing is lost if it fails.
      }
    }
  }

  private static HttpResult read(Response response) {
    int status = response.getStatusLine().getStatusCode();
    HttpEntity entity = response.getEntity();
    try {
      byte[] body =
          entity == null
              ? new byte[0]
              : entity instanceof ResponseBody read
                  ? read.bytes()
                  : EntityUtils.toByteArray(entity);
      return HttpResult.response(status, body);
    } catch (IOException e) {
      return HttpResult.failure(e);
    }
  }
}
