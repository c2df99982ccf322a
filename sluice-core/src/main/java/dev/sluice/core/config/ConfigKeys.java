package dev.sluice.core.config;

import static dev.sluice.core.config.ValueParsers.bool;
import static dev.sluice.core.config.ValueParsers.duration;
import static dev.sluice.core.config.ValueParsers.enumOf;
import static dev.sluice.core.config.ValueParsers.integer;
import static dev.sluice.core.config.ValueParsers.longValue;
import static dev.sluice.core.config.ValueParsers.oneOf;
import static dev.sluice.core.config.ValueParsers.ratio;
import static dev.sluice.core.config.ValueParsers.secret;
import static dev.sluice.core.config.ValueParsers.size;
import static dev.sluice.core.config.ValueParsers.text;

import dev.sluice.core.OpType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every option Sluice reads, declared once. {@code es.*} keys keep elasticsearch-hadoop's meaning;
 * {@code sluice.*} keys cover what es-hadoop lacks. ConfigKeysTest pins every name and default.
 */
public final class ConfigKeys {
  private static final long GB = 1L << 30;
  private static final Duration DAY = Duration.ofDays(1);

  // --- Connection (es-hadoop) ---
  public static final ConfigKey<String> NODES =
      key(
          "es.nodes",
          "localhost",
          "Comma list of nodes: host, host:port or http(s)://host:port.",
          text());
  public static final ConfigKey<Integer> PORT =
      key("es.port", "9200", "Port for nodes listed without one.", integer(1, 65535));
  public static final ConfigKey<Boolean> SSL =
      key("es.net.ssl", "false", "Use https for nodes listed without a scheme.", bool());
  public static final ConfigKey<String> TRUSTSTORE_LOCATION =
      key("es.net.ssl.truststore.location", null, "Trust store file (else the JVM's).", text());
  public static final ConfigKey<Secret> TRUSTSTORE_PASS =
      secretKey("es.net.ssl.truststore.pass", "Trust store password.");
  public static final ConfigKey<String> TRUSTSTORE_TYPE =
      key("es.net.ssl.truststore.type", "JKS", "Trust store type (JKS, PKCS12).", text());
  public static final ConfigKey<String> AUTH_USER =
      key("es.net.http.auth.user", null, "Basic auth user name.", text());
  public static final ConfigKey<Secret> AUTH_PASS =
      secretKey("es.net.http.auth.pass", "Basic auth password.");
  public static final ConfigKey<Secret> AUTHORIZATION_HEADER =
      secretKey("es.net.http.header.authorization", "Authorization header sent as is.");

  // --- Write target (es-hadoop) ---
  public static final ConfigKey<String> RESOURCE =
      key("es.resource", null, "Target index (or alias / data stream).", text());
  public static final ConfigKey<String> RESOURCE_WRITE =
      key("es.resource.write", null, "Target index for writes; overrides es.resource.", text());
  public static final ConfigKey<String> MAPPING_ID =
      key(
          "es.mapping.id",
          null,
          "Field holding the document id; unset = see sluice.id.strategy.",
          text());
  public static final ConfigKey<String> MAPPING_ROUTING =
      key(
          "es.mapping.routing",
          null,
          "Column giving each document's routing value (Spark); unset = Elasticsearch routes by id.",
          text());
  public static final ConfigKey<OpType> WRITE_OPERATION =
      key(
          "es.write.operation",
          "index",
          "index|create|update|upsert|delete.",
          enumOf(OpType.class));
  public static final ConfigKey<Boolean> INDEX_AUTO_CREATE =
      key(
          "es.index.auto.create",
          "true",
          "If false, the driver checks that the index exists before the first bulk request, and"
              + " stops naming it when it does not.",
          bool());
  public static final ConfigKey<Boolean> BATCH_WRITE_REFRESH =
      key(
          "es.batch.write.refresh",
          "true",
          "Refresh the index once, from the driver, when the job commits, so every document is"
              + " searchable when the write returns; a failed refresh is a warning.",
          bool());

