package org.candor.search.store;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.tests.store.BaseDirectoryTestCase;

/**
 * Runs Lucene's own directory contract suite against {@link EncryptedDirectory} (JUnit 4, run by
 * the vintage engine). A small chunk size is used so that the suite's files span many chunks.
 */
public class EncryptedDirectoryTest extends BaseDirectoryTestCase {

  @Override
  protected Directory getDirectory(Path path) throws IOException {
    byte[] key = new byte[32];
    random().nextBytes(key);
    int shift = random().nextBoolean() ? 9 : EncryptedDirectory.DEFAULT_CHUNK_SHIFT;
    return new EncryptedDirectory(FSDirectory.open(path), key, shift);
  }
}
