package org.candor.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts one case index at rest; held in memory only (property 7 of
 * docs/design.md).
 *
 * <p>The desk keeps it wrapped to the investigators' OpenPGP keys and hands the unwrapped bytes
 * here while an authorised investigator has unlocked their key. {@link #toString()} prints only
 * a short fingerprint, never the key; {@link #destroy()} wipes it.
 */
public final class IndexKey {

  /** Key length in bytes. */
  public static final int LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private volatile boolean destroyed;

  private IndexKey(byte[] key) {
    this.key = key;
  }

  /** A new random key from the JDK's strong random source. */
  public static IndexKey generate() {
    byte[] bytes = new byte[LENGTH];
    RANDOM.nextBytes(bytes);
    return new IndexKey(bytes);
  }

  /**
   * The key from its 32 bytes (copied; the caller should wipe its array).
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static IndexKey fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("an index key is exactly 32 bytes (256 bits)");
    }
    return new IndexKey(bytes.clone());
  }

  /** A copy of the key bytes, for wrapping to investigators' keys; wipe it after use. */
  public byte[] toBytes() {
    checkLive();
    return key.clone();
  }

  /** Wipes the key from memory; the object is unusable afterwards. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
  }

  /** True once {@link #destroy()} was called. */
  public boolean isDestroyed() {
    return destroyed;
  }

  /** A one-way fingerprint (8 hex digits) that tells keys apart without revealing them. */
  public String fingerprint() {
    checkLive();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal("candor-index-key-fingerprint".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(tag, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("the index key was destroyed");
    }
  }

  @Override
  public String toString() {
    return destroyed ? "IndexKey[destroyed]" : "IndexKey[" + fingerprint() + "]";
  }
}
