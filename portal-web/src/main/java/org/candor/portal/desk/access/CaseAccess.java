package org.candor.portal.desk.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.candor.crypto.CryptoException;
import org.candor.crypto.IntegrityCheckFailed;
import org.candor.crypto.OpenedStream;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnknownRecipient;
import org.candor.crypto.UnlockedKey;
import org.candor.portal.audit.Actor;
import org.candor.portal.audit.AuditAction;
import org.candor.portal.audit.AuditEvent;
import org.candor.portal.audit.AuditLog;
import org.candor.portal.blobstore.BlobId;
import org.candor.portal.blobstore.BlobStore;
import org.candor.portal.casefile.CaseChangedMeanwhile;
import org.candor.portal.casefile.CaseFile;
import org.candor.portal.casefile.CaseItem;
import org.candor.portal.casefile.CaseMessages;
import org.candor.portal.casefile.CaseRecipient;
import org.candor.portal.casefile.CaseRepository;
import org.candor.portal.casefile.CaseStore;
import org.candor.portal.casefile.ItemKind;
import org.candor.portal.casefile.ItemReaders;
import org.candor.portal.channel.ChannelRepository;
import org.candor.portal.channel.RecipientKeys;
import org.candor.portal.desk.cases.KeyLocked;
import org.candor.portal.staff.key.UnlockedKeyHolder;
import org.candor.portal.staff.Role;
import org.candor.portal.staff.StaffMember;
import org.candor.portal.staff.StaffRepository;
import org.candor.portal.staff.session.SignedInStaff;

/**
 * Grants, hand-overs and revocations of access to a case, by re-sealing (docs/protocol.md,
 * "Assignment, grants and revocation: re-sealing"). Keeps docs/design.md properties 1, 4, 8 and 10:
 * <ol>
 *   <li>the acting investigator must be able to open the case, with their key unlocked in this
 *   session; the new set of investigators is computed and checked (the colleague holds the
 *   investigator role, is enabled and has a usable key; everyone who keeps access has a usable
 *   key) before anything is written;</li>
 *   <li>every item is opened with the acting key and sealed anew, streamed in 64 KiB buffers into
 *   a pending blob, with a fresh session key, to the new investigators, plus the whistleblower key
 *   and oversight as the item's kind says ({@link ItemReaders}); one item that fails its
 *   integrity check, or that the acting key cannot open, stops everything and the new blobs are
 *   removed;</li>
 *   <li>one transaction ({@link CaseStore#reseal}) swaps the items to the new blobs, rewrites the
 *   case's investigators and appends the audit entry; the old blobs are deleted after it
 *   committed.</li>
 * </ol>
 * A form carries the {@linkplain #version version} of the case's investigators it was made for;
 * if they changed since (a form sent twice, a colleague first), nothing changes.
 */
@ApplicationScoped
public class CaseAccess {

    private static final int BUFFER = 64 * 1024;

    @Inject
    CaseRepository cases;

    @Inject
    CaseStore store;

    @Inject
    BlobStore blobs;

    @Inject
    RecipientKeys recipientKeys;

    @Inject
    StaffRepository staff;

    @Inject
    ChannelRepository channels;

    @Inject
    AuditLog audit;

    @Inject
    UnlockedKeyHolder unlocked;

    /** What an investigator does to a colleague's access. */
    public enum Change {
        /** The colleague may open the case as well. */
        GRANT(AuditAction.CASE_ACCESS_GRANTED),
        /** The colleague takes the case over; the one handing it over no longer opens it. */
        ASSIGN(AuditAction.CASE_ASSIGNED),
        /** The colleague (or the acting investigator) no longer opens the case. */
        REVOKE(AuditAction.CASE_ACCESS_REVOKED);

        private final AuditAction action;

        Change(AuditAction action) {
            this.action = action;
        }
    }

    /** A staff member as the access page shows them. */
    public record Person(UUID id, String name, String username, String fingerprint) {
    }

    /** Who opens a case now, who could be given access or the case, and the version the forms carry. */
    public record Overview(List<Person> withAccess, List<Person> grantable, List<Person> assignable, String version) {
    }

    /** The case if the investigator may open it; 404 otherwise, as for every case page. */
    public CaseFile caseFor(SignedInStaff me, UUID caseId) {
        return cases.find(caseId).filter(c -> c.isSealedTo(me.id())).orElseThrow(NotFoundException::new);
    }

    /** Whether the investigator opens the case (after a change: whether they kept access). */
    public boolean mayOpen(SignedInStaff me, UUID caseId) {
        return cases.find(caseId).map(c -> c.isSealedTo(me.id())).orElse(false);
    }

