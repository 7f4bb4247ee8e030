package org.candor.search;

/**
 * A search query could not be understood; the message says why in words a person can act on,
 * without a stack trace (property 10 of docs/design.md: bad input fails clearly).
 */
public final class InvalidQueryException extends CaseSearchException {
  public InvalidQueryException(String message) {
    super(message);
  }
}
