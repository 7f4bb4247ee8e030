package org.candor.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of numbers and arrays of numbers from the encrypted input, wherever they fall: inside a
 * chunk, across two chunks, at the end of the file, in slices and clones, and by absolute
 * position. Every answer is compared with Lucene's own in-memory directory holding the same
 * bytes. Chunks of 512 bytes put many values across chunk boundaries.
 */
class EncryptedIndexInputTest {

  private static final int SHIFT = 9;
  private static final String FILE = "values";

  private final Random random = new Random(20_240_501L);
  private Directory plain;
  private Directory encrypted;
  private List<Object> written;
  private long length;

  @BeforeEach
  void writeTheSameValuesToBoth() throws IOException {
    byte[] key = new byte[32];
    random.nextBytes(key);
    plain = new ByteBuffersDirectory();
    encrypted = new EncryptedDirectory(new ByteBuffersDirectory(), key, SHIFT);
    written = new ArrayList<>();
    try (IndexOutput a = plain.createOutput(FILE, IOContext.DEFAULT);
        IndexOutput b = encrypted.createOutput(FILE, IOContext.DEFAULT)) {
      // An odd start so that fixed-size numbers do not line up with the chunks.
      a.writeByte((byte) 7);
      b.writeByte((byte) 7);
      written.add((byte) 7);
      for (int i = 0; i < 4000; i++) {
        writeOne(a, b);
      }
      length = a.getFilePointer();
      assertEquals(length, b.getFilePointer());
    }
    assertEquals(length, encrypted.fileLength(FILE));
  }

  private void writeOne(IndexOutput a, IndexOutput b) throws IOException {
    switch (random.nextInt(6)) {
      case 0 -> {
        byte v = (byte) random.nextInt();
        for (DataOutput o : List.of(a, b)) o.writeByte(v);
        written.add(v);
      }
      case 1 -> {
        short v = (short) random.nextInt();
        for (DataOutput o : List.of(a, b)) o.writeShort(v);
        written.add(v);
      }
      case 2 -> {
        int v = random.nextInt();
        for (DataOutput o : List.of(a, b)) o.writeInt(v);
        written.add(v);
      }
      case 3 -> {
        long v = random.nextLong();
        for (DataOutput o : List.of(a, b)) o.writeLong(v);
        written.add(v);
      }
      case 4 -> {
        int v = random.nextInt() >>> random.nextInt(32);
        for (DataOutput o : List.of(a, b)) o.writeVInt(v);
        written.add(new VInt(v));
      }
      default -> {
        long v = random.nextLong() >>> random.nextInt(1, 64);
        for (DataOutput o : List.of(a, b)) o.writeVLong(v);
        written.add(new VLong(v));
      }
    }
  }

  private record VInt(int value) {}

  private record VLong(long value) {}

  @AfterEach
  void close() throws IOException {
    plain.close();
    encrypted.close();
  }

  @Test
  void readsBackEveryValueInOrderAcrossChunkBoundaries() throws IOException {
    try (IndexInput in = encrypted.openInput(FILE, IOContext.DEFAULT)) {
      for (Object v : written) {
        Object read =
            switch (v) {
              case Byte b -> in.readByte();
              case Short s -> in.readShort();
              case Integer i -> in.readInt();
              case Long l -> in.readLong();
              case VInt i -> new VInt(in.readVInt());
              case VLong l -> new VLong(in.readVLong());
              default -> throw new AssertionError(v);
            };
        assertEquals(v, read);
      }
      assertEquals(length, in.getFilePointer());
      assertThrows(EOFException.class, in::readByte);
      assertThrows(EOFException.class, in::readInt);
      assertThrows(EOFException.class, in::readVLong);
    }
  }

  @Test
  void everyReadAtAnyPositionMatchesLucenesOwnInput() throws IOException {
    try (IndexInput expected = plain.openInput(FILE, IOContext.DEFAULT);
        IndexInput actual = encrypted.openInput(FILE, IOContext.DEFAULT)) {
      compareRandomReads(expected, actual, 20_000);
    }
  }

  @Test
  void slicesOfSlicesAndClonesReadTheSameAsLucenesOwn() throws IOException {
    try (IndexInput expectedFile = plain.openInput(FILE, IOContext.DEFAULT);
        IndexInput actualFile = encrypted.openInput(FILE, IOContext.DEFAULT)) {
      for (int i = 0; i < 50; i++) {
        long offset = random.nextLong(length);
        long len = random.nextLong(length - offset + 1);
        IndexInput expected = expectedFile.slice("s", offset, len);
        IndexInput actual = actualFile.slice("s", offset, len);
        if (len > 0 && random.nextBoolean()) {
          long inner = random.nextLong(len);
          long innerLen = random.nextLong(len - inner + 1);
          expected = expected.slice("t", inner, innerLen);
          actual = actual.slice("t", inner, innerLen);
        }
        compareRandomReads(expected, actual, 200);
        long at = expected.length() == 0 ? 0 : random.nextLong(expected.length());
        expected.seek(at);
        actual.seek(at);
        IndexInput expectedClone = expected.clone();
        IndexInput actualClone = actual.clone();
        assertEquals(at, actualClone.getFilePointer());
        compareRandomReads(expectedClone, actualClone, 200);
        assertEquals(at, actual.getFilePointer(), "a clone moves on its own");
      }
    }
  }