  // --- Batching and retries (es-hadoop meanings) ---
  public static final ConfigKey<Integer> BATCH_SIZE_ENTRIES =
      key(
          "es.batch.size.entries",
          "10000",
          "Max documents per bulk request; 0 = no limit.",
          integer(0, 1_000_000));
  public static final ConfigKey<Long> BATCH_SIZE_BYTES =
      key(
          "es.batch.size.bytes",
          "5mb",
          "Max bytes per bulk request (upper bound when adaptive).",
          size(1024, GB));
  public static final ConfigKey<Integer> RETRY_COUNT =
      key(
          "es.batch.write.retry.count",
          "3",
          "Retries per document for transient faults; negative = until the time budget ends.",
          integer(Integer.MIN_VALUE, 1_000_000));
  public static final ConfigKey<Duration> RETRY_WAIT =
      key(
          "es.batch.write.retry.wait",
          "500ms",
          "Base backoff delay (doubles per retry, full jitter, capped by sluice.retry.max.delay).",
          duration(Duration.ZERO, DAY));

  // --- Sluice ---
  public static final ConfigKey<String> DEADLETTER_PATH =
      key(
          "sluice.deadletter.path",
          "./sluice-deadletter",
          "Directory (path or file: URI) for dead-letter NDJSON files.",
          text());
  public static final ConfigKey<Long> DEADLETTER_MAX_COUNT =
      key(
          "sluice.deadletter.max.count",
          "-1",
          "Stop the load after more than this many dead letters; -1 = no count limit.",
          longValue(-1, Long.MAX_VALUE));
  public static final ConfigKey<Double> DEADLETTER_MAX_RATIO =
      key(
          "sluice.deadletter.max.ratio",
          "0.1",
          "Stop the load when dead letters exceed this share of resolved documents.",
          ratio());
  public static final ConfigKey<Long> DEADLETTER_RATIO_MIN_DOCS =
      key(
          "sluice.deadletter.ratio.min.docs",
          "1000",
          "Resolved documents needed before the ratio is checked.",
          longValue(1, Long.MAX_VALUE));
  public static final ConfigKey<Duration> RETRY_MAX_DELAY =
      key(
          "sluice.retry.max.delay",
          "30s",
          "Cap on one backoff delay.",
          duration(Duration.ZERO, DAY));
  public static final ConfigKey<Duration> RETRY_BUDGET =
      key(
          "sluice.retry.budget",
          "10m",
          "Longest time one document may spend being retried.",
          duration(Duration.ofMillis(1), Duration.ofDays(7)));
  public static final ConfigKey<Integer> BULK_CONCURRENCY =
      key(
          "sluice.bulk.concurrency",
          "3",
          "Bulk requests in flight per writer (upper bound).",
          integer(1, 64));
  public static final ConfigKey<Long> MEMORY_MAX_BYTES =
      key(
          "sluice.memory.max.bytes",
          null,
          "Cap on document bytes buffered + awaiting retry + in flight per writer; by default"
              + " es.batch.size.bytes x (the writer's requests in flight + 1), at most"
              + " es.batch.size.bytes x (sluice.bulk.concurrency + 1) and 64mb.",
          size(4096, 64 * GB));
  public static final ConfigKey<Boolean> FLOW_ADAPTIVE =
      key(
          "sluice.flow.adaptive",
          "true",
          "Adapt batch bytes and concurrency to throttling and latency; false pins them.",
          bool());
  public static final ConfigKey<Long> FLOW_MIN_BATCH_BYTES =
      key(
          "sluice.flow.min.batch.bytes",
          "256kb",
          "Smallest batch the adaptive flow keeps while requests pass; 1/16 under refusals.",
          size(1024, GB));
  public static final ConfigKey<Duration> FLOW_LATENCY_TARGET =
      key(
          "sluice.flow.latency.target",
          "10s",
          "Bulk latency above which the adaptive flow backs off, whatever it learned.",
          duration(Duration.ofMillis(1), DAY));
  public static final ConfigKey<Duration> BATCH_FLUSH_INTERVAL =
      key(
          "sluice.batch.flush.interval",
          "1s",
          "Send a partial batch when its oldest document waited this long.",
          duration(Duration.ZERO, DAY));
  public static final ConfigKey<Duration> REQUEST_TIMEOUT =
      key(
          "sluice.request.timeout",
          "60s",
          "Socket timeout of one bulk request.",
          duration(Duration.ofMillis(1), DAY));
  public static final ConfigKey<Duration> CONNECT_TIMEOUT =
      key(
          "sluice.connect.timeout",
          "10s",
          "TCP connect timeout.",
          duration(Duration.ofMillis(1), DAY));
  public static final ConfigKey<Boolean> HTTP_COMPRESSION =
      key("sluice.http.compression", "false", "Gzip request bodies.", bool());
  public static final ConfigKey<Secret> API_KEY =
      secretKey("sluice.auth.api.key", "Elasticsearch API key (the base64 'id:key' form).");
  public static final ConfigKey<Secret> BEARER = secretKey("sluice.auth.bearer", "Bearer token.");

