package dev.sluice.core.config;

import java.io.Serializable;

/**
 * One extra header sent with every request ({@code es.net.http.header.<name>}). The value is held
 * as a {@link Secret} whatever the name, so no {@code toString} ever shows it.
 *
 * @param name lower case, as option keys are
 */
public record HttpHeader(String name, Secret value) implements Serializable {}
