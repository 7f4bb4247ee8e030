package org.candor.search;

/**
 * Base of the failures this library reports; its message is meant for a person and never holds
 * case contents.
 */
public class CaseSearchException extends RuntimeException {
  public CaseSearchException(String message) {
    super(message);
  }

  public CaseSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