    /** Who opens the case now and to whom it may be granted or handed over. */
    public Overview overview(SignedInStaff me, UUID caseId) {
        CaseFile caseFile = caseFor(me, caseId);
        Set<UUID> channelRecipients = channels.find(caseFile.channelId()).map(c -> c.recipients()).orElse(Set.of());
        List<Person> withAccess = caseFile.recipients().stream()
                .map(r -> person(r.staffId(), r.fingerprint()))
                .sorted(Comparator.comparing(Person::name)).toList();
        List<Person> grantable = new ArrayList<>();
        List<Person> assignable = new ArrayList<>();
        for (StaffMember member : staff.all()) {
            if (!member.isEnabled() || !member.holds(Role.INVESTIGATOR) || member.id().equals(me.id())) {
                continue;
            }
            Optional<RecipientKey> key = recipientKeys.usableKeyOf(member.id());
            if (key.isEmpty()) {
                continue;
            }
            Person person = new Person(member.id(), member.displayName().value(), member.username().value(),
                    key.get().fingerprint());
            if (!caseFile.isSealedTo(member.id())) {
                grantable.add(person);
            }
            if (channelRecipients.contains(member.id())) {
                assignable.add(person);
            }
        }
        grantable.sort(Comparator.comparing(Person::name));
        assignable.sort(Comparator.comparing(Person::name));
        return new Overview(withAccess, grantable, assignable, version(caseFile.recipients()));
    }

    /**
     * Changes who may open the case, re-sealing all of it. Refused (and nothing changed, no new
     * blob left) when the form is stale, the colleague cannot be given or lose access, or an item
     * cannot be re-sealed.
     *
     * @param colleague the colleague as the form named them (a staff id)
     * @param version   the version of the case's investigators the form was made for
     * @throws KeyLocked if the acting investigator's key is not unlocked in this session
     */
    public void change(SignedInStaff me, UUID caseId, Change change, String colleague, String version)
            throws AccessRefused, IOException {
        CaseFile caseFile = caseFor(me, caseId);
        UnlockedKey key = unlocked.key().orElseThrow(KeyLocked::new);
        Set<CaseRecipient> from = caseFile.recipients();
        if (!version(from).equals(version)) {
            throw AccessRefused.stale();
        }
        UUID colleagueId = parse(colleague);
        Set<UUID> next = new LinkedHashSet<>(from.stream().map(CaseRecipient::staffId).sorted().toList());
        String fingerprint;
        switch (change) {
            case GRANT, ASSIGN -> {
                if (colleagueId.equals(me.id())) {
                    throw AccessRefused.invalid(change == Change.GRANT ? "caseAccess.selfGrant" : "caseAccess.selfAssign");
                }
                StaffMember member = staff.find(colleagueId).orElseThrow(() -> AccessRefused.invalid("caseAccess.noSuchColleague"));
                String name = member.displayName().value();
                if (change == Change.GRANT && caseFile.isSealedTo(colleagueId)) {
                    throw AccessRefused.invalid("caseAccess.already", name);
                }
                if (!member.holds(Role.INVESTIGATOR)) {
                    throw AccessRefused.invalid("caseAccess.notInvestigator", name);
                }
                if (!member.isEnabled()) {
                    throw AccessRefused.invalid("caseAccess.disabled", name);
                }
                RecipientKey theirs = recipientKeys.usableKeyOf(colleagueId)
                        .orElseThrow(() -> AccessRefused.invalid("caseAccess.noKey", name));
                if (change == Change.ASSIGN && channels.find(caseFile.channelId())
                        .map(c -> !c.recipients().contains(colleagueId)).orElse(true)) {
                    throw AccessRefused.invalid("caseAccess.notOfChannel", name);
                }
                fingerprint = theirs.fingerprint();
                next.add(colleagueId);
                if (change == Change.ASSIGN) {
                    next.remove(me.id());
                }
            }
            case REVOKE -> {
                CaseRecipient leaving = from.stream().filter(r -> r.staffId().equals(colleagueId)).findFirst()
                        .orElseThrow(() -> AccessRefused.invalid("caseAccess.notRecipient", nameOf(colleagueId)));
                if (from.size() == 1) {
                    throw AccessRefused.invalid("caseAccess.last");
                }
                fingerprint = leaving.fingerprint();
                next.remove(colleagueId);
            }
            default -> throw new IllegalArgumentException("unknown change " + change);
        }
        List<RecipientKey> investigatorKeys = new ArrayList<>();
        Set<CaseRecipient> to = new LinkedHashSet<>();
        for (UUID staying : next) {
            RecipientKey theirs = recipientKeys.usableKeyOf(staying)
                    .orElseThrow(() -> AccessRefused.invalid("caseAccess.remainingWithoutKey", nameOf(staying)));
            investigatorKeys.add(theirs);
            to.add(new CaseRecipient(staying, theirs.fingerprint()));
        }
        List<CaseItem> items = cases.items(caseId);
        // the new blobs stay held until the transaction that records them has ended (BlobStore)
        List<BlobStore.PendingBlob> held = new ArrayList<>();
        try {
            List<CaseStore.Resealed> resealed = resealAll(key, items, investigatorKeys,
                    CaseMessages.whistleblowerKey(caseFile).recipient(), oversightKeys(), held);
            String username = staff.find(colleagueId).map(m -> m.username().value()).orElse("?");
            store.reseal(caseId, from, to, resealed, () -> audit.record(AuditEvent.of(change.action,
                            Actor.staff(me.id(), me.username())).about("case", caseId)
                    .with("staff", colleagueId.toString()).with("staff-name", username)
                    .with("fingerprint", fingerprint).with("items", items.size())));
        } catch (CaseChangedMeanwhile changed) {
            throw new AccessRefused(409, "caseAccess.changedMeanwhile");
        } finally {
            held.forEach(BlobStore.PendingBlob::close);
        }
    }

