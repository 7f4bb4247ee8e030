package org.candor.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;

/**
 * A Lucene {@link Directory} that encrypts every file it writes and decrypts what it reads, so
 * that no index file on disk holds plaintext (property 7 of docs/design.md).
 *
 * <p>It wraps another directory (an {@link org.apache.lucene.store.FSDirectory} in production)
 * and passes names, listing, renames, syncs, locks and deletions through unchanged: Lucene's file
 * names ({@code _0.cfs}, {@code segments_2}) say nothing about contents. Every output, temporary
 * files of merges and sorting included, goes through {@link EncryptedIndexOutput}; file lengths
 * are reported as plaintext lengths, computed from the ciphertext size without the key. The
 * format is described in {@link FileCrypto} and in {@code docs/protocol.md}.
 *
 * <p>On a file system, every file is made readable by its owner only as soon as it is created, and
 * files and folder carry the start of the UTC day of their last commit as modification and access
 * time instead of the exact moment (docs/design.md property 6; docs/threat-model.md says what the
 * file system still keeps).
 *
 * <p>The directory keeps its own copy of the 256-bit index key and wipes it on {@link #close()}.
 */
public final class EncryptedDirectory extends FilterDirectory {

  /** Plaintext bytes per chunk: 2^13 = 8 KiB. */
  public static final int DEFAULT_CHUNK_SHIFT = 13;

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
    return wrap(ownerOnly(in.createOutput(name, context)));
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    return wrap(ownerOnly(in.createTempOutput(prefix, suffix, context)));
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    super.sync(names);
    for (String name : names) {
      dayRounded(name);
    }
  }

  @Override
  public void deleteFile(String name) throws IOException {
    super.deleteFile(name);
    folder().ifPresent(EncryptedDirectory::setDayRounded);
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    super.rename(source, dest);
    dayRounded(dest);
  }

  @Override
  public Lock obtainLock(String name) throws IOException {
    Lock lock = super.obtainLock(name);
    Optional<Path> folder = folder();
    if (folder.isPresent() && folder.get().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(folder.get().resolve(name), OWNER_ONLY);
    }
    // The lock file keeps its own time: setting a time opens and closes the file, and closing any
    // descriptor of it would drop the process's lock, letting a second writer in. It holds no data.
    return lock;
  }

  @Override
  public void syncMetaData() throws IOException {
    super.syncMetaData();
    folder().ifPresent(EncryptedDirectory::setDayRounded);
  }

  /** The folder of the wrapped directory when it is on a file system. */
  private Optional<Path> folder() {
    Directory unwrapped = FilterDirectory.unwrap(in);
    return unwrapped instanceof FSDirectory fs ? Optional.of(fs.getDirectory()) : Optional.empty();
  }

  /** A new file is readable by its owner only, whatever the process's umask (docs/design.md property 6). */
  private IndexOutput ownerOnly(IndexOutput raw) throws IOException {
    Optional<Path> folder = folder();
    if (folder.isPresent() && folder.get().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.setPosixFilePermissions(folder.get().resolve(raw.getName()), OWNER_ONLY);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }
    return raw;
  }

  /**
   * A committed file and its folder carry the start of the current UTC day as modification and
   * access time, not the moment an index write happened (docs/design.md property 6).
   */
  private void dayRounded(String name) {
    folder().ifPresent(f -> {
      setDayRounded(f.resolve(name));
      setDayRounded(f);
    });
  }

  private static void setDayRounded(Path path) {
    FileTime day = FileTime.from(Instant.now().truncatedTo(ChronoUnit.DAYS));
    try {
      Files.getFileAttributeView(path, BasicFileAttributeView.class).setTimes(day, day, null);
    } catch (IOException gone) {
      // a file deleted meanwhile (merges remove files at any time) has no time left to hide
    }
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
