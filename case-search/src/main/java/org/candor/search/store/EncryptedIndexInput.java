package org.candor.search.store;

import java.io.EOFException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.IndexInput;

/**
 * Reads an encrypted index file with random access, decrypting and authenticating one chunk at a
 * time (property 7 of DESIGN.md).
 *
 * <p>Plaintext is released only after the chunk's GCM tag verified; a tag failure is reported as
 * a {@link CorruptIndexException}. Clones and slices read through their own clone of the
 * ciphertext input and their own cipher, because Lucene hands clones to other threads. Decrypted
 * chunks are immutable once made and are shared through the directory's {@link ChunkCache}.
 */
final class EncryptedIndexInput extends IndexInput {

  private IndexInput in;
  private final FileCrypto crypto;
  private final long fileLength;
  private final long lastChunk;
  private final int shift;
  private final int mask;
  private final long sliceOffset;
  private final long sliceLength;
  private final boolean isClone;
  private final ChunkCache cache;
  private final long fileId;

  private long pos;
  private byte[] chunk;
  private long chunkIndex = -1;
  private int chunkLength;
  private byte[] sealed;
  private Cipher cipher;

  EncryptedIndexInput(
      String description, IndexInput in, FileCrypto crypto, long fileLength, ChunkCache cache, long fileId) {
    this(description, in, crypto, fileLength, 0, fileLength, false, cache, fileId);
  }

  private EncryptedIndexInput(
      String description,
      IndexInput in,
      FileCrypto crypto,
      long fileLength,
      long sliceOffset,
      long sliceLength,
      boolean isClone,
      ChunkCache cache,
      long fileId) {
    super(description);
    this.cache = cache;
    this.fileId = fileId;
    this.in = in;
    this.crypto = crypto;
    this.fileLength = fileLength;
    this.shift = crypto.chunkShift();
    this.mask = (1 << shift) - 1;
    long chunks = fileLength == 0 ? 1 : ((fileLength - 1) >>> shift) + 1;
    this.lastChunk = chunks - 1;
    this.sliceOffset = sliceOffset;
    this.sliceLength = sliceLength;
    this.isClone = isClone;
  }

  @Override
  public byte readByte() throws IOException {
    if (pos >= sliceLength) {
      throw new EOFException("read past EOF: " + this);
    }
    long abs = sliceOffset + pos;
    load(abs >>> shift);
    pos++;
    return chunk[(int) (abs & mask)];
  }

  @Override
  public void readBytes(byte[] b, int offset, int length) throws IOException {
    if (length > sliceLength - pos) {
      throw new EOFException("read past EOF: " + this);
    }
    while (length > 0) {
      long abs = sliceOffset + pos;
      load(abs >>> shift);
      int inChunk = (int) (abs & mask);
      int n = Math.min(length, chunkLength - inChunk);
      System.arraycopy(chunk, inChunk, b, offset, n);
      pos += n;
      offset += n;
      length -= n;
    }
  }

  private void load(long index) throws IOException {
    if (index == chunkIndex) {
      return;
    }
    ChunkCache.Entry cached = cache.get(fileId, index);
    if (cached != null) {
      chunk = cached.bytes();
      chunkLength = cached.length();
      chunkIndex = index;
      return;
    }
    int size = 1 << shift;
    if (sealed == null) {
      sealed = new byte[size + FileCrypto.TAG_LENGTH];
      cipher = crypto.newCipher();
    }
    boolean last = index == lastChunk;
    int plain = last ? (int) (fileLength - (index << shift)) : size;
    int sealedLength = plain + FileCrypto.TAG_LENGTH;
    in.seek(FileCrypto.HEADER_LENGTH + index * (size + (long) FileCrypto.TAG_LENGTH));
    in.readBytes(sealed, 0, sealedLength);
    chunkIndex = -1;
    byte[] fresh = new byte[plain];
    try {
      chunkLength = crypto.open(cipher, index, last, sealed, sealedLength, fresh);
    } catch (AEADBadTagException e) {
      throw new CorruptIndexException("chunk " + index + " failed authentication", this, e);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not decrypt chunk " + index + " of " + this, e);
    }
    chunk = fresh;
    chunkIndex = index;
    cache.put(new ChunkCache.Entry(fileId, index, fresh, chunkLength));
  }

  @Override
  public long getFilePointer() {
    return pos;
  }

  @Override
  public void seek(long newPos) throws IOException {
    if (newPos < 0) {
      throw new IllegalArgumentException("negative position " + newPos + ": " + this);
    }
    if (newPos > sliceLength) {
      throw new EOFException("seek past EOF (" + newPos + " > " + sliceLength + "): " + this);
    }
    pos = newPos;
  }

  @Override
  public long length() {
    return sliceLength;
  }

  @Override
  public EncryptedIndexInput clone() {
    EncryptedIndexInput c =
        new EncryptedIndexInput(
            toString(), in.clone(), crypto, fileLength, sliceOffset, sliceLength, true, cache, fileId);
    c.pos = pos;
    shareChunkWith(c);
    return c;
  }

  @Override
  public IndexInput slice(String description, long offset, long length) throws IOException {
    if (offset < 0 || length < 0 || offset > sliceLength - length) {
      throw new IllegalArgumentException(
          "slice(offset=" + offset + ", length=" + length + ") out of bounds: " + this);
    }
    EncryptedIndexInput s =
        new EncryptedIndexInput(
            toString() + " [slice=" + description + "]",
            in.clone(),
            crypto,
            fileLength,
            sliceOffset + offset,
            length,
            true,
            cache,
            fileId);
    shareChunkWith(s);
    return s;
  }

  private void shareChunkWith(EncryptedIndexInput other) {
    if (chunkIndex >= 0) {
      other.chunk = chunk;
      other.chunkIndex = chunkIndex;
      other.chunkLength = chunkLength;
    }
  }

  @Override
  public Optional<Boolean> isLoaded() {
    return in.isLoaded();
  }

  @Override
  public void close() throws IOException {
    if (!isClone && in != null) {
      in.close();
    }
  }
}
