package org.candor.portal.casefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.candor.crypto.InvestigatorKey;
import org.candor.crypto.LockSecret;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.UnknownRecipient;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.channel.UploadLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseMessagesTest {

    private static final char[] PASSPHRASE = "investigator passphrase".toCharArray();
    private static final UploadLimits LIMITS = new UploadLimits(true, UploadLimits.MIB, 2, 2 * UploadLimits.MIB);
    private static InvestigatorKey investigatorKey;

    @TempDir
    Path blobFolder;

    private InMemoryCases cases;
    private ReplyCode code;
    private UUID investigator;
    private UUID caseId;

    @BeforeAll
    static void keys() {
        investigatorKey = InvestigatorKey.generate("Ines <ines@example.org>", PASSPHRASE);
    }

    @BeforeEach
    void aCase() {
        cases = new InMemoryCases(blobFolder);
        code = ReplyCode.generate();
        investigator = UUID.randomUUID();
        caseId = cases.newCase(code, investigator, investigatorKey, LocalDate.now());
    }

    private UnlockedKey whistleblower() throws Exception {
        try (LockSecret secret = ReplyCodeDerivation.lockSecret(code)) {
            return CaseMessages.whistleblowerKey(cases.files.get(caseId)).unlock(secret);
        }
    }

    @Test
    void aReplyWithAFileReachesBothTheInvestigatorAndTheWhistleblower() throws Exception {
        byte[] file = "scan of the invoice".getBytes(StandardCharsets.UTF_8);
        UUID message;
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.INVESTIGATOR_REPLY, LIMITS, Set.of())) {
            draft.text("  Thank you.\r\nCould you send the invoice?  ");
            draft.attach("C:\\Users\\x\\invoice.pdf", "application/pdf", new ByteArrayInputStream(file));
            draft.attach("", "application/octet-stream", new ByteArrayInputStream(new byte[0]));
            assertEquals(2, draft.sealedTo().size());
            message = draft.send(Optional.of(investigator));
        }
        List<CaseItem> items = cases.items(caseId);
        assertEquals(List.of(ItemKind.INVESTIGATOR_REPLY, ItemKind.ATTACHMENT), items.stream().map(CaseItem::kind).toList());
        assertEquals(message, items.get(0).id());
        assertEquals(Optional.of(investigator), items.get(0).authorStaffId());

        for (UnlockedKey reader : List.of(whistleblower(), investigatorKey.unlock(PASSPHRASE))) {
            MessageContents opened = cases.messages.openMessage(items.get(0), reader);
            assertEquals("Thank you.\nCould you send the invoice?", opened.text());
            assertEquals("invoice.pdf", opened.attachments().get(0).name());
            assertEquals(items.get(1).id(), opened.attachments().get(0).item());
            cases.messages.checkAttachment(items.get(1).blob(), reader);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            cases.messages.releaseAttachment(items.get(1).blob(), reader, out);
            assertArrayEquals(file, out.toByteArray());
        }
        assertNoClearText(blobFolder, "invoice", "Thank you");
    }

    @Test
    void anAlteredFileFailsItsCheckBeforeAnyByteIsReleasedAndItsReleaseNeverEnds() throws Exception {
        byte[] file = "ledger line;".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.INVESTIGATOR_REPLY, LIMITS, Set.of())) {
            draft.attach("ledger.csv", "text/csv", new ByteArrayInputStream(file));
            draft.send(Optional.of(investigator));
        }
        CaseItem attachment = cases.items(caseId).get(1);
        Path blob;
        try (var files = Files.walk(blobFolder)) {
            blob = files.filter(p -> p.getFileName().toString().equals(attachment.blob().value())).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 30] ^= 0x01;
        Files.write(blob, bytes);
        UnlockedKey reader = whistleblower();
        assertThrows(org.candor.crypto.IntegrityCheckFailed.class, () -> cases.messages.checkAttachment(attachment.blob(), reader));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(org.candor.crypto.IntegrityCheckFailed.class,
                () -> cases.messages.releaseAttachment(attachment.blob(), reader, out));
        assertTrue(out.size() > 0, "streaming alone releases plaintext before the check fails: hence the check first");
    }

    @Test
    void anInternalNoteAndItsFilesNeverReachTheWhistleblowerKey() throws Exception {
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.INTERNAL_NOTE, LIMITS, Set.of())) {
            assertEquals(Set.of(investigatorKey.fingerprint()), draft.sealedTo());
            draft.text("internal only");
            draft.attach("note.txt", "text/plain", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            draft.send(Optional.of(investigator));
        }
        List<CaseItem> items = cases.items(caseId);
        assertThrows(UnknownRecipient.class, () -> cases.messages.openMessage(items.get(0), whistleblower()));
        assertThrows(UnknownRecipient.class,
                () -> cases.messages.checkAttachment(items.get(1).blob(), whistleblower()));
    }

    @Test
    void aMessageBegunBeforeTheCaseWasResealedToOthersIsRefusedAndLeavesNoItemOrBlob() throws Exception {
        UUID colleague = UUID.randomUUID();
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.INVESTIGATOR_REPLY, LIMITS, Set.of())) {
            draft.text("sealed for the investigators of a moment ago");
            draft.attach("memo.txt", "text/plain", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            cases.files.get(caseId).resealTo(Set.of(new CaseRecipient(colleague, investigatorKey.fingerprint())));
            CaseMessages.Refused refused = assertThrows(CaseMessages.Refused.class,
                    () -> draft.send(Optional.of(investigator)));
            assertEquals("message.readersChanged", refused.problem().key());
        }
        assertTrue(cases.items(caseId).isEmpty(), "no item was added");
        assertEquals(0, countFiles(blobFolder), "no blob was left behind");
    }

    @Test
    void extraReadersSuchAsOversightCanOpenAnAppeal() throws Exception {
        InvestigatorKey oversightKey = investigatorKey; // same key material is enough to show the fingerprint is added
        UUID ombudsperson = UUID.randomUUID();
        cases.keys.put(ombudsperson, new org.candor.portal.channel.KeyStatus.Usable(oversightKey.recipient()));
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.APPEAL, LIMITS, List.of(ombudsperson))) {
            assertTrue(draft.sealedTo().contains(oversightKey.fingerprint()));
            assertTrue(draft.sealedTo().contains(cases.files.get(caseId).whistleblowerFingerprint()));
        }
    }

    @Test
    void refusesWhatBreaksALimitAndLeavesNoItemOrBlob() throws Exception {
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.WHISTLEBLOWER_MESSAGE, LIMITS, Set.of())) {
            CaseMessages.Refused tooLarge = assertThrows(CaseMessages.Refused.class, () -> draft.attach("big.bin",
                    "application/octet-stream", new ByteArrayInputStream(new byte[(int) UploadLimits.MIB + 1])));
            assertEquals("message.fileTooLarge", tooLarge.problem().key());
        }
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.WHISTLEBLOWER_MESSAGE, LIMITS, Set.of())) {
            assertEquals("message.textTooLong", assertThrows(CaseMessages.Refused.class,
                    () -> draft.text("x".repeat(CaseMessages.MAX_TEXT_CHARS + 1))).problem().key());
            draft.text("   ");
            assertEquals("message.empty", assertThrows(CaseMessages.Refused.class,
                    () -> draft.send(Optional.empty())).problem().key());
            draft.attach("a.txt", "text/plain", new ByteArrayInputStream(new byte[10]));
            draft.attach("b.txt", "text/plain", new ByteArrayInputStream(new byte[10]));
            assertEquals("message.tooManyFiles", assertThrows(CaseMessages.Refused.class,
                    () -> draft.attach("c.txt", "text/plain", new ByteArrayInputStream(new byte[10]))).problem().key());
        }
        UploadLimits none = new UploadLimits(false, UploadLimits.MIB, 1, UploadLimits.MIB);
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.WHISTLEBLOWER_MESSAGE, none, Set.of())) {
            assertEquals("message.filesNotAllowed", assertThrows(CaseMessages.Refused.class,
                    () -> draft.attach("a.txt", "text/plain", new ByteArrayInputStream(new byte[1]))).problem().key());
        }
        assertTrue(cases.items(caseId).isEmpty());
        assertEquals(0, countFiles(blobFolder), "abandoned drafts leave no blob");
    }

    @Test
    void refusesWhenNoInvestigatorCanReceiveAndRefusesReportKinds() {
        cases.keys.clear();
        assertEquals("message.noRecipient", assertThrows(CaseMessages.Refused.class,
                () -> cases.messages.draft(caseId, ItemKind.INVESTIGATOR_REPLY, LIMITS, Set.of())).problem().key());
        assertThrows(IllegalArgumentException.class,
                () -> cases.messages.draft(caseId, ItemKind.REPORT, LIMITS, Set.of()));
    }

    @Test
    void aFailedAppendRemovesTheSealedBlobs() throws Exception {
        try (CaseMessages.Draft draft = cases.messages.draft(caseId, ItemKind.WHISTLEBLOWER_MESSAGE, LIMITS, Set.of())) {
            draft.text("hello");
            draft.attach("a.txt", "text/plain", new ByteArrayInputStream(new byte[10]));
            assertThrows(IllegalStateException.class, () -> draft.send(Optional.empty(), () -> {
                throw new IllegalStateException("the appeal was filed meanwhile");
            }));
        }
        assertTrue(cases.items(caseId).isEmpty());
        assertEquals(0, countFiles(blobFolder));
    }

    @Test
    void downloadNamesCannotBreakOutOfTheHeader() {
        assertEquals("attachment; filename=\"a_b.pdf\"; filename*=UTF-8''a%22b.pdf",
                SafeFileNames.contentDisposition("a\"b.pdf"));
        assertEquals("attachment; filename=\"x.txt\"; filename*=UTF-8''x.txt",
                SafeFileNames.contentDisposition("../../etc/\r\nx.txt"));
        assertEquals("attachment; filename=\"B_richt.txt\"; filename*=UTF-8''B%C3%A9richt.txt",
                SafeFileNames.contentDisposition("Bérricht.txt".replace("rr", "r")));
        assertEquals("file", SafeFileNames.clean("\u202e"));
        assertEquals("application/octet-stream", SafeFileNames.cleanType("text/html\"><script>"));
    }

    static void assertNoClearText(Path folder, String... canaries) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String canary : canaries) {
                    assertFalse(bytes.contains(canary), canary + " in clear in " + file.getFileName());
                }
            }
        }
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