  // --- TLS additions: es-hadoop names where it has them, sluice.* where it does not ---
  public static final ConfigKey<String> SSL_CA_PEM =
      key(
          "sluice.net.ssl.ca.pem",
          null,
          "PEM file of CA certificates to trust (with the trust store, if any) instead of the"
              + " JVM's.",
          text());
  public static final ConfigKey<Boolean> SSL_VERIFY_HOSTNAME =
      key(
          "sluice.net.ssl.verify.hostname",
          "true",
          "Check that the server certificate names the host; false is insecure (WARN logged).",
          bool());
  public static final ConfigKey<Boolean> SSL_ALLOW_SELF_SIGNED =
      key(
          "es.net.ssl.cert.allow.self.signed",
          "false",
          "Trust a server showing a single self-signed certificate; insecure (WARN logged).",
          bool());
  public static final ConfigKey<String> KEYSTORE_LOCATION =
      key(
          "es.net.ssl.keystore.location",
          null,
          "Key store with the client certificate and key (TLS client authentication).",
          text());
  public static final ConfigKey<Secret> KEYSTORE_PASS =
      secretKey("es.net.ssl.keystore.pass", "Key store password.");
  public static final ConfigKey<String> KEYSTORE_TYPE =
      key("es.net.ssl.keystore.type", "JKS", "Key store type (JKS, PKCS12).", text());

  // --- Document ids and checkpoints ---
  public static final ConfigKey<String> ID_STRATEGY =
      key(
          "sluice.id.strategy",
          null,
          "field|composite|hash|auto; unset = field with es.mapping.id, composite with"
              + " sluice.id.fields, else hash (idempotent: identical rows become one document).",
          oneOf("field", "composite", "hash", "auto"));
  // Document ids: the content hash's encoding (the default measured by bin/bench-ids).
  public static final ConfigKey<String> ID_HASH_ENCODING =
      key(
          "sluice.id.hash.encoding",
          null,
          "How a content-hash id writes the SHA-256: base64url (43 chars), hex (64, what Sluice"
              + " wrote before; resumes its checkpoints) or base64url-128 (22); unset = base64url.",
          oneOf("base64url", "hex", "base64url-128"));
  public static final ConfigKey<String> ID_FIELDS =
      key(
          "sluice.id.fields",
          null,
          "Comma list of columns whose values, joined, make the document id.",
          text());
  public static final ConfigKey<String> CHECKPOINT_PATH =
      key(
          "sluice.checkpoint.path",
          null,
          "Directory (path or Hadoop URI) for the job's checkpoint; unset = no checkpointing.",
          text());
  public static final ConfigKey<Boolean> CHECKPOINT_FORCE =
      key(
          "sluice.checkpoint.force",
          "false",
          "Resume even when the checkpoint was written for another job, or is unreadable.",
          bool());
  public static final ConfigKey<Long> CHECKPOINT_EVERY_ROWS =
      key(
          "sluice.checkpoint.every.rows",
          "50000",
          "Write a partition's progress after this many more rows settled.",
          longValue(1, Long.MAX_VALUE));
  public static final ConfigKey<Duration> CHECKPOINT_EVERY =
      key(
          "sluice.checkpoint.every",
          "10s",
          "Or after this long, when any row settled since the last write.",
          duration(Duration.ZERO, DAY));
  public static final ConfigKey<Integer> CHECKPOINT_SEGMENT_ROWS =
      key(
          "sluice.checkpoint.segment.rows",
          "10000",
          "Rows per id fingerprint a resume verifies (and holds in memory) at once.",
          integer(1, 10_000_000));
  public static final ConfigKey<String> CHECKPOINT_INPUT =
      key(
          "sluice.checkpoint.input",
          null,
          "A name for the input, recorded in the checkpoint: a resume with another name is"
              + " refused.",
          text());

