package org.candor.portal.intake.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.fileupload2.core.RequestContext;
import org.candor.crypto.LookupHandle;
import org.candor.crypto.Pepper;
import org.candor.crypto.PreHandle;
import org.candor.crypto.RecipientKey;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.InMemoryCases;
import org.candor.portal.casefile.ReplyCodes;
import org.candor.portal.channel.Channel;
import org.candor.portal.channel.ChannelText;
import org.candor.portal.channel.KeyStatus;
import org.candor.portal.channel.UploadLimits;
import org.candor.portal.intake.SealingRecipients;
import org.candor.portal.casefile.upload.Multipart;
import org.candor.portal.casefile.upload.SubmissionPart;
import org.candor.portal.staff.DisplayName;
import org.candor.portal.staff.PasswordHash;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.Username;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the multipart intake of a report sealed in the browser (docs/design.md properties 1, 2 and 10): a request
 * body goes through the reading {@link SealedReport} uses ({@link Multipart}: commons-fileupload2's streaming parser with its part
 * count and UTF-8 headers, the form token read first), into {@link SealedIntake#receive} with a
 * real blob store and case store. Whatever the body, the intake stores a case or refuses with
 * {@link SealedIntake.Refused} or an {@link IOException} (a broken body); nothing else escapes, and a refusal
 * leaves no file behind, pending or committed.
 */
class SealedIntakeFuzzTest {

    static final String BOUNDARY = "----candorFuzzBoundary";
    private static final PasswordHash ANY_HASH =
            PasswordHash.parse("$argon2id$v=19$m=47104,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");

    @TempDir static Path folder;
    private static InMemoryCases cases;
    private static SealedIntake intake;
    private static Channel channel;

    @BeforeAll
    static void wire() throws IOException {
        RecipientKey investigatorKey;
        try (InputStream in = SealedIntakeFuzzTest.class.getResourceAsStream("fuzz/investigator.asc")) {
            investigatorKey = RecipientKey.fromBytes(in.readAllBytes());
        }
        StaffMember investigator = new StaffMember(new Username("investigator"), new DisplayName("Ina Vestigator"),
                ANY_HASH, Role.INVESTIGATOR, LocalDate.of(2026, 1, 1));
        channel = new Channel("fuzz", 1, LocalDate.of(2026, 1, 1),
                Map.of(Locale.ENGLISH, new ChannelText("Fuzzing", "Reports of any bytes"),
                        Locale.GERMAN, new ChannelText("Fuzzing", "Meldungen aus beliebigen Bytes")));
        channel.chooseRecipients(List.of(investigator));
        channel.changeUploadLimits(new UploadLimits(true, UploadLimits.MIB, 3, 3 * UploadLimits.MIB));

        cases = new InMemoryCases(folder.resolve("blobs"));
        SealingRecipients recipients = new SealingRecipients(staffId -> staffId.equals(investigator.id())
                ? new KeyStatus.Usable(investigatorKey) : new KeyStatus.NoKey(), new OneMember(investigator));
        Pepper pepper = Pepper.generate();
        intake = new SealedIntake();
        intake.sealingRecipients = recipients;
        intake.blobs = cases.blobs;
        intake.caseStore = cases.store;
        intake.replyCodes = new ReplyCodes() {
            @Override
            public LookupHandle handle(PreHandle preHandle) {
                return pepper.handle(preHandle);
            }
        };
    }

    @AfterAll
    static void close() {
        cases = null;
    }

    @FuzzTest
    void receive(byte[] body) throws IOException {
        SealedIntake.Received received = null;
        try {
            received = intake.receive(channel, parts(body));
        } catch (SealedIntake.Refused refused) {
            assertTrue(refused.status >= 400 && refused.status < 500, "status " + refused.status);
        } catch (IOException | UncheckedIOException broken) {
            // a malformed or truncated body
        }
        if (received == null) {
            assertEquals(List.of(), files(), "a refused upload left files behind");
            assertTrue(cases.files.isEmpty(), "a refused upload made a case");
            return;
        }
        List<CaseItem> items = cases.items(received.caseId());
        assertEquals(items.size(), files().size(), "one committed blob per item, nothing else");
        for (CaseItem item : items) {
            cases.blobs.delete(item.blob());
        }
        cases.files.clear();
        cases.itemRows.clear();
    }

    /** The body's parts as {@link SealedReport} hands them on: the shared parser, the form token read first. */
    private static Iterator<SubmissionPart> parts(byte[] body) throws IOException {
        return Multipart.tokenFirst(new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return null;
            }

            @Override
            public long getContentLength() {
                return body.length;
            }

            @Override
            public String getContentType() {
                return "multipart/form-data; boundary=" + BOUNDARY;
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public boolean isMultipartRelated() {
                return false;
            }
        }, body.length + 1L, SealedIntake.MOST_PARTS).parts();
    }

    private static List<Path> files() throws IOException {
        Path root = cases.blobs.root();
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /** The staff list of this test: one enabled investigator. */
    private record OneMember(StaffMember member) implements StaffRepository {
        @Override
        public void add(StaffMember added) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StaffMember> findByUsername(Username username) {
            return member.username().equals(username) ? Optional.of(member) : Optional.empty();
        }

        @Override
        public Optional<StaffMember> find(UUID id) {
            return member.id().equals(id) ? Optional.of(member) : Optional.empty();
        }

        @Override
        public List<StaffMember> all() {
            return List.of(member);
        }

        @Override
        public boolean hasAdministrator() {
            return false;
        }
    }
}
