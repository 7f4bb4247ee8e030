package org.candor.search.store;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * Reads an encrypted index file with random access, decrypting and authenticating one chunk at a
 * time (property 7 of docs/design.md).
 *
 * <p>Plaintext is released only after the chunk's GCM tag verified; a tag failure is reported as
 * a {@link CorruptIndexException}. Clones and slices read through their own clone of the
 * ciphertext input and their own cipher, because Lucene hands clones to other threads. Decrypted
 * chunks are immutable once made and are shared through the directory's {@link ChunkCache}.
 *
 * <p>Numbers that lie inside one decrypted chunk are read straight from it (little-endian, as
 * Lucene's {@code DataInput} writes them), and whole arrays of them chunk by chunk: postings,
 * term dictionaries and doc values read millions of them per search, and reading each byte
 * through {@link #readByte()} cost a sixth of a search. Only a number that straddles two chunks,
 * or the end of the file, is read byte by byte. The input is also its own {@link
 * RandomAccessInput}, as Lucene's doc values ask for one.
 */
final class EncryptedIndexInput extends IndexInput implements RandomAccessInput {

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

  /**
   * Loads the chunk of the next {@code n} bytes and returns their offset in it, or -1 when they
   * are not all there (they straddle two chunks, or the file ends first).
   */
  private int inChunk(int n) throws IOException {
    if (n > sliceLength - pos) {
      return -1;
    }
    long abs = sliceOffset + pos;
    load(abs >>> shift);
    int i = (int) (abs & mask);
    return i + n <= chunkLength ? i : -1;
  }

  @Override
  public short readShort() throws IOException {
    int i = inChunk(Short.BYTES);
    if (i < 0) {
      return super.readShort();
    }
    pos += Short.BYTES;
    return (short) SHORT.get(chunk, i);
  }

  @Override
  public int readInt() throws IOException {
    int i = inChunk(Integer.BYTES);
    if (i < 0) {
      return super.readInt();
    }
    pos += Integer.BYTES;
    return (int) INT.get(chunk, i);
  }

  @Override
  public long readLong() throws IOException {
    int i = inChunk(Long.BYTES);
    if (i < 0) {
      return super.readLong();
    }
    pos += Long.BYTES;
    return (long) LONG.get(chunk, i);
  }

  @Override
  public void readInts(int[] dst, int offset, int length) throws IOException {
    checkAvailable((long) length * Integer.BYTES);
    while (length > 0) {
      int n = wholeInChunk(length, Integer.BYTES);
      if (n == 0) {
        dst[offset++] = super.readInt();
        length--;
        continue;
      }
      int i = (int) ((sliceOffset + pos) & mask);
      for (int k = 0; k < n; k++, i += Integer.BYTES) {
        dst[offset + k] = (int) INT.get(chunk, i);
      }
      pos += (long) n * Integer.BYTES;
      offset += n;
      length -= n;
    }
  }

  @Override
  public void readLongs(long[] dst, int offset, int length) throws IOException {
    checkAvailable((long) length * Long.BYTES);
    while (length > 0) {
      int n = wholeInChunk(length, Long.BYTES);
      if (n == 0) {
        dst[offset++] = super.readLong();
        length--;
        continue;
      }
      int i = (int) ((sliceOffset + pos) & mask);
      for (int k = 0; k < n; k++, i += Long.BYTES) {
        dst[offset + k] = (long) LONG.get(chunk, i);
      }
      pos += (long) n * Long.BYTES;
      offset += n;
      length -= n;
    }
  }

  @Override
  public void readFloats(float[] dst, int offset, int length) throws IOException {
    checkAvailable((long) length * Float.BYTES);
    while (length > 0) {
      int n = wholeInChunk(length, Float.BYTES);
      if (n == 0) {
        dst[offset++] = Float.intBitsToFloat(super.readInt());
        length--;
        continue;
      }
      int i = (int) ((sliceOffset + pos) & mask);
      for (int k = 0; k < n; k++, i += Float.BYTES) {
        dst[offset + k] = Float.intBitsToFloat((int) INT.get(chunk, i));
      }
      pos += (long) n * Float.BYTES;
      offset += n;
      length -= n;
    }
  }

  /** Loads the current chunk; how many of {@code wanted} values of {@code size} bytes it holds whole. */
  private int wholeInChunk(int wanted, int size) throws IOException {
    long abs = sliceOffset + pos;
    load(abs >>> shift);
    int i = (int) (abs & mask);
    return Math.min(wanted, (chunkLength - i) / size);
  }

  private void checkAvailable(long bytes) throws EOFException {
    if (bytes > sliceLength - pos) {
      throw new EOFException("read past EOF: " + this);
    }
  }

  @Override
  public int readVInt() throws IOException {
    // Values of up to four bytes inside the chunk; everything else, malformed input included, is
    // left to DataInput.
    if (pos < sliceLength) {
      long abs = sliceOffset + pos;
      load(abs >>> shift);
      int i = (int) (abs & mask);
      int end = (int) Math.min(chunkLength, i + Math.min(4, sliceLength - pos));
      int value = 0;
      for (int k = i, bits = 0; k < end; k++, bits += 7) {
        byte b = chunk[k];
        value |= (b & 0x7F) << bits;
        if (b >= 0) {
          pos += k - i + 1;
          return value;
        }
      }
    }
    return super.readVInt();
  }

  @Override
  public long readVLong() throws IOException {
    // As readVInt, for values of up to eight bytes.
    if (pos < sliceLength) {
      long abs = sliceOffset + pos;
      load(abs >>> shift);
      int i = (int) (abs & mask);
      int end = (int) Math.min(chunkLength, i + Math.min(8, sliceLength - pos));
      long value = 0;
      for (int k = i, bits = 0; k < end; k++, bits += 7) {
        byte b = chunk[k];
        value |= (b & 0x7FL) << bits;
        if (b >= 0) {
          pos += k - i + 1;
          return value;
        }
      }
    }
    return super.readVLong();
  }

  // ----- RandomAccessInput: absolute positions within this slice; the file pointer stays -----

  @Override
  public byte readByte(long at) throws IOException {
    checkRandomAccess(at, Byte.BYTES);
    long abs = sliceOffset + at;
    load(abs >>> shift);
    return chunk[(int) (abs & mask)];
  }

  @Override
  public short readShort(long at) throws IOException {
    checkRandomAccess(at, Short.BYTES);
    long abs = sliceOffset + at;
    load(abs >>> shift);
    int i = (int) (abs & mask);
    if (i + Short.BYTES <= chunkLength) {
      return (short) SHORT.get(chunk, i);
    }
    return (short) ((readByte(at) & 0xFF) | (readByte(at + 1) & 0xFF) << 8);
  }

  @Override
  public int readInt(long at) throws IOException {
    checkRandomAccess(at, Integer.BYTES);
    long abs = sliceOffset + at;
    load(abs >>> shift);
    int i = (int) (abs & mask);
    if (i + Integer.BYTES <= chunkLength) {
      return (int) INT.get(chunk, i);
    }
    return (readShort(at) & 0xFFFF) | (readShort(at + 2) & 0xFFFF) << 16;
  }

  @Override
  public long readLong(long at) throws IOException {
    checkRandomAccess(at, Long.BYTES);
    long abs = sliceOffset + at;
    load(abs >>> shift);
    int i = (int) (abs & mask);
    if (i + Long.BYTES <= chunkLength) {
      return (long) LONG.get(chunk, i);
    }
    return (readInt(at) & 0xFFFFFFFFL) | ((long) readInt(at + 4)) << 32;
  }

  private void checkRandomAccess(long at, int n) throws EOFException {
    if (at < 0 || at > sliceLength - n) {
      throw new EOFException("read of " + n + " bytes at " + at + " outside " + this);
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
