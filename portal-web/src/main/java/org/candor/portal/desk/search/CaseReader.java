package org.candor.portal.desk.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.candor.crypto.Opener;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.QuestionField;
import org.candor.search.Attachment;
import org.candor.search.CaseDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decrypts one stored case into the {@link CaseDocument} an index takes, with the unlocked keys
 * it is given that belong to the case's recipients (the worker gives only the keys of the
 * investigator whose index it writes). Keeps
 * docs/design.md property 1: plaintext exists only in memory on its way into the encrypted index; an
 * item is used only after its integrity check (report and messages opened whole; attachments up
 * to {@code candor.search.attachment-max-bytes} opened whole before the extractor sees a byte,
 * larger ones contribute their name only). An item that fails to open is left out and the rest
 * of the case is indexed; the log names the case and the item kind, never contents.
 */
@ApplicationScoped
public class CaseReader {

    private static final Logger LOG = Logger.getLogger(CaseReader.class.getName());
    /** Most cases read in one statement (IN lists of ids). */
    static final int LOAD_CHUNK = 500;
    /** Largest report or message document opened for indexing. */
    private static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    @Inject
    CaseRepository cases;

    @Inject
    BlobStore blobs;

    @Inject
    ChannelRepository channels;

    @Inject
    SearchTables tables;

    @Inject
    @ConfigProperty(name = "candor.search.attachment-max-bytes", defaultValue = "16777216")
    long maxAttachmentBytes;

    /** A case as it goes into the index, and the marker to store once it is committed. */
    public record Reading(CaseDocument document, SearchTables.Marker marker) {
        @Override
        public String toString() {
            return "Reading[" + marker.caseId() + "]";
        }
    }

    /** The largest attachment whose text is extracted. */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /**
     * What the database holds of a case for indexing: workflow metadata, the list of sealed
     * items, and the holders' keys that open it. Read for many cases at once by {@link
     * #load(List, Map)}; {@link #open(Stored)} then needs only the blob store and the keys, so it
     * can run on any thread.
     */
    public record Stored(CaseFile caseFile, List<UnlockedKey> keys, List<CaseItem> items, Set<String> labels,
            Optional<Channel> channel) {
        @Override
        public String toString() {
            return "Stored[" + caseFile.id() + "]";
        }
    }

    /**
     * The database part of indexing for a batch of cases, in a few statements per {@value
     * #LOAD_CHUNK} cases (the cases with their recipients, their items, their labels) instead of
     * several per case: the per-case round trips, not decryption, made the catch-up slow. Leaves
     * out the cases that are gone or that none of the holders is a recipient of; keeps the order
     * of {@code caseIds}.
     */
    public List<Stored> load(List<UUID> caseIds, Map<UUID, List<UnlockedKey>> holders) {
        List<Stored> stored = new ArrayList<>();
        Map<UUID, Optional<Channel>> channelCache = new HashMap<>();
        for (int from = 0; from < caseIds.size(); from += LOAD_CHUNK) {
            List<UUID> chunk = caseIds.subList(from, Math.min(caseIds.size(), from + LOAD_CHUNK));
            Map<UUID, CaseFile> found = new HashMap<>();
            cases.findAll(chunk).forEach(c -> found.put(c.id(), c));
            Map<UUID, List<UnlockedKey>> keysByCase = new LinkedHashMap<>();
            for (UUID id : chunk) {
                CaseFile caseFile = found.get(id);
                List<UnlockedKey> keys = caseFile == null ? List.of() : keysOf(caseFile, holders);
                if (!keys.isEmpty()) {
                    keysByCase.put(id, keys);
                }
            }
            if (keysByCase.isEmpty()) {
                continue;
            }
            Map<UUID, List<CaseItem>> items = cases.itemsOf(keysByCase.keySet());
            Map<UUID, Set<String>> labels = tables.labels(keysByCase.keySet());
            keysByCase.forEach((id, keys) -> {
                CaseFile caseFile = found.get(id);
                Optional<Channel> channel = channelCache.computeIfAbsent(caseFile.channelId(), channels::find);
                stored.add(new Stored(caseFile, keys, items.getOrDefault(id, List.of()),
                        labels.getOrDefault(id, Set.of()), channel));
            });
        }
        return stored;
    }

