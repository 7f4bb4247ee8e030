package org.candor.search.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The main class of the text-extraction child process: reads decrypted attachments from its
 * standard input, runs Apache Tika on each, and writes their text to its standard output; part of
 * how {@link AttachmentExtractor} keeps docs/design.md property 1 (no plaintext at rest) while Tika
 * copies some formats to temporary files.
 *
 * <p>It is started by {@link AttachmentExtractor} only, with {@code java.io.tmpdir}, {@code
 * user.home} and the working directory in a private in-memory folder, so whatever Tika or POI
 * spools lands in memory and is removed with the folder. It never opens a file of its own.
 *
 * <p>The protocol, all integers big-endian: after start-up the child writes {@link #MAGIC} and
 * one status byte ({@link #READY}, or {@link #FAILED} followed by a string naming the error class,
 * and exits). Then, per attachment, the parent writes chunks, each an {@code int} length {@code >
 * 0} and that many bytes, and ends the attachment with a length of {@code 0} (parse it) or {@code
 * -1} (discard it, no answer). The child answers a parsed attachment with a status byte ({@link
 * #TEXT}, {@link #UNSUPPORTED}, {@link #ENCRYPTED}, {@link #UNREADABLE}) and a string: an {@code
 * int} length and that many UTF-8 bytes (the text, at most the character limit, or a media type or
 * error class name). End of input ends the child.
 */
public final class ExtractionChild {

  static final int MAGIC = 0x43414e44;
  static final byte READY = 1;
  static final byte FAILED = 2;
  static final byte TEXT = 10;
  static final byte UNSUPPORTED = 11;
  static final byte ENCRYPTED = 12;
  static final byte UNREADABLE = 13;

  /** Exit status when an attachment is larger than the byte limit the child was given. */
  static final int EXIT_TOO_LARGE = 4;

  private ExtractionChild() {}

  /**
   * Runs the child.
   *
   * @param args the largest attachment in bytes, and the most characters of text per attachment
   */
  public static void main(String[] args) throws IOException {
    long maxBytes = Long.parseLong(args[0]);
    int maxChars = Integer.parseInt(args[1]);
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    // Libraries that print would corrupt the protocol: their output goes nowhere.
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
    AutoDetectParser parser;
    Set<MediaType> supported;
    try {
      parser = new AutoDetectParser();
      supported = parser.getSupportedTypes(new ParseContext());
    } catch (Throwable t) {
      out.writeInt(MAGIC);
      out.writeByte(FAILED);
      writeString(out, t.getClass().getName());
      out.flush();
      System.exit(2);
      return;
    }
    out.writeInt(MAGIC);
    out.writeByte(READY);
    out.flush();
    while (true) {
      byte[] document;
      try {
        document = readDocument(in, maxBytes);
      } catch (EOFException parentGone) {
        return;
      }
      if (document == null) {
        continue;
      }
      parse(parser, supported, document, maxChars, out);
      out.flush();
    }
  }

  /** One attachment from the chunks on the input, or null if the parent discarded it. */
  private static byte[] readDocument(DataInputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    while (true) {
      int n = in.readInt();
      if (n == 0) {
        return buffer.toByteArray();
      }
      if (n < 0) {
        return null;
      }
      if (buffer.size() + (long) n > maxBytes) {
        System.exit(EXIT_TOO_LARGE);
      }
      while (n > 0) {
        int r = in.read(chunk, 0, Math.min(n, chunk.length));
        if (r < 0) {
          throw new EOFException();
        }
        buffer.write(chunk, 0, r);
        n -= r;
      }
    }
  }

  private static void parse(
      AutoDetectParser parser, Set<MediaType> supported, byte[] document, int maxChars, DataOutputStream out)
      throws IOException {
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    Metadata metadata = new Metadata();
    try (TikaInputStream stream = TikaInputStream.get(document)) {
      parser.parse(stream, handler, metadata, new ParseContext());
    } catch (Exception e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        for (Throwable c = e; c != null; c = c.getCause()) {
          if (c instanceof EncryptedDocumentException) {
            out.writeByte(ENCRYPTED);
            writeString(out, "");
            return;
          }
        }
        out.writeByte(UNREADABLE);
        writeString(out, e.getClass().getSimpleName());
        return;
      }
    }
    String type = metadata.get(Metadata.CONTENT_TYPE);
    MediaType mediaType = type == null ? null : MediaType.parse(type);
    if (mediaType == null || !supported.contains(mediaType.getBaseType())) {
      out.writeByte(UNSUPPORTED);
      writeString(out, mediaType == null ? "unknown" : mediaType.getBaseType().toString());
      return;
    }
    String text = handler.toString();
    out.writeByte(TEXT);
    writeString(out, text.length() > maxChars ? text.substring(0, maxChars) : text);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
