package dev.sluice.core;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one document's JSON body, for callers that stream JSON (a Jackson generator, a template)
 * rather than hold bytes. It runs once, when the document is made: the bytes it writes are what
 * every attempt sends.
 */
@FunctionalInterface
public interface SourceWriter {
  void writeTo(OutputStream out) throws IOException;
}
