package org.candor.portal.casefile.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.CiphertextInspector;
import org.candor.crypto.CryptoException;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.crypto.RecipientMismatch;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.channel.UploadLimits;

/**
 * An upload sealed in the browser, read part by part: each part streams through a
 * {@link CiphertextInspector} into a pending blob, and is refused unless it is an
 * integrity-protected OpenPGP message addressed to exactly the expected keys (docs/protocol.md,
 * "Inspecting without a key"). Used by the report sealed in the browser and by the
 * whistleblower's messages and appeal sealed in the browser. Closing it aborts every blob not
 * committed, so a refused or broken upload leaves nothing behind.
 *
 * <p>Files come as parts named {@code file-<uuid>}, each id once, within the channel's limits
 * ({@link #ciphertextAllowance} for the padding and framing of each).
 */
public final class InspectedUpload implements AutoCloseable {

    private static final Pattern FILE_PART = Pattern.compile("file-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private final BlobStore blobs;
    private final CiphertextInspector inspector;
    private final List<BlobStore.PendingBlob> pending = new ArrayList<>();

    /** Why a part was refused; the caller says it in its own words. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        /** What was wrong, with the status and the code the wire names it by. */
        public enum Reason {
            /** A part name that is not {@code file-<uuid>}, or a repeated id. */
            MALFORMED(400, "malformed"),
            /** The channel takes no files. */
            FILES_NOT_ALLOWED(422, "limits"),
            /** More files than the channel takes. */
            TOO_MANY_FILES(422, "limits"),
            /** A part over its limit. */
            TOO_LARGE(413, "tooLarge"),
            /** Not addressed to exactly the expected keys. */
            WRONG_RECIPIENTS(422, "wrong-recipients"),
            /** Without integrity protection. */
            NO_INTEGRITY(422, "no-integrity"),
            /** Not an OpenPGP message encrypted to keys. */
            NOT_SEALED(422, "not-sealed");

            private final int status;
            private final String code;

            Reason(int status, String code) {
                this.status = status;
                this.code = code;
            }
        }

        private final Reason reason;

        Refused(Reason reason) {
            super(reason.code, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        /** The HTTP status of the refusal. */
        public int status() {
            return reason.status;
        }

        /** The name of the problem on the wire. */
        public String code() {
            return reason.code;
        }
    }

    /** An upload whose parts are inspected by {@code inspector} into blobs of {@code blobs}. */
    public InspectedUpload(BlobStore blobs, CiphertextInspector inspector) {
        this.blobs = blobs;
        this.inspector = inspector;
    }

    /**
     * The largest ciphertext accepted for {@code plaintextBytes} of content: the OpenPGP framing and the PADMÉ
     * padding (at most 12.5 %, docs/protocol.md, "Padding"), generously.
     */
    public static long ciphertextAllowance(long plaintextBytes) {
        return plaintextBytes + plaintextBytes / 8 + 64 * 1024;
    }

    /** The most bytes the files of a body may take for these limits: their ciphertext and the parts' framing. */
    public static long filesAllowance(UploadLimits limits) {
        return limits.allowed() ? ciphertextAllowance(limits.maxTotalBytes()) + (long) limits.maxFiles() * 64 * 1024 : 0;
    }

    /** Streams one part of at most {@code most} bytes through the inspector into a new pending blob. */
    public BlobStore.PendingBlob part(InputStream source, long most) throws IOException, Refused {
        BlobStore.PendingBlob blob = blobs.create();
        pending.add(blob);
        copyInspected(source, blob, most);
        return blob;
    }

    /**
     * Reads the rest of {@code parts} as files within {@code limits}, each into its pending blob.
     *
     * @return the files in the order they came, by the id their part name gives
     */
    public List<Map.Entry<UUID, BlobStore.PendingBlob>> files(Iterator<SubmissionPart> parts, UploadLimits limits)
            throws IOException, Refused {
        List<Map.Entry<UUID, BlobStore.PendingBlob>> files = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        long total = 0;
        long perFile = ciphertextAllowance(limits.maxFileBytes());
        while (parts.hasNext()) {
            SubmissionPart part = parts.next();
            Matcher match = FILE_PART.matcher(part.field());
            if (!match.matches() || !ids.add(UUID.fromString(match.group(1)))) {
                throw new Refused(Refused.Reason.MALFORMED);
            }
            if (!limits.allowed()) {
                throw new Refused(Refused.Reason.FILES_NOT_ALLOWED);
            }
            if (ids.size() > limits.maxFiles()) {
                throw new Refused(Refused.Reason.TOO_MANY_FILES);
            }
            long totalLeft = ciphertextAllowance(limits.maxTotalBytes()) - total;
            BlobStore.PendingBlob file = blobs.create();
            pending.add(file);
            files.add(Map.entry(UUID.fromString(match.group(1)), file));
            total += copyInspected(part.stream(), file, Math.min(perFile, totalLeft));
        }
        return files;
    }

    /** Aborts every blob of this upload that was not committed. */
    @Override
    public void close() {
        pending.forEach(BlobStore.PendingBlob::abort);
    }

    /** Streams one part through the inspector into its pending blob; returns the ciphertext's size. */
    private long copyInspected(InputStream source, BlobStore.PendingBlob blob, long most) throws IOException, Refused {
        Watched in = new Watched(source, most);
        try (in; OutputStream out = blob.stream()) {
            return inspector.inspectWhileCopying(in, out).ciphertextBytes();
        } catch (CryptoException refused) {
            if (in.brokeOff != null) {
                throw in.brokeOff;
            }
            if (in.tooLarge) {
                throw new Refused(Refused.Reason.TOO_LARGE);
            }
            if (refused instanceof RecipientMismatch) {
                throw new Refused(Refused.Reason.WRONG_RECIPIENTS);
            }
            if (refused instanceof IntegrityCheckFailed) {
                throw new Refused(Refused.Reason.NO_INTEGRITY);
            }
            throw new Refused(Refused.Reason.NOT_SEALED);
        }
    }

    /** Counts what is read and remembers whether the request itself broke off or went over its limit. */
    private static final class Watched extends FilterInputStream {
        private final long most;
        private long count;
        boolean tooLarge;
        IOException brokeOff;

        Watched(InputStream in, long most) {
            super(in);
            this.most = most;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException broken) {
                brokeOff = broken;
                throw broken;
            }
            if (n > 0) {
                count += n;
                if (count > most) {
                    tooLarge = true;
                    throw new IOException("over the limit");
                }
            }
            return n;
        }
    }
}
