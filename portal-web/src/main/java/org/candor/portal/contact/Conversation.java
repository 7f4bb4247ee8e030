package org.candor.portal.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.CryptoException;
import org.candor.crypto.LockSecret;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WrongPassphrase;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.ItemReaders;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.QuestionField;

/**
 * What a signed-in whistleblower reads, opened for one request with the key their code
 * unlocks and closed again before the page is written (docs/design.md property 5): their report with
 * the questionnaire's labels, then every message shared with them, in order. Nothing opened is
 * cached or written anywhere.
 */
@ApplicationScoped
public class Conversation {

    @Inject
    CaseRepository cases;

    @Inject
    CaseMessages messages;

    @Inject
    ChannelRepository channels;

    /** A file as a page lists it. */
    public record FileLink(UUID item, String name, long size) {
        @Override
        public String toString() {
            return "FileLink[" + item + "]";
        }
    }

    /** One answer of the report, with the question it answers. */
    public record Answer(String label, List<String> values, List<FileLink> files) {
        @Override
        public String toString() {
            return "Answer[hidden]";
        }
    }

    /**
     * One message: who wrote it (the kind says), the day, its text and files. An entry that
     * failed its integrity check or is not a message document (only a browser that seals
     * messages itself could store one) is kept in its place, {@code readable} false, without text.
     */
    public record Entry(ItemKind kind, LocalDate day, boolean readable, String text, List<FileLink> files) {
        public boolean fromWhistleblower() {
            return kind == ItemKind.WHISTLEBLOWER_MESSAGE || kind == ItemKind.APPEAL;
        }

        @Override
        public String toString() {
            return "Entry[" + kind + ", " + day + "]";
        }
    }