  // --- What a row becomes: fields, nulls, JSON input, dates (Spark row shape) ---
  public static final ConfigKey<String> MAPPING_INCLUDE =
      key(
          "es.mapping.include",
          "",
          "Comma list of field paths to write (dots for nested fields, * wildcards, as"
              + " elasticsearch-hadoop matches them); empty = every field.",
          Function.identity());
  public static final ConfigKey<String> MAPPING_EXCLUDE =
      key(
          "es.mapping.exclude",
          "",
          "Comma list of field paths left out of the document (applied after the include list);"
              + " id and routing columns are still read.",
          Function.identity());
  public static final ConfigKey<Boolean> WRITE_NULL =
      key(
          "es.spark.dataframe.write.null",
          "false",
          "Write null fields as JSON null instead of leaving them out.",
          bool());
  public static final ConfigKey<Boolean> INPUT_JSON =
      key(
          "es.input.json",
          "false",
          "The DataFrame's one string (or binary) column holds each document as JSON, sent as is.",
          bool());
  public static final ConfigKey<String> WRITE_DATES =
      key(
          "sluice.write.dates",
          "iso",
          "iso|epoch_millis: how timestamps and dates are written into fields the index does not"
              + " map yet (mapped fields are written as their mapping expects).",
          oneOf("iso", "epoch_millis"));

  // --- Spark side ---
  public static final ConfigKey<String> REPORT_PATH =
      key(
          "sluice.report.path",
          null,
          "File (path or file: URI) where the driver writes the job's JSON report; unset = none.",
          text());

  // --- Transport and error handlers drop-in (es-hadoop): path prefix, headers, proxies,
  // timeouts, es.write.rest.error.handlers. Families of keys (es.net.http.header.<name>,
  // es.write.rest.error.handler.<name>.*) are read by HeaderOptions and ErrorHandlerOptions.
  /**
   * es.net.http.header.<Name>: one extra header per key (Authorization is AUTHORIZATION_HEADER).
   */
  public static final String HEADER_PREFIX = "es.net.http.header.";

  /** es.write.rest.error.handler.<name>[.<setting>]: the handlers' settings. */
  public static final String ERROR_HANDLER_PREFIX = "es.write.rest.error.handler.";

  public static final ConfigKey<String> NODES_PATH_PREFIX =
      key(
          "es.nodes.path.prefix",
          "",
          "Path in front of every request ('/es' sends to <node>/es/_bulk); a leading slash is"
              + " added and trailing ones dropped; empty or '/' = none.",
          ValueParsers.pathPrefix());
  public static final ConfigKey<Duration> HTTP_TIMEOUT =
      key(
          "es.http.timeout",
          "1m",
          "es-hadoop's timeout: the request timeout, and the connect timeout, where "
              + "sluice.request.timeout / sluice.connect.timeout are not given (they win).",
          duration(Duration.ofMillis(1), DAY));
  public static final ConfigKey<String> PROXY_HTTP_HOST =
      key("es.net.proxy.http.host", null, "HTTP proxy for http nodes.", text());
  public static final ConfigKey<Integer> PROXY_HTTP_PORT =
      key(
          "es.net.proxy.http.port",
          null,
          "Port of the HTTP proxy (default 80).",
          integer(1, 65535));
  public static final ConfigKey<String> PROXY_HTTP_USER =
      key("es.net.proxy.http.user", null, "User for the HTTP proxy (basic auth).", text());
  public static final ConfigKey<Secret> PROXY_HTTP_PASS =
      secretKey("es.net.proxy.http.pass", "Password for the HTTP proxy.");
  public static final ConfigKey<Boolean> PROXY_HTTP_SYSTEM_PROPS =
      key(
          "es.net.proxy.http.use.system.props",
          "false",
          "Use the JVM's http.proxyHost/http.proxyPort (where the request is sent) unless"
              + " es.net.proxy.http.host is given.",
          bool());
  public static final ConfigKey<String> PROXY_HTTPS_HOST =
      key("es.net.proxy.https.host", null, "Proxy for https nodes (CONNECT tunnel).", text());
  public static final ConfigKey<Integer> PROXY_HTTPS_PORT =
      key(
          "es.net.proxy.https.port",
          null,
          "Port of the https proxy (default 80).",
          integer(1, 65535));
  public static final ConfigKey<String> PROXY_HTTPS_USER =
      key("es.net.proxy.https.user", null, "User for the https proxy (basic auth).", text());
  public static final ConfigKey<Secret> PROXY_HTTPS_PASS =
      secretKey("es.net.proxy.https.pass", "Password for the https proxy.");
  public static final ConfigKey<Boolean> PROXY_HTTPS_SYSTEM_PROPS =
      key(
          "es.net.proxy.https.use.system.props",
          "false",
          "Use the JVM's https.proxyHost/https.proxyPort unless es.net.proxy.https.host is given.",
          bool());

