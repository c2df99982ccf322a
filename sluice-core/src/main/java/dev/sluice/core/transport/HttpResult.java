package dev.sluice.core.transport;

/**
 * What came back for one request: a status and body, or the exception that stopped it.
 *
 * @param status 0 when {@code error} is set
 */
public record HttpResult(int status, byte[] body, Exception error) {

  public static HttpResult response(int status, byte[] body) {
    return new HttpResult(status, body, null);
  }

  public static HttpResult failure(Exception error) {
    return new HttpResult(0, new byte[0], error);
  }
}
