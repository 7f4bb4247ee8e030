package org.candor.search.store;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import org.apache.lucene.store.IndexOutput;

/**
 * Writes one index file as a header followed by AES-256-GCM sealed chunks, so that no plaintext
 * reaches the disk (property 7 of docs/design.md).
 *
 * <p>Lucene writes sequentially, so a chunk is sealed as soon as it is full and one more byte
 * arrives, and the last (possibly empty, possibly full) chunk is sealed with the final flag when
 * the output is closed. The checksum Lucene asks for is the CRC32 of the plaintext, as for any
 * other directory.
 */
final class EncryptedIndexOutput extends IndexOutput {

  private final IndexOutput out;
  private final FileCrypto crypto;
  private final Cipher cipher;
  private final byte[] chunk;
  private final byte[] sealed;
  private final CRC32 crc = new CRC32();
  private int chunkLength;
  private long chunkIndex;
  private long written;
  private boolean closed;

  EncryptedIndexOutput(IndexOutput out, FileCrypto crypto) throws IOException {
    super("EncryptedIndexOutput(" + out + ")", out.getName());
    this.out = out;
    this.crypto = crypto;
    this.cipher = crypto.newCipher();
    this.chunk = new byte[crypto.chunkSize()];
    this.sealed = new byte[crypto.chunkSize() + FileCrypto.TAG_LENGTH];
    byte[] header = crypto.header();
    out.writeBytes(header, 0, header.length);
  }

  @Override
  public void writeByte(byte b) throws IOException {
    if (chunkLength == chunk.length) {
      sealChunk(false);
    }
    chunk[chunkLength++] = b;
    crc.update(b);
    written++;
  }

  @Override
  public void writeBytes(byte[] b, int offset, int length) throws IOException {
    crc.update(b, offset, length);
    written += length;
    while (length > 0) {
      if (chunkLength == chunk.length) {
        sealChunk(false);
      }
      int n = Math.min(length, chunk.length - chunkLength);
      System.arraycopy(b, offset, chunk, chunkLength, n);
      chunkLength += n;
      offset += n;
      length -= n;
    }
  }

  private void sealChunk(boolean last) throws IOException {
    try {
      int n = crypto.seal(cipher, chunkIndex, last, chunk, chunkLength, sealed);
      out.writeBytes(sealed, 0, n);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not encrypt an index chunk", e);
    }
    chunkIndex++;
    chunkLength = 0;
  }

  @Override
  public long getFilePointer() {
    return written;
  }

  @Override
  public long getChecksum() {
    return crc.getValue();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      sealChunk(true);
    } finally {
      java.util.Arrays.fill(chunk, (byte) 0);
    }
  }
}