  /**
   * elasticsearch-hadoop's bulk error handlers, mapped onto dead letters (DeadLetterStores): every
   * rejected document is dead-lettered first; then, in order, {@code log} logs it (one line, no
   * body) and handles it, {@code es} indexes an ECS-shaped event into {@code
   * es.write.rest.error.handler.es.client.resource} and answers {@code return.default} (written) or
   * {@code return.error} (not written), {@code fail} fails the job; what every handler passes on
   * fails the job. With a chain, sluice.deadletter.max.* apply only when given.
   */
  public static final ConfigKey<String> ERROR_HANDLERS =
      key(
          "es.write.rest.error.handlers",
          null,
          "Ordered handlers for rejected documents: log, es, fail (mapped onto dead letters, see"
              + " the README); unset = Sluice's dead-letter tolerance.",
          text());

  // --- What each bulk action carries (issue 13: pipeline, versions, join, scripts, patterns) ---
  public static final ConfigKey<String> INGEST_PIPELINE =
      key(
          "es.ingest.pipeline",
          null,
          "Ingest pipeline every index/create action names; the driver checks that it exists.",
          text());
  public static final ConfigKey<String> MAPPING_VERSION =
      key(
          "es.mapping.version",
          null,
          "Column giving each document's external version (a whole number).",
          text());
  public static final ConfigKey<String> MAPPING_VERSION_TYPE =
      key(
          "es.mapping.version.type",
          "external",
          "internal (no version sent)|external|external_gt|external_gte, with es.mapping.version.",
          oneOf("internal", "external", "external_gt", "external_gte", "force"));
  public static final ConfigKey<String> MAPPING_JOIN =
      key(
          "es.mapping.join",
          null,
          "Join field column (struct {name, parent} or a string); a child is routed to its parent.",
          text());
  public static final ConfigKey<String> UPDATE_SCRIPT_INLINE =
      key(
          "es.update.script.inline",
          null,
          "Script source for es.write.operation=update|upsert.",
          text());
  public static final ConfigKey<String> UPDATE_SCRIPT_STORED =
      key(
          "es.update.script.stored",
          null,
          "Id of a stored script for es.write.operation=update|upsert.",
          text());
  public static final ConfigKey<String> UPDATE_SCRIPT_LANG =
      key("es.update.script.lang", null, "Script language; unset = the cluster's default.", text());
  public static final ConfigKey<String> UPDATE_SCRIPT_PARAMS =
      key(
          "es.update.script.params",
          null,
          "Script params as name:column or name:<constant> pairs, comma separated.",
          text());
  public static final ConfigKey<String> UPDATE_SCRIPT_PARAMS_JSON =
      key(
          "es.update.script.params.json",
          null,
          "Script params as one JSON object, the same for every document.",
          text());
  public static final ConfigKey<Boolean> UPDATE_SCRIPT_UPSERT =
      key(
          "es.update.script.upsert",
          "false",
          "With upsert and a script: scripted_upsert (the script also creates documents).",
          bool());
  public static final ConfigKey<Integer> UPDATE_RETRY_ON_CONFLICT =
      key(
          "es.update.retry.on.conflict",
          "0",
          "retry_on_conflict of update/upsert actions (Elasticsearch retries on the shard).",
          integer(0, 1_000_000));

  // --- Data streams (issue 17) ---
  public static final ConfigKey<String> DATASTREAM_TIMESTAMP_COLUMN =
      key(
          "sluice.datastream.timestamp.column",
          null,
          "Top-level column written as @timestamp into a data stream (in place of its own name);"
              + " unset = the rows' @timestamp column.",
          text());