    /**
     * A short digest of who opens a case with which key: the forms carry it, so that a form made
     * before the case's access changed is recognised.
     */
    static String version(Set<CaseRecipient> recipients) {
        String canonical = recipients.stream().map(r -> r.staffId() + ":" + r.fingerprint()).sorted()
                .reduce("", (a, b) -> a + b + "\n");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Opens and re-seals every item; on any failure removes what it sealed so far and refuses. */
    private List<CaseStore.Resealed> resealAll(UnlockedKey key, List<CaseItem> items, List<RecipientKey> investigators,
            RecipientKey whistleblower, List<RecipientKey> oversight, List<BlobStore.PendingBlob> held)
            throws AccessRefused {
        List<ItemReaders> readers = ItemReaders.of(items.stream().map(CaseItem::kind).toList());
        Opener opener = Opener.with(key);
        List<CaseStore.Resealed> done = new ArrayList<>();
        boolean complete = false;
        CaseItem current = null;
        try {
            for (int i = 0; i < items.size(); i++) {
                current = items.get(i);
                List<RecipientKey> to = new ArrayList<>(investigators);
                if (readers.get(i).oversight()) {
                    to.addAll(oversight);
                }
                if (readers.get(i).whistleblower()) {
                    to.add(whistleblower);
                }
                done.add(new CaseStore.Resealed(current.id(), current.blob(), reseal(opener, current, Sealer.to(to), held)));
            }
            complete = true;
            return done;
        } catch (UnknownRecipient notYours) {
            throw AccessRefused.invalid("caseAccess.notSealedToYou", current.position() + 1);
        } catch (CryptoException damaged) {
            throw AccessRefused.invalid("caseAccess.damaged", current.position() + 1);
        } catch (IOException unreadable) {
            throw AccessRefused.invalid("caseAccess.unreadable", current.position() + 1);
        } finally {
            if (!complete) {
                for (CaseStore.Resealed r : done) {
                    delete(r.newBlob());
                }
            }
        }
    }

    /**
     * One item, from its blob through the acting key and the sealer into a new blob, in constant
     * memory; the committed blob is added to {@code held}, for the caller to close.
     */
    private BlobId reseal(Opener opener, CaseItem item, Sealer sealer, List<BlobStore.PendingBlob> held) throws IOException {
        Sealer.Content content = item.kind() == ItemKind.ATTACHMENT ? Sealer.Content.BINARY : Sealer.Content.TEXT;
        BlobStore.PendingBlob pending = blobs.create();
        held.add(pending);
        try (InputStream ciphertext = blobs.open(item.blob()); OpenedStream plaintext = opener.open(ciphertext);
                OutputStream sealed = sealer.open(pending.stream(), content)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = plaintext.read(buffer)) >= 0) {
                sealed.write(buffer, 0, n);
            }
            if (!plaintext.isVerified()) {
                throw new IntegrityCheckFailed("the item ended without its integrity check");
            }
        }
        return pending.commit();
    }

    /** The usable keys of the enabled oversight members, who read appeals, decisions and outcome grounds. */
    private List<RecipientKey> oversightKeys() {
        List<RecipientKey> keys = new ArrayList<>();
        for (StaffMember member : staff.all()) {
            if (member.isEnabled() && member.holds(Role.OVERSIGHT)) {
                recipientKeys.usableKeyOf(member.id()).ifPresent(keys::add);
            }
        }
        return keys;
    }

    private Person person(UUID staffId, String fingerprint) {
        Optional<StaffMember> member = staff.find(staffId);
        return new Person(staffId, member.map(m -> m.displayName().value()).orElse("?"),
                member.map(m -> m.username().value()).orElse("?"), fingerprint);
    }

    private String nameOf(UUID staffId) {
        return staff.find(staffId).map(m -> m.displayName().value()).orElse(staffId.toString());
    }

    private void delete(BlobId blob) {
        try {
            blobs.delete(blob);
        } catch (IOException e) {
            // an unreferenced blob holds only ciphertext; the blob sweep removes it
        }
    }

    private static UUID parse(String colleague) throws AccessRefused {
        try {
            return UUID.fromString(colleague == null ? "" : colleague.strip());
        } catch (IllegalArgumentException e) {
            throw AccessRefused.invalid("caseAccess.noSuchColleague");
        }
    }
}
