package org.candor.search.store;

import java.io.IOException;

/**
 * Thrown when an index file's key-check value does not match the index key: the index was
 * opened with the wrong key. Kept apart from {@link org.apache.lucene.index.CorruptIndexException}
 * so that a wrong key is reported as such and never read as damage or as garbage (property 7).
 */
public final class WrongIndexKeyIOException extends IOException {
  public WrongIndexKeyIOException(String resource) {
    super("the index key does not open this index (key check failed on " + resource + ")");
  }
}