    /** The report and the messages, opened; {@code reportReadable} false when the report could not be read. */
    public record Opened(LocalDate receivedOn, boolean reportReadable, List<Answer> report, List<Entry> entries) {
        /** The last message of a kind, if any (outcome grounds, appeal decision). */
        public Optional<Entry> last(ItemKind kind) {
            Entry found = null;
            for (Entry e : entries) {
                if (e.kind() == kind) {
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }

        @Override
        public String toString() {
            return "Opened[" + entries.size() + " entries]";
        }
    }

    /** Unlocks the case's whistleblower key for the length of one piece of work. */
    UnlockedKey unlock(CaseFile caseFile, LockSecret secret) {
        try {
            return CaseMessages.whistleblowerKey(caseFile).unlock(secret);
        } catch (WrongPassphrase e) {
            throw new IllegalStateException("the session's secret no longer opens its case", e);
        }
    }

    /** Opens the report and all messages shared with the whistleblower. */
    public Opened open(CaseFile caseFile, LockSecret secret, Locale language) throws IOException {
        Optional<Channel> channel = channels.find(caseFile.channelId());
        List<Answer> report = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        boolean reportReadable = true;
        try (UnlockedKey key = unlock(caseFile, secret)) {
            for (CaseItem item : shared(caseFile)) {
                if (item.kind() == ItemKind.ATTACHMENT) {
                    continue;
                }
                if (item.kind() != ItemKind.REPORT) {
                    entries.add(entry(item, key));
                    continue;
                }
                try {
                    report.addAll(answers(messages.openReport(item, key), channel, language));
                } catch (CryptoException | IllegalArgumentException damaged) {
                    reportReadable = false; // tampered, or not a report document: the messages stay readable
                }
            }
        }
        return new Opened(caseFile.receivedOn(), reportReadable, report, entries);
    }

    /**
     * Only the last message of each of {@code kinds} (message kinds), opened: for a page that shows those and
     * nothing else of the conversation (the status page's grounds), nothing more is decrypted.
     */
    public Opened openLast(CaseFile caseFile, LockSecret secret, Set<ItemKind> kinds) throws IOException {
        Map<ItemKind, CaseItem> last = new EnumMap<>(ItemKind.class);
        for (CaseItem item : shared(caseFile)) {
            if (kinds.contains(item.kind())) {
                last.put(item.kind(), item);
            }
        }
        List<Entry> entries = new ArrayList<>();
        if (!last.isEmpty()) {
            try (UnlockedKey key = unlock(caseFile, secret)) {
                for (CaseItem item : last.values()) {
                    entries.add(entry(item, key));
                }
            }
        }
        return new Opened(caseFile.receivedOn(), true, List.of(), entries);
    }

    /** One message, opened; tampered, or not a message document: kept in its place as unreadable. */
    private Entry entry(CaseItem item, UnlockedKey key) throws IOException {
        try {
            MessageContents m = messages.openMessage(item, key);
            return new Entry(item.kind(), item.createdOn(), true, m.text(), links(m.attachments()));
        } catch (CryptoException | IllegalArgumentException damaged) {
            return new Entry(item.kind(), item.createdOn(), false, "", List.of());
        }
    }

    /** The name of a file shared with the whistleblower, found in the report or message that lists it. */
    public Optional<FileLink> file(CaseFile caseFile, LockSecret secret, UUID itemId) throws IOException {
        try (UnlockedKey key = unlock(caseFile, secret)) {
            for (CaseItem item : shared(caseFile)) {
                if (item.kind() == ItemKind.ATTACHMENT) {
                    continue;
                }
                List<ReportContents.AttachmentEntry> listed;
                try {
                    listed = item.kind() == ItemKind.REPORT
                            ? messages.openReport(item, key).attachments()
                            : messages.openMessage(item, key).attachments();
                } catch (CryptoException | IllegalArgumentException damaged) {
                    continue; // lists no file that can be offered
                }
                for (ReportContents.AttachmentEntry a : listed) {
                    if (a.item().equals(itemId)) {
                        return Optional.of(new FileLink(a.item(), a.name(), a.size()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the integrity check of a file shared with the whistleblower before anything of it is
     * released ({@link CaseMessages#checkAttachment}, the desk's download uses the same).
     *
     * @throws org.candor.crypto.IntegrityCheckFailed if its ciphertext was altered: nothing is released
     * @throws IllegalArgumentException if the case has no such file shared with the whistleblower
     */
    public void check(CaseFile caseFile, LockSecret secret, UUID itemId) throws IOException {
        CaseItem item = sharedFile(caseFile, itemId);
        try (UnlockedKey key = unlock(caseFile, secret)) {
            messages.checkAttachment(item.blob(), key);
        }
    }

    /**
     * Streams the plaintext of a file that passed {@link #check}; if it fails now (the blob was
     * replaced since), this throws before the end and the response must be broken off.
     */
    public void download(CaseFile caseFile, LockSecret secret, UUID itemId, OutputStream out) throws IOException {
        CaseItem item = sharedFile(caseFile, itemId);
        try (UnlockedKey key = unlock(caseFile, secret)) {
            messages.releaseAttachment(item.blob(), key, out);
        }
    }

    private CaseItem sharedFile(CaseFile caseFile, UUID itemId) {
        return shared(caseFile).stream()
                .filter(i -> i.id().equals(itemId) && i.kind() == ItemKind.ATTACHMENT)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no such file"));
    }

    /** The case's items the whistleblower reads, a file judged by the report or message it came with. */
    private List<CaseItem> shared(CaseFile caseFile) {
        return ItemReaders.sharedWithWhistleblower(cases.items(caseFile.id()));
    }

    private static List<Answer> answers(ReportContents report, Optional<Channel> channel, Locale language) {
        List<Answer> out = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        if (channel.isPresent()) {
            for (QuestionField field : channel.get().questionnaire().fields()) {
                List<String> values = report.answers().getOrDefault(field.key(), List.of()).stream()
                        .map(v -> field.option(v).map(o -> o.label().in(language)).orElse(v)).toList();
                List<FileLink> files = links(report.attachments().stream().filter(a -> a.field().equals(field.key())).toList());
                if (!values.isEmpty() || !files.isEmpty()) {
                    out.add(new Answer(field.labelIn(language), values, files));
                }
                shown.add(field.key());
            }
        }
        // answers to questions the channel no longer asks are still the whistleblower's words
        report.answers().forEach((key, values) -> {
            if (!shown.contains(key)) {
                out.add(new Answer(key, values, links(report.attachments().stream().filter(a -> a.field().equals(key)).toList())));
                shown.add(key);
            }
        });
        List<FileLink> orphans = links(report.attachments().stream().filter(a -> !shown.contains(a.field())).toList());
        if (!orphans.isEmpty()) {
            out.add(new Answer("", List.of(), orphans));
        }
        return out;
    }

    private static List<FileLink> links(List<ReportContents.AttachmentEntry> attachments) {
        return attachments.stream().map(a -> new FileLink(a.item(), a.name(), a.size())).toList();
    }
}
