package org.candor.search;

/**
 * Another index writer (another process, or another open {@link CaseIndex} in this one) holds
 * the folder's write lock. Nothing was read or changed: the caller must not treat the folder as
 * unreadable and empty it, since its files belong to the index that is open elsewhere.
 */
public final class IndexInUseException extends CaseSearchException {
  public IndexInUseException(Throwable cause) {
    super("The search index is in use by another process.", cause);
  }
}
