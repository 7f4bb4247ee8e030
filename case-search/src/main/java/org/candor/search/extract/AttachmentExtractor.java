package org.candor.search.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.candor.search.Attachment;
import org.candor.search.AttachmentProblem.Reason;

/**
 * Extracts the searchable text of a decrypted attachment in a separate Java process that runs
 * Apache Tika, so that docs/design.md property 1 (no plaintext at rest) holds although Tika and POI copy
 * some formats to temporary files (OLE2 documents such as .xls, .doc, .ppt, .msg and encrypted
 * Office files for type detection; OOXML and other ZIP containers), and property 10 (a hostile
 * or broken file is reported as "text not extracted" and never stops the indexer).
 *
 * <p>The child ({@link ExtractionChild}) runs with the same JDK and a class path made of the
 * locations Tika and its parsers were loaded from. The attachment goes to it through its standard
 * input and the text comes back through its standard output; neither side writes a file. The
 * child's {@code java.io.tmpdir}, home and working directory are a fresh owner-only folder on a
 * memory file system ({@code /dev/shm} by default, checked to be {@code tmpfs}), deleted when the
 * child ends; without such a file system the child gets no writable folder at all and formats that
 * need one give no text. The child has a heap cap ({@code -Xmx}, and exits on running out of
 * memory), writes no crash report, performance data or attach socket to disk, and is killed when
 * one attachment takes longer than the time limit. Its answer is bounded by the character limit.
 *
 * <p>A child's start-up (about half a second to several seconds on a loaded machine) is not
 * counted against an attachment's time limit; it has its own limit of two minutes. Children are
 * reused for up to {@link Process#maxPerChild()} attachments and kept in a pool
 * of at most {@link Process#poolSize()}; more concurrent callers wait for a child. A child idle for
 * {@link Process#idleTime()} is stopped. Thread-safe.
 */
