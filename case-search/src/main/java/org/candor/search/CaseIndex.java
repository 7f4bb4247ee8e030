package org.candor.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.candor.search.analysis.CaseAnalyzers;
import org.candor.search.extract.AttachmentExtractor;
import org.candor.search.store.EncryptedDirectory;
import org.candor.search.store.WrongIndexKeyIOException;

/**
 * The case index of one desk: the one owner of the encrypted directory, the {@code IndexWriter}
 * and the {@code SearcherManager}; it hands out a {@link CaseIndexer} for writing and a {@link
 * CaseSearcher} for reading. Keeps property 7 of docs/design.md (search where decryption happens,
 * encrypted at rest) and property 9 (deletion removes index entries).
 *
 * <p>Open it with the index key when an authorised investigator has unlocked theirs, and close
 * it when the key must leave memory: closing commits, wipes the key and leaves nothing readable.
 * Changes become searchable on {@link #refresh()} and, in the background, every {@link
 * Options#refreshInterval()}. Thread-safe.
 */
public final class CaseIndex implements Closeable {

  private static final String CHECKPOINT = "candor.checkpoint";

  /**
   * Tuning of one index.
   *
   * @param refreshInterval how often new changes become searchable in the background; zero for
   *     never (then only {@link #refresh()} does it)
   * @param maxAttachmentBytes the largest attachment whose text is extracted
   * @param maxAttachmentChars the most characters of text taken from one attachment
   * @param extractionTimeout how long text extraction of one attachment may take
   * @param extraction how the child processes that extract attachment text run (heap cap, pool,
   *     in-memory temporary folder)
   */
  public record Options(
      Duration refreshInterval,
      long maxAttachmentBytes,
      int maxAttachmentChars,
      Duration extractionTimeout,
      AttachmentExtractor.Process extraction) {

    /**
     * Refresh every second; 50 MiB, one million characters and 20 s per attachment; extraction
     * children as in {@link AttachmentExtractor.Process#defaults()}.
     */
    public static Options defaults() {
      AttachmentExtractor.Limits l = AttachmentExtractor.Limits.defaults();
      return new Options(
          Duration.ofSeconds(1), l.maxBytes(), l.maxChars(), l.timeout(), AttachmentExtractor.Process.defaults());
    }

    public Options withRefreshInterval(Duration value) {
      return new Options(value, maxAttachmentBytes, maxAttachmentChars, extractionTimeout, extraction);
    }

    public Options withAttachmentLimits(long maxBytes, int maxChars, Duration timeout) {
      return new Options(refreshInterval, maxBytes, maxChars, timeout, extraction);
    }

    public Options withExtraction(AttachmentExtractor.Process value) {
      return new Options(refreshInterval, maxAttachmentBytes, maxAttachmentChars, extractionTimeout, value);
    }
  }

  private final Directory directory;
  private final Analyzer analyzer = CaseAnalyzers.create();
  private final Options options;
  private final AttachmentExtractor extractor;
  private final AtomicBoolean refreshPaused = new AtomicBoolean();
  private final ScheduledExecutorService refresher;
  private volatile IndexWriter writer;
  private volatile SearcherManager searcherManager;
  private final CaseIndexer indexer;
  private final CaseSearcher searcher;

