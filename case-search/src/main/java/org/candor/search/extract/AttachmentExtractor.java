package org.candor.search.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.candor.search.Attachment;
import org.candor.search.AttachmentProblem.Reason;

/**
 * Extracts the searchable text of a decrypted attachment with Apache Tika, within a byte limit, a
 * character limit and a time limit, and reports hostile or broken files with a typed failure
 * instead of stopping the indexing of the rest (property 10 of DESIGN.md).
 *
 * <p>Only the parser modules for plain text, PDF and Office documents are on the class path.
 * The input is read from a stream and never written to disk. A parse that overruns the time limit
 * is abandoned: Java cannot kill a thread, so the parse thread is interrupted and left to finish
 * as a daemon; running Tika in a separate process would be the stronger isolation and is left to
 * the deployment if hostile files prove common. Thread-safe.
 */
public final class AttachmentExtractor implements AutoCloseable {

  /** The limits of one extraction. */
  public record Limits(long maxBytes, int maxChars, Duration timeout) {
    /** 50 MiB in, one million characters out, 20 seconds. */
    public static Limits defaults() {
      return new Limits(50L << 20, 1_000_000, Duration.ofSeconds(20));
    }
  }

  /** Why an attachment gave no text. */
  public static final class ExtractionException extends Exception {
    private final Reason reason;

    ExtractionException(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Tika's parser is thread-safe and costly to set up: one per class loader, made on first use. */
  private static final class Shared {
    static final AutoDetectParser PARSER = new AutoDetectParser();
    static final Set<MediaType> SUPPORTED = PARSER.getSupportedTypes(new ParseContext());
  }

  private final Limits limits;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "candor-attachment-extractor");
            t.setDaemon(true);
            return t;
          });

  public AttachmentExtractor(Limits limits) {
    this.limits = limits;
  }

  /** The text of an attachment, cut at the character limit. */
  public String extract(Attachment attachment) throws ExtractionException {
    Future<String> task = pool.submit(() -> parse(attachment));
    try {
      return task.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new ExtractionException(
          Reason.TIMED_OUT, "text extraction took longer than " + limits.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException(Reason.TIMED_OUT, "text extraction was interrupted");
    } catch (ExecutionException e) {
      throw classify(e.getCause());
    }
  }

  private String parse(Attachment attachment) throws Exception {
    BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
    Metadata metadata = new Metadata();
    try (InputStream in = new LimitedInputStream(attachment.content().open(), limits.maxBytes())) {
      Shared.PARSER.parse(in, handler, metadata, new ParseContext());
    } catch (Exception e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
    }
    String type = metadata.get(Metadata.CONTENT_TYPE);
    MediaType mediaType = type == null ? null : MediaType.parse(type);
    if (mediaType == null || !Shared.SUPPORTED.contains(mediaType.getBaseType())) {
      throw new ExtractionException(
          Reason.UNSUPPORTED, "no text extractor for this file type (" + baseType(mediaType) + ")");
    }
    return handler.toString();
  }

  private static String baseType(MediaType type) {
    return type == null ? "unknown" : type.getBaseType().toString();
  }

  private ExtractionException classify(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ExtractionException ee) {
        return ee;
      }
      if (c instanceof TooLarge) {
        return new ExtractionException(
            Reason.TOO_LARGE, "larger than the limit of " + limits.maxBytes() + " bytes");
      }
      if (c instanceof EncryptedDocumentException) {
        return new ExtractionException(Reason.UNREADABLE, "the file is password-protected");
      }
    }
    return new ExtractionException(
        Reason.UNREADABLE,
        "the file could not be read as its type claims (" + t.getClass().getSimpleName() + ")");
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("attachment exceeds the size limit");
    }
  }

  /** Fails the read once more than {@code max} bytes came through. */
  private static final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    LimitedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count > max) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (count += n) > max) {
        throw new TooLarge();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      if ((count += s) > max) {
        throw new TooLarge();
      }
      return s;
    }
  }
}
