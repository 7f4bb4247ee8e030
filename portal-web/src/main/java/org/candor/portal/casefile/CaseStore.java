package org.candor.portal.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.LookupHandle;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;

/**
 * Creates cases and adds items to them, atomically: the blobs are already sealed and stored;
 * this writes the rows that make them part of a case, in one transaction. If that transaction
 * fails, the blobs are removed (or, when only its commit failed, left to the blob sweep), so
 * nothing is left half-made (docs/design.md property 10).
 */
@ApplicationScoped
public class CaseStore {

    @Inject
    CaseRepository cases;

    @Inject
    BlobStore blobs;

    @Inject
    Transactions transactions;

    @Inject
    Event<CaseItemsAdded> added;

    /** A sealed blob ready to become a case item. */
    public record StoredItem(UUID id, ItemKind kind, BlobId blob) {
    }

    /** Creates a case just received, with its items (the report first); returns its id. */
    public UUID createReceived(UUID channelId, LookupHandle handle, boolean sealedInBrowser, LocalDate day,
            WhistleblowerKey whistleblowerKey, Set<CaseRecipient> recipients, List<StoredItem> items) throws IOException {
        return createReceived(channelId, handle, sealedInBrowser, day, whistleblowerKey, recipients, items, () -> {
        });
    }

    /**
     * Creates a case just received, running {@code alsoInTheTransaction} (recording the form's
     * token as used) in the same transaction, so that both happen or neither does; returns its
     * id. The transaction has committed when this returns: only then may a reply code be shown
     * (docs/design.md property 11).
     */
    public UUID createReceived(UUID channelId, LookupHandle handle, boolean sealedInBrowser, LocalDate day,
            WhistleblowerKey whistleblowerKey, Set<CaseRecipient> recipients, List<StoredItem> items,
            Runnable alsoInTheTransaction) throws IOException {
        return createReceived(channelId, handle, sealedInBrowser, day, whistleblowerKey, recipients, items,
                Optional.empty(), alsoInTheTransaction);
    }

    /**
     * {@link #createReceived(UUID, LookupHandle, boolean, LocalDate, WhistleblowerKey, Set, List, Runnable)}
     * for a case filed under a category: the key of an option of the channel's category question,
     * checked by the caller against the channel's questionnaire.
     */
    public UUID createReceived(UUID channelId, LookupHandle handle, boolean sealedInBrowser, LocalDate day,
            WhistleblowerKey whistleblowerKey, Set<CaseRecipient> recipients, List<StoredItem> items,
            Optional<String> category, Runnable alsoInTheTransaction) throws IOException {
        UUID caseId = UUID.randomUUID();
        CaseFile caseFile = new CaseFile(caseId, channelId, handle, sealedInBrowser, day,
                Base64.getEncoder().encodeToString(whistleblowerKey.toStorage()), whistleblowerKey.fingerprint(), recipients,
                category);
        recording(items.stream().map(StoredItem::blob).toList(), () -> {
            alsoInTheTransaction.run();
            cases.add(caseFile);
            addItems(caseFile, items, Optional.empty(), day, 0);
        });
        announce(caseId);
        return caseId;
    }

    /** Adds sealed items to an existing case, after those it has. */
    public void append(UUID caseId, List<StoredItem> items, Optional<UUID> author, LocalDate day) throws IOException {
        recording(items.stream().map(StoredItem::blob).toList(), () -> {
            CaseFile caseFile = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no such case"));
            addItems(caseFile, items, author, day, cases.nextPosition(caseId));
            caseFile.touch(day);
        });
        announce(caseId);
    }

    /** An item sealed anew: the blob it names now, and the one that holds the same contents for new readers. */
    public record Resealed(UUID itemId, BlobId oldBlob, BlobId newBlob) {
    }

    /**
     * Makes re-sealed blobs the case's contents and {@code to} its investigators, in one
     * transaction with {@code alsoInTheTransaction} (the audit entry). The case is locked first;
     * if its investigators are no longer {@code from}, or its items are not exactly the re-sealed
     * ones (an item arrived or changed meanwhile), {@link CaseChangedMeanwhile} is thrown. On any
     * failure the new blobs are deleted and the old ones stay in use; after the commit the old
     * blobs are deleted (a crash in between leaves unreferenced ciphertext for the blob sweep).
     */
    public void reseal(UUID caseId, Set<CaseRecipient> from, Set<CaseRecipient> to, List<Resealed> items,
            Runnable alsoInTheTransaction) throws IOException {
        try {
            transactions.run(() -> {
                CaseFile caseFile = cases.findForUpdate(caseId).orElseThrow(CaseChangedMeanwhile::new);
                List<CaseItem> current = cases.items(caseId);
                if (!caseFile.recipients().equals(from) || current.size() != items.size()) {
                    throw new CaseChangedMeanwhile();
                }
                for (int i = 0; i < items.size(); i++) {
                    CaseItem item = current.get(i);
                    Resealed resealed = items.get(i);
                    if (!item.id().equals(resealed.itemId()) || !item.blob().equals(resealed.oldBlob())) {
                        throw new CaseChangedMeanwhile();
                    }
                    try {
                        item.resealedInto(resealed.newBlob(), blobs.size(resealed.newBlob()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                caseFile.resealTo(to);
                alsoInTheTransaction.run();
            });
        } catch (RuntimeException failed) {
            removeBlobs(items.stream().map(Resealed::newBlob).toList());
            throw failed;
        }
        removeBlobs(items.stream().map(Resealed::oldBlob).toList());
    }

    private void addItems(CaseFile caseFile, List<StoredItem> items, Optional<UUID> author, LocalDate day, int first) {
        UUID caseId = caseFile.id();
        int position = first;
        for (StoredItem item : items) {
            long size;
            try {
                size = blobs.size(item.blob());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            caseFile.itemAdded(item.kind(), position);
            cases.addItem(new CaseItem(item.id(), caseId, position++, item.kind(), author.orElse(null), day, item.blob(), size));
        }
    }

    /** Tells observers (the desk's search index) after the rows are written; absent outside a container. */
    private void announce(UUID caseId) {
        if (added != null) {
            added.fire(new CaseItemsAdded(caseId));
        }
    }

    /**
     * Runs {@code work} in one transaction; if it fails, removes the blobs it was to record,
     * unless the work had finished and the commit itself failed: a database lost in the middle
     * of a commit may have committed it, so the blobs are then left to the blob sweep, which
     * removes them only if no row names them.
     */
    private void recording(List<BlobId> toRecord, Runnable work) {
        boolean[] finished = {false};
        try {
            transactions.run(() -> {
                work.run();
                finished[0] = true;
            });
        } catch (RuntimeException failed) {
            if (!finished[0]) {
                removeBlobs(toRecord);
            }
            throw failed;
        }
    }

    private void removeBlobs(List<BlobId> toRemove) {
        for (BlobId blob : toRemove) {
            try {
                blobs.delete(blob);
            } catch (IOException e) {
                // an unreferenced blob holds only ciphertext; the retention sweep removes it
            }
        }
    }

    /** Runs work in one transaction; a separate bean so that the interceptor applies. */
    @ApplicationScoped
    public static class Transactions {
        @Transactional
        public void run(Runnable work) {
            work.run();
        }
    }
}
