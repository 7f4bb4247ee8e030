package org.candor.portal.blobstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the ciphertext of reports, files and messages lives: write-once blobs named by a
 * random id. Only sealed OpenPGP messages are ever written here (docs/design.md property 1).
 *
 * <p>A blob is written as a {@link PendingBlob} and becomes visible only when committed, so an
 * interrupted upload leaves nothing behind but a pending file that is removed at the next start.
 * A committed blob stays held by its writer until {@link PendingBlob#close()}: writers close it
 * only after the transaction that records it has ended, so that no sweep of unrecorded blobs
 * (docs/design.md property 11) removes a blob whose row is still on its way.
 */
public interface BlobStore {

    /** Starts a new blob. */
    PendingBlob create() throws IOException;

    /** Reads a committed blob. */
    InputStream open(BlobId id) throws IOException;

    /** The size in bytes of a committed blob. */
    long size(BlobId id) throws IOException;

    /** Removes a blob for good; removing a missing blob is not an error. */
    void delete(BlobId id) throws IOException;

    /** A blob being written. Close it by {@link #commit()} or {@link #abort()}. */
    interface PendingBlob extends AutoCloseable {

        /** Where to write the blob's bytes. */
        OutputStream stream();

        /**
         * Makes the blob durable and visible; returns its id. The blob stays held (no sweep
         * removes it) until {@link #close()}, which the writer calls once the transaction that
         * records the blob has ended, committed or not.
         */
        BlobId commit() throws IOException;

        /**
         * Forgets everything written; safe to call after a failure. After {@link #commit()} it
         * keeps the blob and only lets go of it.
         */
        void abort();

        @Override
        default void close() {
            abort();
        }
    }
}
