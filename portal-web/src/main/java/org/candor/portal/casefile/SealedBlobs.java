package org.candor.portal.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.candor.crypto.Sealer;
import org.candor.portal.blobstore.BlobStore;

/**
 * What the server seals on arrival, each piece as it streams into its own pending blob: a
 * report's files and answers sent without JavaScript, and a message's files and text
 * ({@link CaseMessages}). One {@link Sealer} seals them all; a file is held to its limits as it
 * streams, and nothing is written in clear (docs/design.md properties 1 and 10). Closing aborts
 * every blob not committed, so a refused, failed or abandoned upload leaves nothing behind.
 */
public final class SealedBlobs implements AutoCloseable {

    private static final int COPY_BUFFER = 64 * 1024;

    private final BlobStore blobs;
    private final Sealer sealer;
    private final List<BlobStore.PendingBlob> pending = new ArrayList<>();

    /** A file over a limit: over its own ({@code inAll} false) or over what all files may take together. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean inAll;

        TooLarge(boolean inAll) {
            super(inAll ? "files too large in all" : "file too large", null, false, false);
            this.inAll = inAll;
        }

        /** Whether all files together went over, rather than this one alone. */
        public boolean inAll() {
            return inAll;
        }
    }

    /** Pieces sealed by {@code sealer} into blobs of {@code blobs}. */
    public SealedBlobs(BlobStore blobs, Sealer sealer) {
        this.blobs = blobs;
        this.sealer = sealer;
    }

    /** A file sealed into its pending blob, and its size in clear. */
    public record SealedFile(BlobStore.PendingBlob blob, long bytes) {
    }

    /** Seals a document (the answers of a report, the text of a message) into a new pending blob. */
    public BlobStore.PendingBlob document(byte[] document) throws IOException {
        BlobStore.PendingBlob blob = create();
        try (OutputStream sealed = sealer.open(blob.stream(), Sealer.Content.TEXT)) {
            sealed.write(document);
        }
        return blob;
    }

    /**
     * Seals a file as it streams in, at most {@code most} bytes and at most {@code left}, what all
     * files may still take. On a broken limit the rest of the stream is not read.
     */
    public SealedFile file(InputStream in, long most, long left) throws IOException, TooLarge {
        BlobStore.PendingBlob blob = create();
        long size = 0;
        try (OutputStream sealed = sealer.open(blob.stream(), Sealer.Content.BINARY)) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > most) {
                    throw new TooLarge(false);
                }
                if (size > left) {
                    throw new TooLarge(true);
                }
                sealed.write(buffer, 0, n);
            }
        }
        return new SealedFile(blob, size);
    }

    /** Whether anything was begun, sealed or not. */
    public boolean begun() {
        return !pending.isEmpty();
    }

    /**
     * Commits a document and its files as the items of a case: the document as {@code kind} with
     * {@code id}, then each file as an {@link ItemKind#ATTACHMENT} with its id.
     */
    public static List<CaseStore.StoredItem> commit(UUID id, ItemKind kind, BlobStore.PendingBlob document,
            List<Map.Entry<UUID, BlobStore.PendingBlob>> files) throws IOException {
        List<CaseStore.StoredItem> items = new ArrayList<>();
        items.add(new CaseStore.StoredItem(id, kind, document.commit()));
        for (Map.Entry<UUID, BlobStore.PendingBlob> file : files) {
            items.add(new CaseStore.StoredItem(file.getKey(), ItemKind.ATTACHMENT, file.getValue().commit()));
        }
        return items;
    }

    /** Aborts every blob not committed. */
    @Override
    public void close() {
        pending.forEach(BlobStore.PendingBlob::abort);
        pending.clear();
    }

    private BlobStore.PendingBlob create() throws IOException {
        BlobStore.PendingBlob blob = blobs.create();
        pending.add(blob);
        return blob;
    }
}