  private CaseIndex(Directory directory, Options options) throws IOException {
    this.directory = directory;
    this.options = options;
    openWriter();
    this.extractor =
        new AttachmentExtractor(
            new AttachmentExtractor.Limits(
                options.maxAttachmentBytes(), options.maxAttachmentChars(), options.extractionTimeout()),
            options.extraction());
    this.indexer = new CaseIndexer(this, extractor);
    this.searcher = new CaseSearcher(this);
    if (options.refreshInterval().isZero()) {
      refresher = null;
    } else {
      refresher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "candor-index-refresh");
                t.setDaemon(true);
                return t;
              });
      long ms = options.refreshInterval().toMillis();
      refresher.scheduleWithFixedDelay(this::backgroundRefresh, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /** A new random index key (see {@link IndexKey#generate()}). */
  public static IndexKey newKey() {
    return IndexKey.generate();
  }

  /**
   * Opens the encrypted index in {@code folder}, creating an empty one if there is none.
   *
   * @throws WrongIndexKeyException if the index exists and {@code key} does not open it
   * @throws IndexInUseException if another open index holds the folder's write lock
   * @throws CaseSearchException if the index cannot be read or written
   */
  public static CaseIndex open(Path folder, IndexKey key) {
    return open(folder, key, Options.defaults());
  }

  /** As {@link #open(Path, IndexKey)}, with options. */
  public static CaseIndex open(Path folder, IndexKey key, Options options) {
    byte[] keyBytes = key.toBytes();
    try {
      createOwnerOnly(folder);
      return openOn(new EncryptedDirectory(FSDirectory.open(folder), keyBytes), options);
    } catch (IOException e) {
      throw new CaseSearchException("The search index folder could not be opened.", e);
    } finally {
      java.util.Arrays.fill(keyBytes, (byte) 0);
    }
  }

  /** Creates the index folder readable by its owner only (0700), whatever the process's umask. */
  private static void createOwnerOnly(Path folder) throws IOException {
    Files.createDirectories(folder);
    if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * Opens an index in {@code folder} that is <em>not</em> encrypted. This breaks property 7 and
   * exists only so benchmarks can measure what the encryption costs; the desk never calls it.
   */
  public static CaseIndex openUnencryptedForBenchmark(Path folder, Options options) {
    try {
      Files.createDirectories(folder);
      return openOn(FSDirectory.open(folder), options);
    } catch (IOException e) {
      throw new CaseSearchException("The search index folder could not be opened.", e);
    }
  }

  private static CaseIndex openOn(Directory directory, Options options) {
    try {
      if (DirectoryReader.indexExists(directory)) {
        SegmentInfos.readLatestCommit(directory);
      }
      return new CaseIndex(directory, options);
    } catch (IOException | RuntimeException e) {
      closeQuietly(directory);
      if (causedBy(e, WrongIndexKeyIOException.class)) {
        throw new WrongIndexKeyException(e);
      }
      if (causedBy(e, LockObtainFailedException.class)) {
        throw new IndexInUseException(e);
      }
      throw new CaseSearchException("The search index could not be opened.", e);
    }
  }

  private void openWriter() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(48);
    TieredMergePolicy mergePolicy = new TieredMergePolicy();
    // purge() must rewrite every segment that still holds a deleted case, however few.
    mergePolicy.setForceMergeDeletesPctAllowed(0.0);
    config.setMergePolicy(mergePolicy);
    IndexWriter w = new IndexWriter(directory, config);
    try {
      searcherManager = new SearcherManager(w, new SearcherFactory());
    } catch (IOException | RuntimeException e) {
      w.rollback();
      throw e;
    }
    writer = w;
  }

  /** The writing side: index, update, delete, rebuild. */
  public CaseIndexer indexer() {
    return indexer;
  }

  /** The reading side: queries, facets, snippets. */
  public CaseSearcher searcher() {
    return searcher;
  }

  /** Makes every change made so far visible to searches; returns when it is. */
  public void refresh() {
    try {
      searcherManager.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new CaseSearchException("The search index could not be refreshed.", e);
    }
  }

  /**
   * The checkpoint stored with the last commit (see {@link CaseIndexer#commit(String)}), so the
   * desk can index what arrived while the index was locked.
   */
  public Optional<String> checkpoint() {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (CHECKPOINT.equals(e.getKey())) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** Commits, stops background work, wipes the key. */
  @Override
  public void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
    searcher.forget();
    try {
      searcherManager.close();
      writer.close();
    } catch (IOException e) {
      throw new CaseSearchException("The search index could not be closed cleanly.", e);
    } finally {
      extractor.close();
      closeQuietly(directory);
      analyzer.close();
    }
  }

  // ----- for the indexer and searcher of this package -----

  IndexWriter writer() {
    return writer;
  }

  SearcherManager searcherManager() {
    return searcherManager;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  void setCheckpoint(String checkpoint) {
    writer.setLiveCommitData(Map.of(CHECKPOINT, checkpoint).entrySet());
  }

  void pauseRefresh(boolean paused) {
    refreshPaused.set(paused);
  }

  /** After a failed rebuild: throw away uncommitted changes and reopen at the last commit. */
  synchronized void rollbackAndReopen() throws IOException {
    SearcherManager oldManager = searcherManager;
    writer.rollback();
    oldManager.close();
    openWriter();
  }

  private void backgroundRefresh() {
    if (refreshPaused.get()) {
      return;
    }
    try {
      searcherManager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // The next explicit refresh reports it; a background thread has nobody to tell.
    }
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      for (Throwable s : c.getSuppressed()) {
        if (causedBy(s, type)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException ignored) {
      // Already failing; the first error is the one reported.
    }
  }
}
