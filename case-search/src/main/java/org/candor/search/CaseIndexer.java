package org.candor.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.candor.search.analysis.CaseFields;
import org.candor.search.extract.AttachmentExtractor;
import org.candor.search.index.CaseDocuments;

/**
 * The writing side of the case index: adds or replaces a case, deletes cases, commits with a
 * checkpoint, and rebuilds the whole index from the stored cases. Keeps property 9 of docs/design.md
 * ({@link #purge(Collection)} leaves no entry of a deleted case in the index files) and property
 * 10 (an unreadable attachment is reported and the rest of the case is indexed).
 *
 * <p>Obtained from {@link CaseIndex#indexer()}; uses that index's one {@code IndexWriter}.
 * Thread-safe.
 */
public final class CaseIndexer {

  private static final int PROGRESS_EVERY = 500;

  private final CaseIndex index;
  private final AttachmentExtractor extractor;
  private final FacetsConfig facetsConfig = CaseDocuments.facetsConfig();

  CaseIndexer(CaseIndex index, AttachmentExtractor extractor) {
    this.index = index;
    this.extractor = extractor;
  }

  /**
   * Adds the case, or replaces every entry it had; searchable after the next refresh.
   *
   * @return which attachments, if any, gave no text
   */
  public IndexingReport index(CaseDocument c) {
    Objects.requireNonNull(c, "case");
    List<String> texts = new ArrayList<>();
    texts.addAll(c.answers());
    texts.addAll(c.messages());
    texts.addAll(c.notes());
    c.attachments().forEach(a -> texts.add(a.name()));
    List<AttachmentProblem> problems = new ArrayList<>();
    for (int i = 0; i < c.attachments().size(); i++) {
      try {
        texts.add(extractor.extract(c.attachments().get(i)));
      } catch (AttachmentExtractor.ExtractionException e) {
        problems.add(new AttachmentProblem(c.caseId(), i, e.reason(), e.getMessage()));
      }
    }
    try {
      Document doc = facetsConfig.build(CaseDocuments.toDocument(c, texts));
      index.writer().updateDocument(new Term(CaseFields.CASE_ID, c.caseId()), doc);
    } catch (IOException e) {
      throw new CaseSearchException("The case could not be indexed.", e);
    }
    return new IndexingReport(c.caseId(), problems);
  }

  /** Removes every entry of the case from searches (after the next refresh). */
  public void delete(String caseId) {
    try {
      index.writer().deleteDocuments(new Term(CaseFields.CASE_ID, caseId));
    } catch (IOException e) {
      throw new CaseSearchException("The case could not be removed from the index.", e);
    }
  }

  /**
   * Deletes the cases and rewrites the segments that held them, then commits, so that their
   * terms and stored text are gone from the index files and not merely marked deleted (property
   * 9: retention). Costlier than {@link #delete(String)}: meant for the retention job.
   */
  public void purge(Collection<String> caseIds) {
    try {
      IndexWriter w = index.writer();
      for (String id : caseIds) {
        w.deleteDocuments(new Term(CaseFields.CASE_ID, id));
      }
      w.forceMergeDeletes(true);
      w.commit();
      index.refresh();
      w.deleteUnusedFiles();
    } catch (IOException e) {
      throw new CaseSearchException("The cases could not be purged from the index.", e);
    }
  }

  /** Makes all changes durable. */
  public void commit() {
    try {
      index.writer().commit();
    } catch (IOException e) {
      throw new CaseSearchException("The index could not be committed.", e);
    }
  }

  /**
   * Makes all changes durable together with a checkpoint, an opaque string the desk chooses (for
   * example the sequence number of the last case event indexed) and reads back with {@link
   * CaseIndex#checkpoint()} to catch up after an unlock.
   */
  public void commit(String checkpoint) {
    index.setCheckpoint(Objects.requireNonNull(checkpoint, "checkpoint"));
    commit();
  }

  /**
   * Replaces the whole index with the given cases. Searches keep seeing the previous contents
   * until the rebuild has committed; if the source fails midway, the index is rolled back to
   * its last commit and the failure is rethrown.
   *
   * @param cases the cases, typically decrypted one by one from the stored ciphertext
   * @param expectedTotal how many there will be, or -1 if unknown (only for progress)
   * @param listener told of the progress every 500 cases and at the end
   */
  public RebuildReport rebuild(Iterator<CaseDocument> cases, long expectedTotal, RebuildListener listener) {
    List<AttachmentProblem> problems = new ArrayList<>();
    long done = 0;
    index.pauseRefresh(true);
    boolean ok = false;
    try {
      index.writer().deleteAll();
      while (cases.hasNext()) {
        problems.addAll(index(cases.next()).problems());
        done++;
        if (done % PROGRESS_EVERY == 0) {
          listener.progress(done, expectedTotal);
        }
      }
      index.writer().commit();
      ok = true;
    } catch (IOException e) {
      throw new CaseSearchException("The index could not be rebuilt.", e);
    } finally {
      if (!ok) {
        try {
          index.rollbackAndReopen();
        } catch (IOException e) {
          // The original failure propagates; the index reopens at its last commit next time.
        }
      }
      index.pauseRefresh(false);
    }
    index.refresh();
    listener.progress(done, expectedTotal);
    return new RebuildReport(done, problems);
  }
}
