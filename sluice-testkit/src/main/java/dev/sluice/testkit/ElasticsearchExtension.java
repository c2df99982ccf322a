package dev.sluice.testkit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that shares one local Elasticsearch node per test run (started on first use,
 * stopped when the run ends or the JVM exits) and injects {@link EsHandle}, {@link EsTestClient} or
 * {@link LocalElasticsearch} parameters. Annotate the parameter with {@link TinyWriteQueue} for a
 * second shared node that answers concurrent bulks with real 429s.
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class LoaderIT {
 *   @Test
 *   void loads(EsHandle es) {
 *     String index = es.newIndexName();
 *     es.client().bulk(index, "{\"index\":{\"_id\":\"1\"}}\n{\"a\":1}\n");
 *   }
 * }
 * }</pre>
 */
public final class ElasticsearchExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ElasticsearchExtension.class);

  /** The shared nodes. */
  enum Shared {
    DEFAULT,
    TINY_WRITE_QUEUE;

    NodeSpec spec() {
      return this == DEFAULT
          ? NodeSpec.builder().name("shared").build()
          : NodeSpec.builder().name("shared-tiny-queue").tinyWriteQueue().build();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == EsHandle.class || type == EsTestClient.class || type == LocalElasticsearch.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared which =
        parameter.isAnnotated(TinyWriteQueue.class) ? Shared.TINY_WRITE_QUEUE : Shared.DEFAULT;
    LocalElasticsearch node = sharedNode(context, which);
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalElasticsearch.class) {
      return node;
    }
    if (type == EsTestClient.class) {
      return EsTestClient.forNode(node);
    }
    return new EsHandle(node, testName(context));
  }

  /** The shared node of this kind, started on first use; the root store closes it at the end. */
  static LocalElasticsearch sharedNode(ExtensionContext context, Shared which) {
    SharedNode shared =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(which, key -> SharedNode.start(key.spec()), SharedNode.class);
    return shared.node();
  }

  private static String testName(ExtensionContext context) {
    String className = context.getRequiredTestClass().getSimpleName();
    return context
        .getTestMethod()
        .map(Method::getName)
        .map(m -> className + "-" + m)
        .orElse(className);
  }

  /**
   * A started node, or why it could not start: remembered so that later tests fail at once with the
   * same cause instead of each waiting for another failed start.
   */
  static final class SharedNode implements AutoCloseable {
    private final LocalElasticsearch node;
    private final ElasticsearchStartException failure;

    private SharedNode(LocalElasticsearch node, ElasticsearchStartException failure) {
      this.node = node;
      this.failure = failure;
    }

    static SharedNode start(NodeSpec spec) {
      try {
        return new SharedNode(LocalElasticsearch.start(spec), null);
      } catch (ElasticsearchStartException e) {
        return new SharedNode(null, e);
      }
    }

    LocalElasticsearch node() {
      if (failure != null) {
        throw new ParameterResolutionException(
            "The shared Elasticsearch node could not start: " + failure.getMessage(), failure);
      }
      return node;
    }

    @Override
    public void close() {
      if (node != null) {
        node.stop();
      }
    }
  }
}