  /** All keys, in declaration order. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          NODES,
          PORT,
          SSL,
          TRUSTSTORE_LOCATION,
          TRUSTSTORE_PASS,
          TRUSTSTORE_TYPE,
          AUTH_USER,
          AUTH_PASS,
          AUTHORIZATION_HEADER,
          RESOURCE,
          RESOURCE_WRITE,
          MAPPING_ID,
          MAPPING_ROUTING,
          WRITE_OPERATION,
          INDEX_AUTO_CREATE,
          BATCH_WRITE_REFRESH,
          BATCH_SIZE_ENTRIES,
          BATCH_SIZE_BYTES,
          RETRY_COUNT,
          RETRY_WAIT,
          DEADLETTER_PATH,
          DEADLETTER_MAX_COUNT,
          DEADLETTER_MAX_RATIO,
          DEADLETTER_RATIO_MIN_DOCS,
          RETRY_MAX_DELAY,
          RETRY_BUDGET,
          BULK_CONCURRENCY,
          MEMORY_MAX_BYTES,
          FLOW_ADAPTIVE,
          FLOW_MIN_BATCH_BYTES,
          FLOW_LATENCY_TARGET,
          BATCH_FLUSH_INTERVAL,
          REQUEST_TIMEOUT,
          CONNECT_TIMEOUT,
          HTTP_COMPRESSION,
          API_KEY,
          BEARER,
          SSL_CA_PEM,
          SSL_VERIFY_HOSTNAME,
          SSL_ALLOW_SELF_SIGNED,
          KEYSTORE_LOCATION,
          KEYSTORE_PASS,
          KEYSTORE_TYPE,
          ID_STRATEGY,
          ID_HASH_ENCODING,
          ID_FIELDS,
          CHECKPOINT_PATH,
          CHECKPOINT_FORCE,
          CHECKPOINT_EVERY_ROWS,
          CHECKPOINT_EVERY,
          CHECKPOINT_SEGMENT_ROWS,
          CHECKPOINT_INPUT,
          MAPPING_INCLUDE,
          MAPPING_EXCLUDE,
          WRITE_NULL,
          INPUT_JSON,
          WRITE_DATES,
          REPORT_PATH,
          NODES_PATH_PREFIX,
          HTTP_TIMEOUT,
          PROXY_HTTP_HOST,
          PROXY_HTTP_PORT,
          PROXY_HTTP_USER,
          PROXY_HTTP_PASS,
          PROXY_HTTP_SYSTEM_PROPS,
          PROXY_HTTPS_HOST,
          PROXY_HTTPS_PORT,
          PROXY_HTTPS_USER,
          PROXY_HTTPS_PASS,
          PROXY_HTTPS_SYSTEM_PROPS,
          ERROR_HANDLERS,
          INGEST_PIPELINE,
          MAPPING_VERSION,
          MAPPING_VERSION_TYPE,
          MAPPING_JOIN,
          UPDATE_SCRIPT_INLINE,
          UPDATE_SCRIPT_STORED,
          UPDATE_SCRIPT_LANG,
          UPDATE_SCRIPT_PARAMS,
          UPDATE_SCRIPT_PARAMS_JSON,
          UPDATE_SCRIPT_UPSERT,
          UPDATE_RETRY_ON_CONFLICT,
          DATASTREAM_TIMESTAMP_COLUMN);

  /** Keys by lower-case name. */
  public static final Map<String, ConfigKey<?>> BY_NAME = byName();

  /** Options that had another name: giving the old one is an error naming the new one. */
  public static final Map<String, ConfigKey<?>> RENAMED = Map.of("es.host", NODES);

  private static final String READ_ONLY = "a read option; Sluice only writes";
  private static final String NODES_ONLY =
      "Sluice sends to the nodes listed in " + NODES.name() + " and discovers no others";

