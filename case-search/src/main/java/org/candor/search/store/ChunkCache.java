package org.candor.search.store;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free cache of decrypted chunks shared by all inputs of one {@link
 * EncryptedDirectory}, so that hot parts of the index (term dictionaries, doc values) are
 * decrypted once rather than on every query.
 *
 * <p>Direct-mapped: a chunk has exactly one slot, chosen by hashing its file and chunk number,
 * and a newer chunk simply replaces an older one. Entries are immutable, so readers need no lock.
 * The cache lives in memory only (plaintext in memory is where search happens; property 7 is
 * about rest), and {@link #clear()} drops and wipes it when the directory closes.
 */
final class ChunkCache {

  /** One decrypted chunk; {@code bytes} is never written after publication. */
  record Entry(long fileId, long chunk, byte[] bytes, int length) {}

  private final AtomicReferenceArray<Entry> slots;
  private final int mask;

  /** A cache of {@code 2^slotBits} chunks. */
  ChunkCache(int slotBits) {
    slots = new AtomicReferenceArray<>(1 << slotBits);
    mask = (1 << slotBits) - 1;
  }

  private int slot(long fileId, long chunk) {
    long h = fileId * 0x9E3779B97F4A7C15L + chunk * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  Entry get(long fileId, long chunk) {
    Entry e = slots.get(slot(fileId, chunk));
    return e != null && e.fileId() == fileId && e.chunk() == chunk ? e : null;
  }

  void put(Entry e) {
    slots.set(slot(e.fileId(), e.chunk()), e);
  }

  void clear() {
    for (int i = 0; i < slots.length(); i++) {
      Entry e = slots.getAndSet(i, null);
      if (e != null) {
        Arrays.fill(e.bytes(), (byte) 0);
      }
    }
  }
}
