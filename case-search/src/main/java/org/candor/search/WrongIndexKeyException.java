package org.candor.search;

/**
 * The index was opened with a key that does not open it; nothing was read (property 7 of
 * docs/design.md: a wrong key fails closed and never yields garbage results).
 */
public final class WrongIndexKeyException extends CaseSearchException {
  public WrongIndexKeyException(Throwable cause) {
    super("This key does not open the search index.", cause);
  }
}