  /**
   * Every other option elasticsearch-hadoop reads (its ConfigurationOptions and configuration
   * page), classified: ignored (same documents either way) or refused until implemented. First
   * match wins. Unknown {@code es.*} options not listed here are warned about, or refused when they
   * look like a typo of a known one.
   */
  public static final List<UnimplementedOption> UNIMPLEMENTED =
      List.of(
          // Change what is written: refused.
          refused("es.mapping.parent", "parent documents are not implemented"),
          refused("es.mapping.ttl", "_ttl no longer exists in Elasticsearch"),
          refused("es.mapping.timestamp", "_timestamp no longer exists in Elasticsearch"),
          refused("es.mapping.*.extractor.class", "custom extractor classes are not supported"),
          refused(
              "es.mapping.index.formatter.class",
              "custom index formatters are not supported; {field|date pattern} is"),
          refused(
              "es.update.script.file",
              "file scripts no longer exist in Elasticsearch (removed in 6.0): store the script"
                  + " and name it in es.update.script.stored"),
          refused(
              "es.update.script",
              "the legacy name of es.update.script.inline: give the script there"),
          refused(
              "es.upsert.doc",
              "not an elasticsearch-hadoop option: es.update.script.upsert=true sends"
                  + " scripted_upsert",
              "true"),
          refused("es.ser.writer.*", "custom serialisers are not supported"),
          refused(
              "es.write.data.error.handler*",
              "serialisation error handlers are not implemented; a row that cannot become a"
                  + " document goes to the dead-letter store"),
          refused(
              "es.net.proxy.socks.*",
              "SOCKS proxies are not supported (the HTTP client has no SOCKS support); use an HTTP"
                  + " proxy (es.net.proxy.http.* / .https.*)"),
          refused("es.net.spnego.auth.*", "Kerberos authentication is not implemented"),
          refused(
              "es.security.authentication",
              "Kerberos authentication is not implemented",
              "simple",
              "basic",
              "pki"),
          refused(
              "es.keystore.location",
              "elasticsearch-hadoop's secure settings keystore is not read; give secrets as"
                  + " env:VARIABLE or file:/path"),
          // Same documents either way: a WARN once.
          ignored(
              "es.batch.write.retry.policy",
              "retries follow " + RETRY_COUNT.name() + " and sluice.retry.*",
              "simple"),
          ignored(
              "es.batch.flush.manual",
              "Sluice flushes by size and " + BATCH_FLUSH_INTERVAL.name(),
              "false",
              "no"),
          ignored(
              "es.http.retries",
              "Sluice's engine retries a failed request on the next node, "
                  + RETRY_COUNT.name()
                  + " times within sluice.retry.budget, and stops the job when they run out,"
                  + " never dead-letters: the count cannot change the documents written",
              "3"),
          ignored("es.action.heart.beat.lead", "Sluice needs no task heartbeat"),
          ignored("es.net.ssl.protocol", "the JVM's TLS protocols are used", "tls"),
          ignored("es.nodes.discovery", NODES_ONLY, "false", "no"),
          ignored("es.nodes.wan.only", NODES_ONLY, "true", "yes"),
          ignored("es.nodes.client.only", NODES_ONLY, "false", "no"),
          ignored("es.nodes.data.only", NODES_ONLY),
          ignored("es.nodes.ingest.only", NODES_ONLY, "false", "no"),
          ignored("es.nodes.resolve.hostname", NODES_ONLY),
          ignored("es.mapping.constant.auto.quote", "Sluice reads no constants in options"),
          ignored("es.mapping.date.rich", READ_ONLY),
          ignored("es.resource.read", READ_ONLY),
          ignored("es.query", READ_ONLY),
          ignored("es.read.*", READ_ONLY),
          ignored("es.field.*", READ_ONLY),
          ignored("es.index.read.*", READ_ONLY),
          ignored("es.scroll.*", READ_ONLY),
          ignored("es.output.json", READ_ONLY),
          ignored("es.ser.reader.*", READ_ONLY),
          ignored("es.spark.sql.streaming.*", "Sluice writes batches only"),
          ignored("es.internal.*", "reserved by elasticsearch-hadoop"));

  private ConfigKeys() {}

  /** The entry for an option Sluice does not implement, or null when it is not one of them. */
  public static UnimplementedOption unimplemented(String name) {
    for (UnimplementedOption option : UNIMPLEMENTED) {
      if (option.matches(name)) {
        return option;
      }
    }
    return null;
  }

  private static UnimplementedOption refused(String pattern, String reason, String... honoured) {
    return new UnimplementedOption(
        pattern, UnimplementedOption.Effect.REFUSED, Set.of(honoured), reason);
  }

  private static UnimplementedOption ignored(String pattern, String reason, String... honoured) {
    return new UnimplementedOption(
        pattern, UnimplementedOption.Effect.IGNORED, Set.of(honoured), reason);
  }

  private static <T> ConfigKey<T> key(
      String name, String defaultText, String description, Function<String, T> parser) {
    return new ConfigKey<>(name, defaultText, description, false, parser);
  }

  private static ConfigKey<Secret> secretKey(String name, String description) {
    return new ConfigKey<>(name, null, description, true, secret());
  }

  private static Map<String, ConfigKey<?>> byName() {
    Map<String, ConfigKey<?>> map = new LinkedHashMap<>();
    for (ConfigKey<?> key : ALL) {
      if (map.put(key.name(), key) != null) {
        throw new IllegalStateException("option declared twice: " + key.name());
      }
    }
    return Map.copyOf(map);
  }
}
