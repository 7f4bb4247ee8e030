package org.candor.portal.blobstore;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the sweep of unrecorded blobs ({@code governance.retention.BlobSweep}, docs/design.md
 * properties 10 and 11) needs of a store, whichever it is: the committed blobs to look at, a
 * removal that never takes a blob a live writer still holds, and the removal of partial uploads
 * that a dead writer left. The portal's store is always one of these ({@link BlobStores}).
 */
public interface SweepableBlobStore extends BlobStore {

    /** The committed blobs last written before {@code cutoff} (the store knows only the day). */
    List<BlobId> committedBefore(Instant cutoff) throws IOException;

    /**
     * Removes a committed blob if no live process holds it and, checked while the store keeps
     * writers away from it, {@code stillUnreferenced} says no record names it; returns whether it
     * was removed.
     */
    boolean deleteIfAbandoned(BlobId id, Predicate<BlobId> stillUnreferenced) throws IOException;

    /**
     * Removes the partial uploads that no live process is writing; returns how many. Safe to run
     * at any time and from several instances at once.
     */
    int sweepPending() throws IOException;
}
