package dev.sluice.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link EsHandle} or {@link LocalElasticsearch} parameter resolved by {@link
 * ElasticsearchExtension}: inject the second shared node, whose write thread pool has one thread
 * and a queue of one, so concurrent bulks get real HTTP 429 / {@code
 * es_rejected_execution_exception} answers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TinyWriteQueue {}