public final class AttachmentExtractor implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AttachmentExtractor.class.getName());
  private static final String SCRATCH_PREFIX = "candor-extract-";
  /** How long a child may take to start and load Tika, on a loaded machine. */
  static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

  /** The limits of one extraction. */
  public record Limits(long maxBytes, int maxChars, Duration timeout) {
    /** 50 MiB in, one million characters out, 20 seconds. */
    public static Limits defaults() {
      return new Limits(50L << 20, 1_000_000, Duration.ofSeconds(20));
    }
  }

  /**
   * How the extraction processes run.
   *
   * @param heapMiB the heap cap of one child ({@code -Xmx}), in MiB
   * @param poolSize the most children alive at once
   * @param maxPerChild attachments one child parses before it is replaced
   * @param idleTime how long an idle child is kept
   * @param scratchBase the memory file system under which each child gets its temporary folder;
   *     if it is missing or not {@code tmpfs}, children get no writable temporary folder
   */
  public record Process(int heapMiB, int poolSize, int maxPerChild, Duration idleTime, Path scratchBase) {
    /** 256 MiB, two children, 200 attachments each, five minutes idle, {@code /dev/shm}. */
    public static Process defaults() {
      return new Process(256, 2, 200, Duration.ofMinutes(5), Path.of("/dev/shm"));
    }

    public Process {
      if (heapMiB < 16 || poolSize < 1 || maxPerChild < 1) {
        throw new IllegalArgumentException("heap of at least 16 MiB, at least one child, one attachment each");
      }
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

  private final Limits limits;
  private final Process settings;
  private final Semaphore slots;
  private final Deque<Child> idle = new ArrayDeque<>();
  private final Set<Child> alive = new HashSet<>();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "candor-attachment-extractor");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService reaper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "candor-extraction-reaper");
            t.setDaemon(true);
            return t;
          });
  private boolean closed;

  public AttachmentExtractor(Limits limits) {
    this(limits, Process.defaults());
  }

  public AttachmentExtractor(Limits limits, Process settings) {
    this.limits = limits;
    this.settings = settings;
    this.slots = new Semaphore(settings.poolSize(), true);
    long every = Math.max(1, settings.idleTime().toMillis() / 2);
    reaper.scheduleWithFixedDelay(this::stopIdleChildren, every, every, TimeUnit.MILLISECONDS);
  }

  /** The text of an attachment, cut at the character limit. */
  public String extract(Attachment attachment) throws ExtractionException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException(Reason.TIMED_OUT, "text extraction was interrupted");
    }
    AtomicReference<Child> used = new AtomicReference<>();
    try {
      Child child = takeIdle();
      if (child == null) {
        child = startWithinLimit(used);
      }
      used.set(child);
      Child chosen = child;
      Future<String> task = pool.submit(() -> run(attachment, chosen));
      return awaitOrKill(task, limits.timeout(), used,
          "text extraction took longer than " + limits.timeout().toMillis() + " ms",
          failure -> new ExtractionException(
              Reason.UNREADABLE, "text extraction failed (" + failure.getClass().getSimpleName() + ")"));
    } finally {
      slots.release();
    }
  }

  /** Stops every child and deletes their folders. */
  @Override
  public void close() {
    Set<Child> all;
    synchronized (this) {
      closed = true;
      all = new HashSet<>(alive);
      idle.clear();
    }
    all.forEach(this::kill);
    reaper.shutdownNow();
    pool.shutdownNow();
  }

  /**
   * A new child, ready to parse. Its start-up does not count against the time limit of an
   * attachment (it is the desk's cost, not the file's), but has its own: {@link #STARTUP_LIMIT}.
   */
  private Child startWithinLimit(AtomicReference<Child> started) throws ExtractionException {
    Future<Child> task = pool.submit(() -> start(started));
    return awaitOrKill(task, STARTUP_LIMIT, started,
        "the extraction process did not start within " + STARTUP_LIMIT.toSeconds() + " s",
        failure -> {
          LOG.log(Level.WARNING, "the text extraction process could not start ({0})", failure.toString());
          return new ExtractionException(Reason.UNREADABLE, "the extraction process could not start");
        });
  }

  /**
   * The result of work on a child, waited for at most {@code limit}. When the limit passes, the wait
   * is interrupted or the work fails for another reason than the file, the child is killed (the next
   * file gets a fresh one) and the caller gets an {@link ExtractionException}: {@code timedOut} as
   * its message, or what {@code failed} makes of the failure.
   */
  private <T> T awaitOrKill(Future<T> task, Duration limit, AtomicReference<Child> child, String timedOut,
      Function<Throwable, ExtractionException> failed) throws ExtractionException {
    try {
      return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      kill(child.get());
      task.cancel(true);
      throw new ExtractionException(Reason.TIMED_OUT, timedOut);
    } catch (InterruptedException e) {
      kill(child.get());
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException(Reason.TIMED_OUT, "text extraction was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ExtractionException ee) {
        throw ee;
      }
      kill(child.get());
      throw failed.apply(e.getCause());
    }
  }

  private String run(Attachment attachment, Child child) throws Exception {
    Sent sent;
    try {
      sent = child.send(attachment);
    } catch (SourceFailed e) {
      // The stream of the decrypted attachment failed: the child discarded what it had.
      giveBack(child);
      throw new ExtractionException(Reason.UNREADABLE, "the attachment could not be read (" + e.getCause().getClass().getSimpleName() + ")");
    } catch (IOException e) {
      throw died(child);
    }
    if (sent == Sent.TOO_LARGE) {
      giveBack(child);
      throw new ExtractionException(Reason.TOO_LARGE, "larger than the limit of " + limits.maxBytes() + " bytes");
    }
    byte status;
    String answer;
    try {
      status = child.in.readByte();
      answer = child.readString(3L * limits.maxChars() + 16);
    } catch (IOException e) {
      throw died(child);
    }
    child.served++;
    giveBack(child);
    return switch (status) {
      case ExtractionChild.TEXT -> answer;
      case ExtractionChild.UNSUPPORTED ->
          throw new ExtractionException(Reason.UNSUPPORTED, "no text extractor for this file type (" + answer + ")");
      case ExtractionChild.ENCRYPTED -> throw new ExtractionException(Reason.UNREADABLE, "the file is password-protected");
      case ExtractionChild.UNREADABLE ->
          throw new ExtractionException(Reason.UNREADABLE, "the file could not be read as its type claims (" + answer + ")");
      default -> {
        kill(child);
        throw new ExtractionException(Reason.UNREADABLE, "the extraction process gave an invalid answer");
      }
    };
  }

  /** The failure to report once a child stopped answering; it is killed and its folder deleted. */
  private ExtractionException died(Child child) {
    Integer exit = child.exitCode();
    kill(child);
    if (exit == null) {
      return new ExtractionException(Reason.UNREADABLE, "the extraction process stopped answering");
    }
    if (exit == 3) {
      return new ExtractionException(
          Reason.UNREADABLE, "the extraction process ran out of its " + settings.heapMiB() + " MiB of memory");
    }
    return new ExtractionException(Reason.UNREADABLE, "the extraction process ended (exit status " + exit + ")");
  }

  private synchronized Child takeIdle() {
    Child c;
    while ((c = idle.pollFirst()) != null) {
      if (c.process.isAlive()) {
        return c;
      }
      c.cleanUp();
      alive.remove(c);
    }
    return null;
  }

  private void giveBack(Child child) {
    boolean keep;
    synchronized (this) {
      keep = !closed && child.process.isAlive() && child.served < settings.maxPerChild();
      if (keep) {
        child.idleSince = System.nanoTime();
        idle.addFirst(child);
      }
    }
    if (!keep) {
      kill(child);
    }
    stopIdleChildren();
  }

  private void stopIdleChildren() {
    long now = System.nanoTime();
    Set<Child> stale = new HashSet<>();
    synchronized (this) {
      idle.removeIf(c -> now - c.idleSince > settings.idleTime().toNanos() && stale.add(c));
    }
    stale.forEach(this::kill);
  }

  private void kill(Child child) {
    if (child == null) {
      return;
    }
    synchronized (this) {
      idle.remove(child);
      alive.remove(child);
    }
    child.process.destroyForcibly();
    try {
      child.process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    child.cleanUp();
  }

  private Child start(AtomicReference<Child> started) throws IOException, ExtractionException {
    synchronized (this) {
      if (closed) {
        throw new ExtractionException(Reason.UNREADABLE, "the index is closing");
      }
    }
    Path scratch = scratchFolder();
    ProcessBuilder builder = new ProcessBuilder(ChildCommand.of(limits, settings, scratch));
    builder.environment().clear();
    builder.environment().put("TMPDIR", scratch == null ? ChildCommand.NO_FOLDER : scratch.toString());
    builder.directory(scratch == null ? Path.of("/").toFile() : scratch.toFile());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    java.lang.Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      deleteTree(scratch);
      throw e;
    }
    Child child = new Child(process, scratch);
    started.set(child);
    synchronized (this) {
      alive.add(child);
    }
    try {
      if (child.in.readInt() != ExtractionChild.MAGIC) {
        throw new IOException("not an extraction child");
      }
      byte status = child.in.readByte();
      if (status != ExtractionChild.READY) {
        String error = status == ExtractionChild.FAILED ? child.readString(512) : "status " + status;
        LOG.log(Level.WARNING, "the text extraction process could not start: {0}", error);
        kill(child);
        throw new ExtractionException(Reason.UNREADABLE, "the extraction process could not start");
      }
    } catch (IOException e) {
      throw died(child);
    }
    return child;
  }

  /**
   * A fresh owner-only folder for one child under the scratch base, or null when the base is not
   * a memory file system. Folders left by desks that were killed are removed first.
   */
  private Path scratchFolder() throws IOException {
    Path base = settings.scratchBase();
    if (base == null || !inMemory(base)) {
      return null;
    }
    removeLeftovers(base);
    return Files.createTempDirectory(
        base,
        SCRATCH_PREFIX + ProcessHandle.current().pid() + "-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /** Whether the folder is on a file system held in memory only. */
  static boolean inMemory(Path folder) {
    try {
      FileStore store = Files.getFileStore(folder);
      return "tmpfs".equals(store.type()) || "ramfs".equals(store.type());
    } catch (IOException e) {
      return false;
    }
  }

  private static void removeLeftovers(Path base) {
    try (Stream<Path> entries = Files.list(base)) {
      entries
          .filter(p -> p.getFileName().toString().startsWith(SCRATCH_PREFIX))
          .filter(p -> !ownerAlive(p.getFileName().toString()))
          .forEach(AttachmentExtractor::deleteTree);
    } catch (IOException | RuntimeException e) {
      // Another desk may be cleaning up at the same time; a leftover stays until the next start.
    }
  }

  private static boolean ownerAlive(String name) {
    String rest = name.substring(SCRATCH_PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  static void deleteTree(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // Already gone.
    }
  }

  private enum Sent {
    COMPLETE,
    TOO_LARGE
  }

  /** The attachment's own stream failed (not the pipe). */
  private static final class SourceFailed extends IOException {
    SourceFailed(IOException cause) {
      super(cause);
    }
  }

  /** One running child with its pipes and its folder. */
  private final class Child {
    final java.lang.Process process;
    final Path scratch;
    final DataOutputStream out;
    final DataInputStream in;
    int served;
    long idleSince;

    Child(java.lang.Process process, Path scratch) {
      this.process = process;
      this.scratch = scratch;
      this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Streams the attachment to the child in chunks, stopping at the byte limit. */
    Sent send(Attachment attachment) throws IOException {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      try (InputStream source = open(attachment)) {
        while (true) {
          int n;
          try {
            n = source.read(buffer);
          } catch (IOException e) {
            out.writeInt(-1);
            out.flush();
            throw new SourceFailed(e);
          }
          if (n < 0) {
            break;
          }
          if (n == 0) {
            continue;
          }
          total += n;
          if (total > limits.maxBytes()) {
            out.writeInt(-1);
            out.flush();
            return Sent.TOO_LARGE;
          }
          out.writeInt(n);
          out.write(buffer, 0, n);
        }
      }
      out.writeInt(0);
      out.flush();
      return Sent.COMPLETE;
    }

    private InputStream open(Attachment attachment) throws SourceFailed {
      try {
        return attachment.content().open();
      } catch (IOException e) {
        try {
          out.writeInt(-1);
          out.flush();
        } catch (IOException pipe) {
          // The child is gone too; the next use finds it dead.
        }
        throw new SourceFailed(e);
      }
    }

    String readString(long max) throws IOException {
      int length = in.readInt();
      if (length < 0 || length > max) {
        throw new EOFException("answer out of bounds");
      }
      return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    Integer exitCode() {
      try {
        if (process.waitFor(2, TimeUnit.SECONDS)) {
          return process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }

    void cleanUp() {
      deleteTree(scratch);
    }
  }
}
