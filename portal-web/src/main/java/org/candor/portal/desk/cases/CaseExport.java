package org.candor.portal.desk.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.crypto.OpenedStream;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.MessageContents;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.RecipientKeys;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * A case exported for the investigator's records: one OpenPGP message sealed to the
 * investigator's own key only (GnuPG decrypts it), holding a zip with
 * <ul>
 *   <li>{@code case.txt}: the case's metadata (channel, status, dates, outcome, labels);</li>
 *   <li>{@code report.json}: the report document as the whistleblower's browser or the server
 *   sealed it, and {@code answers.txt}: the answers under the questionnaire's labels;</li>
 *   <li>{@code conversation.txt}: every message shared with the whistleblower, in order;</li>
 *   <li>{@code notes.txt}: the internal notes;</li>
 *   <li>{@code attachments/NN-name}: every file of the report and of the messages.</li>
 * </ul>
 * Keeps docs/design.md property 1: the zip is written straight into the OpenPGP stream, which is
 * written straight into the response; nothing in clear touches the disk, and files stream in
 * constant memory. The export is audited ({@link AuditAction#CASE_EXPORTED}) before a byte is
 * sent.
 *
 * <p>Integrity: a text item that fails its check is exported as a line saying so, never as
 * unchecked text. Each attachment is decrypted once into nothing first (the check), and only
 * then streamed into the zip; if it fails on the second pass (the blob changed in between), the
 * stream throws, the OpenPGP message is never finished, and GnuPG refuses the truncated file.
 */
@ApplicationScoped
public class CaseExport {

    @Inject
    DeskCases cases;

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    AuditLog audit;

    /**
     * What an export needs once the request's checks passed. Holds the session's unlocked key
     * (not a copy) for the length of one response; {@code toString} names no contents.
     */
    public record Plan(UUID caseId, String fileName, RecipientKey sealTo, UnlockedKey key, String metadata,
            Optional<Channel> channel, List<CaseItem> items) {
        @Override
        public String toString() {
            return "Plan[" + caseId + ", " + items.size() + " items]";
        }
    }

    /**
     * Checks that the investigator may export the case (404 otherwise), that their key is unlocked
     * ({@link KeyLocked}) and usable to seal to ({@code cases.export.noKey}), and records the export.
     */
    @Transactional
    public Plan prepare(SignedInStaff me, UUID caseId) {
        CaseFile caseFile = cases.caseFor(me, caseId);
        UnlockedKey key = cases.key();
        RecipientKey own = recipientKeys.usableKeyOf(me.id()).orElseThrow(() -> new InvalidCaseInput("cases.export.noKey"));
        List<CaseItem> items = cases.items(caseId);
        Optional<Channel> channel = cases.channelOf(caseFile);
        audit.record(AuditEvent.of(AuditAction.CASE_EXPORTED, Actor.staff(me.id(), me.username())).about("case", caseId)
                .with("items", items.size()).with("to", own.fingerprint()));
        return new Plan(caseId, "candor-case-" + caseId.toString().substring(0, 8) + ".zip.gpg", own, key,
                metadata(caseFile, channel, cases.labels(caseId)), channel, items);
    }

    /** Writes the sealed zip. */
    public void write(Plan plan, OutputStream out) throws IOException {
        Opener opener = Opener.with(plan.key());
        Map<UUID, String> names = new LinkedHashMap<>();
        StringBuilder conversation = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        Map<UUID, String> authors = new LinkedHashMap<>();
        try (OutputStream sealed = Sealer.to(plan.sealTo()).open(out, Sealer.Content.BINARY);
                ZipOutputStream zip = new ZipOutputStream(sealed, StandardCharsets.UTF_8)) {
            text(zip, "case.txt", plan.metadata());
            for (CaseItem item : plan.items()) {
                if (item.kind() == ItemKind.ATTACHMENT) {
                    continue;
                }
                byte[] opened;
                try {
                    opened = cases.openAll(opener, item.blob());
                } catch (IOException damaged) {
                    StringBuilder into = item.kind() == ItemKind.INTERNAL_NOTE ? notes : conversation;
                    into.append(heading(item, authors)).append("[this item failed its integrity check; nothing of it is exported]\n\n");
                    continue;
                }
                if (item.kind() == ItemKind.REPORT) {
                    zip.putNextEntry(new ZipEntry("report.json"));
                    zip.write(opened);
                    zip.closeEntry();
                    try {
                        ReportContents report = ReportContents.fromJson(opened);
                        StringBuilder answers = new StringBuilder();
                        for (var answer : DeskCases.answers(report, plan.channel(), Locale.ENGLISH)) {
                            answers.append(answer.question()).append('\n');
                            answer.values().forEach(v -> answers.append("  ").append(v.replace("\n", "\n  ")).append('\n'));
                            answers.append('\n');
                        }
                        text(zip, "answers.txt", answers.toString());
                        report.attachments().forEach(a -> names.put(a.item(), a.name()));
                    } catch (IllegalArgumentException notAReport) {
                        text(zip, "answers.txt", "[the report could not be read as a Candor report]\n");
                    }
                } else {
                    MessageContents message = DeskCases.message(opened);
                    message.attachments().forEach(a -> names.put(a.item(), a.name()));
                    StringBuilder into = item.kind() == ItemKind.INTERNAL_NOTE ? notes : conversation;
                    into.append(heading(item, authors)).append(message.text()).append('\n');
                    message.attachments().forEach(a -> into.append("  [file] ").append(a.name()).append('\n'));
                    into.append('\n');
                }
            }
            text(zip, "conversation.txt", conversation.toString());
            text(zip, "notes.txt", notes.toString());
            int n = 0;
            for (CaseItem item : plan.items()) {
                if (item.kind() != ItemKind.ATTACHMENT) {
                    continue;
                }
                String name = String.format(Locale.ROOT, "attachments/%02d-%s", ++n,
                        entryName(names.getOrDefault(item.id(), "attachment")));
                if (!verified(opener, item)) {
                    text(zip, name + ".DAMAGED.txt", "This file failed its integrity check; nothing of it is exported.\n");
                    continue;
                }
                zip.putNextEntry(new ZipEntry(name));
                try (InputStream ciphertext = cases.openBlob(item.blob()); OpenedStream plaintext = opener.open(ciphertext)) {
                    plaintext.transferTo(zip);
                    if (!plaintext.isVerified()) {
                        throw new IntegrityCheckFailed("the attachment ended without its integrity check");
                    }
                }
                zip.closeEntry();
            }
        }
    }

    /** A zip entry name from a file name: no folders, no drive letters, nothing a shell or unzip could misread. */
    static String entryName(String name) {
        String cleaned = name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        return cleaned.isEmpty() ? "attachment" : cleaned;
    }

    private boolean verified(Opener opener, CaseItem item) {
        try (InputStream ciphertext = cases.openBlob(item.blob()); OpenedStream plaintext = opener.open(ciphertext)) {
            plaintext.transferTo(OutputStream.nullOutputStream());
            return plaintext.isVerified();
        } catch (IOException damaged) {
            return false;
        }
    }

    private String heading(CaseItem item, Map<UUID, String> authors) {
        String author = item.authorStaffId().map(id -> authors.computeIfAbsent(id, cases::username)).orElse("whistleblower");
        return "== " + item.kind().name() + " · " + item.createdOn() + " · " + author + "\n";
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String metadata(CaseFile c, Optional<Channel> channel, List<String> labels) {
        return "case: " + c.id() + "\n"
                + "channel: " + channel.map(ch -> ch.textFor(Locale.ENGLISH).name()).orElse("") + "\n"
                + "status: " + c.status().name() + "\n"
                + "received: " + c.receivedOn() + "\n"
                + "acknowledged: " + c.acknowledgedOn().map(LocalDate::toString).orElse("-") + "\n"
                + "concluded: " + c.concludedOn().map(LocalDate::toString).orElse("-") + "\n"
                + "outcome: " + c.outcome().map(Enum::name).orElse("-") + "\n"
                + "labels: " + String.join(", ", labels) + "\n"
                + "sealed in the browser: " + c.sealedInBrowser() + "\n";
    }
}
