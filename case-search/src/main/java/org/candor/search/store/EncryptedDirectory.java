package org.candor.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene {@link Directory} that encrypts every file it writes and decrypts what it reads, so
 * that no index file on disk holds plaintext (property 7 of DESIGN.md).
 *
 * <p>It wraps another directory (an {@link org.apache.lucene.store.FSDirectory} in production)
 * and passes names, listing, renames, syncs, locks and deletions through unchanged: Lucene's file
 * names ({@code _0.cfs}, {@code segments_2}) say nothing about contents. Every output, temporary
 * files of merges and sorting included, goes through {@link EncryptedIndexOutput}; file lengths
 * are reported as plaintext lengths, computed from the ciphertext size without the key. The
 * format is described in {@link FileCrypto} and in {@code docs/protocol.md}.
 *
 * <p>The directory keeps its own copy of the 256-bit index key and wipes it on {@link #close()}.
 */
public final class EncryptedDirectory extends FilterDirectory {

  /** Plaintext bytes per chunk: 2^13 = 8 KiB. */
  public static final int DEFAULT_CHUNK_SHIFT = 13;

  private final byte[] key;
  private final int chunkShift;
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong nextFileId = new AtomicLong();
  /** 4096 chunks of 8 KiB: at most 32 MiB of decrypted index in memory. */
  private final ChunkCache cache = new ChunkCache(12);

  /**
   * Wraps {@code delegate}.
   *
   * @param key the 256-bit index key (copied)
   */
  public EncryptedDirectory(Directory delegate, byte[] key) {
    this(delegate, key, DEFAULT_CHUNK_SHIFT);
  }

  EncryptedDirectory(Directory delegate, byte[] key, int chunkShift) {
    super(delegate);
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("the index key must be 32 bytes (AES-256)");
    }
    this.key = key.clone();
    this.chunkShift = chunkShift;
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    return wrap(in.createOutput(name, context));
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    return wrap(in.createTempOutput(prefix, suffix, context));
  }

  private IndexOutput wrap(IndexOutput raw) throws IOException {
    boolean ok = false;
    try {
      IndexOutput out =
          new EncryptedIndexOutput(raw, FileCrypto.forNewFile(key, chunkShift, random));
      ok = true;
      return out;
    } finally {
      if (!ok) {
        raw.close();
      }
    }
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    IndexInput raw = in.openInput(name, context);
    boolean ok = false;
    try {
      if (raw.length() < FileCrypto.HEADER_LENGTH + FileCrypto.TAG_LENGTH) {
        // Only a file whose output is still open (or a truncated one) is this short: it reads
        // as empty, and Lucene's codec checks then report it as truncated if it is read.
        raw.close();
        ok = true;
        return new ByteBuffersIndexInput(
            new ByteBuffersDataInput(List.of(ByteBuffer.allocate(0))), "EncryptedIndexInput(incomplete " + name + ")");
      }
      byte[] header = new byte[FileCrypto.HEADER_LENGTH];
      raw.readBytes(header, 0, header.length);
      FileCrypto crypto = FileCrypto.forExistingFile(key, header, name);
      long length = FileCrypto.plainLength(raw.length(), crypto.chunkShift());
      if (length < 0) {
        throw new CorruptIndexException("truncated encrypted index file", raw);
      }
      IndexInput input =
          new EncryptedIndexInput(
              "EncryptedIndexInput(" + name + ")", raw, crypto, length, cache, nextFileId.incrementAndGet());
      ok = true;
      return input;
    } finally {
      if (!ok) {
        raw.close();
      }
    }
  }

  @Override
  public long fileLength(String name) throws IOException {
    // Every file of one directory is written with the same chunk size, so no key and no read
    // is needed here.
    return Math.max(0, FileCrypto.plainLength(in.fileLength(name), chunkShift));
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      Arrays.fill(key, (byte) 0);
      cache.clear();
    }
  }

  @Override
  public String toString() {
    return "EncryptedDirectory(" + in + ")";
  }
}