  @Test
  void randomAccessReadsMatchAndStayInsideTheSlice() throws IOException {
    try (IndexInput expectedFile = plain.openInput(FILE, IOContext.DEFAULT);
        IndexInput actualFile = encrypted.openInput(FILE, IOContext.DEFAULT)) {
      for (int round = 0; round < 20; round++) {
        long offset = random.nextLong(length / 2);
        long len = random.nextLong(16, length - offset);
        RandomAccessInput expected = expectedFile.randomAccessSlice(offset, len);
        RandomAccessInput actual = actualFile.randomAccessSlice(offset, len);
        assertEquals(len, actual.length());
        for (int i = 0; i < 500; i++) {
          long at = random.nextLong(len - 8);
          assertEquals(expected.readByte(at), actual.readByte(at), "byte at " + at);
          assertEquals(expected.readShort(at), actual.readShort(at), "short at " + at);
          assertEquals(expected.readInt(at), actual.readInt(at), "int at " + at);
          assertEquals(expected.readLong(at), actual.readLong(at), "long at " + at);
        }
        // Values that end exactly at the end of the slice, and reads beyond it.
        assertEquals(expected.readLong(len - 8), actual.readLong(len - 8));
        assertEquals(expected.readByte(len - 1), actual.readByte(len - 1));
        assertThrows(EOFException.class, () -> actual.readByte(len));
        assertThrows(EOFException.class, () -> actual.readInt(len - 3));
        assertThrows(EOFException.class, () -> actual.readLong(-1));
      }
    }
  }

  /** Reads of each kind at random positions, comparing values, file pointers and end of file. */
  private void compareRandomReads(IndexInput expected, IndexInput actual, int reads) throws IOException {
    assertEquals(expected.length(), actual.length());
    for (int i = 0; i < reads; i++) {
      long at = expected.length() == 0 ? 0 : random.nextLong(expected.length() + 1);
      // Near the end often, so that reads run into it.
      if (random.nextInt(4) == 0) {
        at = Math.max(0, expected.length() - random.nextInt(20));
      }
      expected.seek(at);
      actual.seek(at);
      int op = random.nextInt(10);
      int n = random.nextInt(1, 200);
      Object want = read(expected, op, n);
      Object got = read(actual, op, n);
      if (want instanceof Exception) {
        assertEquals(EOFException.class, got.getClass(), "op " + op + " at " + at + ": " + got);
      } else {
        assertEquals(describe(want), describe(got), "op " + op + " at " + at);
        assertEquals(expected.getFilePointer(), actual.getFilePointer(), "op " + op + " at " + at);
      }
    }
  }

  private static Object read(DataInput in, int op, int n) throws IOException {
    try {
      return switch (op) {
        case 0 -> in.readByte();
        case 1 -> in.readShort();
        case 2 -> in.readInt();
        case 3 -> in.readLong();
        case 4 -> in.readVInt();
        case 5 -> in.readVLong();
        case 6 -> {
          int[] v = new int[n + 2];
          in.readInts(v, 1, n);
          yield v;
        }
        case 7 -> {
          long[] v = new long[n + 2];
          in.readLongs(v, 1, n);
          yield v;
        }
        case 8 -> {
          float[] v = new float[n + 2];
          in.readFloats(v, 1, n);
          yield v;
        }
        default -> {
          byte[] v = new byte[n];
          in.readBytes(v, 0, n);
          yield v;
        }
      };
    } catch (EOFException | IndexOutOfBoundsException e) {
      // Lucene's in-memory input reports some reads past the end as out of bounds.
      return e;
    }
  }

  private static String describe(Object v) {
    return switch (v) {
      case int[] a -> Arrays.toString(a);
      case long[] a -> Arrays.toString(a);
      case float[] a -> Arrays.toString(a);
      case byte[] a -> Arrays.toString(a);
      default -> String.valueOf(v);
    };
  }

  @Test
  void arraysEndingExactlyAtTheEndAreReadWholeAndOneMoreIsRefused() throws IOException {
    try (IndexInput actual = encrypted.openInput(FILE, IOContext.DEFAULT);
        IndexInput expected = plain.openInput(FILE, IOContext.DEFAULT)) {
      int ints = 300;
      long at = length - (long) ints * Integer.BYTES;
      int[] want = new int[ints];
      int[] got = new int[ints];
      expected.seek(at);
      expected.readInts(want, 0, ints);
      actual.seek(at);
      actual.readInts(got, 0, ints);
      assertArrayEquals(want, got);
      assertEquals(length, actual.getFilePointer());
      actual.seek(at + 1);
      assertThrows(EOFException.class, () -> actual.readInts(new int[ints], 0, ints));
    }
  }
}