    /** The unlocked keys of the holders who are among the case's recipients. */
    private static List<UnlockedKey> keysOf(CaseFile caseFile, Map<UUID, List<UnlockedKey>> holders) {
        List<UnlockedKey> keys = new ArrayList<>();
        for (CaseRecipient r : caseFile.recipients()) {
            for (UnlockedKey k : holders.getOrDefault(r.staffId(), List.of())) {
                if (!k.isClosed()) {
                    keys.add(k);
                }
            }
        }
        return List.copyOf(keys);
    }

    /** The decrypting part: opens the items from the blob store; thread-safe. */
    public Reading open(Stored stored) {
        CaseFile caseFile = stored.caseFile();
        UUID caseId = caseFile.id();
        Opener opener = Opener.with(stored.keys());
        List<CaseItem> items = stored.items();
        Set<String> labels = stored.labels();
        Optional<Channel> channel = stored.channel();
        String status = caseFile.status().name().toLowerCase(Locale.ROOT);
        CaseDocument.Builder doc = CaseDocument.builder(caseId.toString(), caseFile.receivedOn())
                .channel(channel.map(Channel::slug).orElse(""))
                .status(status);
        labels.forEach(doc::label);
        Map<UUID, ReportContents.AttachmentEntry> files = new HashMap<>();
        List<CaseItem> attachments = new ArrayList<>();
        for (CaseItem item : items) {
            try {
                switch (item.kind()) {
                    case REPORT -> {
                        ReportContents report = ReportContents.fromJson(openWhole(opener, item));
                        report.answers().forEach((field, values) -> values.forEach(v -> {
                            doc.answer(v);
                            optionLabels(channel, field, v).forEach(doc::answer);
                        }));
                        report.attachments().forEach(a -> files.put(a.item(), a));
                    }
                    case ATTACHMENT -> attachments.add(item);
                    case INTERNAL_NOTE -> {
                        MessageText m = messageText(openWhole(opener, item));
                        doc.note(m.text());
                        m.files().forEach(a -> files.put(a.item(), a));
                    }
                    default -> {
                        MessageText m = messageText(openWhole(opener, item));
                        doc.message(m.text());
                        m.files().forEach(a -> files.put(a.item(), a));
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "case {0}: a {1} item could not be opened for the search index ({2})",
                        new Object[] {caseId, item.kind(), e.getClass().getSimpleName()});
            }
        }
        for (CaseItem item : attachments) {
            ReportContents.AttachmentEntry entry = files.get(item.id());
            String name = entry == null ? "" : entry.name();
            long size = entry == null ? item.ciphertextBytes() : entry.size();
            doc.attachment(new Attachment(name, size <= maxAttachmentBytes ? () -> new ByteArrayInputStream(
                    openWhole(opener, item, (int) maxAttachmentBytes)) : () -> {
                        throw new IOException("larger than the desk's limit for text extraction");
                    }));
        }
        SearchTables.Marker marker = new SearchTables.Marker(caseId, items.size(), caseFile.status().name(), labels);
        return new Reading(doc.build(), marker);
    }

    private byte[] openWhole(Opener opener, CaseItem item) throws IOException {
        return openWhole(opener, item, MAX_DOCUMENT_BYTES);
    }

    private byte[] openWhole(Opener opener, CaseItem item, int max) throws IOException {
        try (InputStream in = blobs.open(item.blob())) {
            return opener.openAll(in, max);
        }
    }

    private record MessageText(String text, List<ReportContents.AttachmentEntry> files) {
    }

    /** A message document, or plain UTF-8 text (outcome grounds are sealed as text). */
    private static MessageText messageText(byte[] opened) {
        try {
            MessageContents m = MessageContents.fromJson(opened);
            return new MessageText(m.text(), m.attachments());
        } catch (RuntimeException notAMessageDocument) {
            return new MessageText(new String(opened, StandardCharsets.UTF_8), List.of());
        }
    }

    /** The labels of a chosen option in every language, so that "Ja" and "Yes" both find it. */
    private static List<String> optionLabels(Optional<Channel> channel, String field, String value) {
        return channel.flatMap(c -> c.questionnaire().field(field)).flatMap((QuestionField f) -> f.option(value))
                .map(o -> List.copyOf(o.label().byLanguage().values())).orElse(List.of());
    }
}
