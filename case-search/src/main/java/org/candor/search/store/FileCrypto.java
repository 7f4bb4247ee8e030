package org.candor.search.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key derivation, header layout and per-chunk AES-GCM of one encrypted index file; keeps
 * property 7 of docs/design.md (the index is encrypted at rest).
 *
 * <p>Every file starts with a {@value #HEADER_LENGTH}-byte header: magic {@code CNDX}, a version
 * byte, the base-2 logarithm of the chunk size, two reserved bytes, a 32-byte random salt and a
 * 16-byte key-check value. The salt gives each file its own AES-256 key (HKDF-SHA256 of the index
 * key), so the GCM nonce can simply be the chunk index and never repeats under one key. The key
 * check tells a wrong index key apart from a damaged file before any chunk is decrypted. Each
 * chunk is sealed with AES-256-GCM; its additional data are the whole header (the file's
 * identity), the chunk index and a final-chunk flag, so chunks cannot be reordered, moved between
 * files, or cut off at a chunk boundary without the tag check failing.
 */
final class FileCrypto {

  static final int HEADER_LENGTH = 56;
  static final int TAG_LENGTH = 16;
  static final int SALT_LENGTH = 32;
  static final int KEY_CHECK_LENGTH = 16;
  static final byte VERSION = 1;
  private static final byte[] MAGIC = {'C', 'N', 'D', 'X'};
  private static final byte[] FILE_KEY_INFO =
      "candor-index-file-key-v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_CHECK_INFO =
      "candor-index-key-check-v1".getBytes(StandardCharsets.US_ASCII);

  private final byte[] header;
  private final SecretKeySpec fileKey;
  private final int chunkShift;

  private FileCrypto(byte[] header, SecretKeySpec fileKey, int chunkShift) {
    this.header = header;
    this.fileKey = fileKey;
    this.chunkShift = chunkShift;
  }

  /** Makes the crypto state and header for a new file, with a fresh random salt. */
  static FileCrypto forNewFile(byte[] indexKey, int chunkShift, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    byte[] prk = hmac(salt, indexKey);
    byte[] header = new byte[HEADER_LENGTH];
    System.arraycopy(MAGIC, 0, header, 0, 4);
    header[4] = VERSION;
    header[5] = (byte) chunkShift;
    System.arraycopy(salt, 0, header, 8, SALT_LENGTH);
    System.arraycopy(expand(prk, KEY_CHECK_INFO), 0, header, 40, KEY_CHECK_LENGTH);
    SecretKeySpec key = new SecretKeySpec(expand(prk, FILE_KEY_INFO), "AES");
    Arrays.fill(prk, (byte) 0);
    return new FileCrypto(header, key, chunkShift);
  }

  /**
   * Checks a header read from disk and derives the file key.
   *
   * @throws WrongIndexKeyIOException when the key-check value does not match this key
   * @throws org.apache.lucene.index.CorruptIndexException when the header is not one of ours
   */
  static FileCrypto forExistingFile(byte[] indexKey, byte[] header, String resource)
      throws java.io.IOException {
    if (header.length != HEADER_LENGTH
        || !Arrays.equals(header, 0, 4, MAGIC, 0, 4)
        || header[4] != VERSION) {
      throw new org.apache.lucene.index.CorruptIndexException(
          "not an encrypted index file (bad magic or version)", resource);
    }
    int shift = header[5];
    if (shift < 9 || shift > 20) {
      throw new org.apache.lucene.index.CorruptIndexException("bad chunk size", resource);
    }
    byte[] salt = Arrays.copyOfRange(header, 8, 8 + SALT_LENGTH);
    byte[] prk = hmac(salt, indexKey);
    try {
      byte[] check = Arrays.copyOf(expand(prk, KEY_CHECK_INFO), KEY_CHECK_LENGTH);
      if (!MessageDigest.isEqual(check, Arrays.copyOfRange(header, 40, 40 + KEY_CHECK_LENGTH))) {
        throw new WrongIndexKeyIOException(resource);
      }
      return new FileCrypto(header.clone(), new SecretKeySpec(expand(prk, FILE_KEY_INFO), "AES"), shift);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  byte[] header() {
    return header.clone();
  }

  int chunkShift() {
    return chunkShift;
  }

  int chunkSize() {
    return 1 << chunkShift;
  }

  /** Plaintext length of a file of {@code cipherLength} bytes, or -1 if no valid length fits. */
  static long plainLength(long cipherLength, int chunkShift) {
    long body = cipherLength - HEADER_LENGTH;
    if (body < TAG_LENGTH) {
      return -1;
    }
    long sealed = (1L << chunkShift) + TAG_LENGTH;
    long full = body / sealed;
    long rest = body % sealed;
    if (rest == 0) {
      return full << chunkShift;
    }
    if (rest < TAG_LENGTH) {
      return -1;
    }
    return (full << chunkShift) + rest - TAG_LENGTH;
  }

  Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /** Seals one chunk; returns the number of bytes written to {@code out} (plain length + tag). */
  int seal(Cipher cipher, long chunkIndex, boolean last, byte[] plain, int plainLength, byte[] out)
      throws GeneralSecurityException {
    cipher.init(Cipher.ENCRYPT_MODE, fileKey, nonce(chunkIndex));
    cipher.updateAAD(header);
    cipher.updateAAD(chunkAad(chunkIndex, last));
    return cipher.doFinal(plain, 0, plainLength, out, 0);
  }

  /** Opens one chunk; throws {@link javax.crypto.AEADBadTagException} if it was altered. */
  int open(Cipher cipher, long chunkIndex, boolean last, byte[] sealed, int sealedLength, byte[] out)
      throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, fileKey, nonce(chunkIndex));
    cipher.updateAAD(header);
    cipher.updateAAD(chunkAad(chunkIndex, last));
    return cipher.doFinal(sealed, 0, sealedLength, out, 0);
  }

  private static GCMParameterSpec nonce(long chunkIndex) {
    byte[] iv = new byte[12];
    ByteBuffer.wrap(iv, 4, 8).putLong(chunkIndex);
    return new GCMParameterSpec(TAG_LENGTH * 8, iv);
  }

  private static byte[] chunkAad(long chunkIndex, boolean last) {
    byte[] aad = new byte[9];
    ByteBuffer.wrap(aad).putLong(chunkIndex);
    aad[8] = (byte) (last ? 1 : 0);
    return aad;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** HKDF-Expand (RFC 5869) for one 32-byte block. */
  private static byte[] expand(byte[] prk, byte[] info) {
    byte[] input = Arrays.copyOf(info, info.length + 1);
    input[info.length] = 1;
    return hmac(prk, input);
  }
}
