package dev.sluice.testkit.proxy;

/**
 * One operation of a {@code _bulk} body.
 *
 * @param action {@code index}, {@code create}, {@code update} or {@code delete}
 * @param index the {@code _index} of the action line, or null if the request path names it
 * @param id the {@code _id} of the action line, or null for an automatic id
 * @param bytes the action line and its source line (none for delete), each ending in a newline,
 *     exactly as received
 */
public record BulkItem(String action, String index, String id, byte[] bytes) {}
