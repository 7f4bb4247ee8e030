package org.candor.portal.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.candor.portal.platform.persistence.EmbeddedDatabase;

/**
 * Checks the whole audit chain (docs/design.md property 8): walks every entry in sequence order and
 * names the first one that is missing, altered, out of place, or not signed by a trusted key;
 * then checks the end of the chain against the stored head and, if given, a head that oversight
 * noted earlier.
 *
 * <p>Plain Java on purpose: it needs a JDBC connection and the portal's public key, nothing of
 * the portal's container, so an external auditor runs it with {@code ./candor audit-verify}
 * ({@link #main}) and reaches the same verdict as the oversight page.
 *
 * <p>It reads the stored head before the entries: entries appended while it runs come after
 * that head and are checked like the others.
 */
public final class AuditVerifier {

    private static final String SELECT_ENTRIES = "select seq, recorded_at, actor_kind, actor_id, actor_name, action,"
            + " subject_kind, subject_id, details, key_id, prev_hash, entry_hash, signature"
            + " from audit_entry order by seq";

    /** H2's error code for "database not found" (with IFEXISTS). */
    private static final int H2_NOT_FOUND = 90146;

    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    /** A verifier that accepts signatures by these keys only. */
    public AuditVerifier(Collection<PublicKey> trustedKeys) {
        if (trustedKeys.isEmpty()) {
            throw new IllegalArgumentException("verification needs at least one trusted public key");
        }
        for (PublicKey key : trustedKeys) {
            trusted.put(AuditKeys.keyId(key), key);
        }
    }

    /** Verifies the log in a database, checking its end against the stored head only. */
    public AuditVerdict verify(Connection connection) throws SQLException {
        return verify(connection, Optional.empty());
    }

    /** Verifies the log in a database, and its end against a head oversight noted earlier. */
    public AuditVerdict verify(Connection connection, Optional<AuditHead> noted) throws SQLException {
        return verify(connection, noted.map(List::of).orElse(List.of()));
    }

    /**
     * Verifies the log in a database, and that it still holds every head noted or published
     * earlier: the verdict names the earliest of them (by sequence number) that the log now
     * contradicts, cut off ({@link AuditVerdict.Problem#TAIL_MISSING}) or rewritten
     * ({@link AuditVerdict.Problem#NOTED_HEAD_MISMATCH}).
     */
    public AuditVerdict verify(Connection connection, List<AuditHead> noted) throws SQLException {
        AuditHead stored = storedHead(connection);
        Walk walk = new Walk(Optional.ofNullable(stored), noted);
        try (PreparedStatement select = connection.prepareStatement(SELECT_ENTRIES)) {
            select.setFetchSize(500);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    ChainEntry entry;
                    try {
                        entry = read(rows);
                    } catch (RuntimeException | SQLException malformed) {
                        walk.unreadable(seq);
                        break;
                    }
                    if (!walk.accept(entry)) {
                        break;
                    }
                }
            }
        }
        return walk.finish(Optional.ofNullable(stored), noted);
    }

    /** Verifies entries given in sequence order, against a stored head and a noted head if given. */
    public AuditVerdict verify(Iterable<ChainEntry> entries, Optional<AuditHead> stored, Optional<AuditHead> noted) {
        return verify(entries, stored, noted.map(List::of).orElse(List.of()));
    }

    /** Verifies entries given in sequence order, against a stored head and every noted head. */
    public AuditVerdict verify(Iterable<ChainEntry> entries, Optional<AuditHead> stored, List<AuditHead> noted) {
        Walk walk = new Walk(stored, noted);
        for (ChainEntry entry : entries) {
            if (!walk.accept(entry)) {
                break;
            }
        }
        return walk.finish(stored, noted);
    }

    /** The head kept in {@code audit_head}, or {@code null} if the row is missing or unreadable. */
    public static AuditHead storedHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select last_seq, last_hash from audit_head where id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            try {
                return new AuditHead(row.getLong(1), row.getString(2));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }

    /** Reads one stored entry; fails on a missing or malformed field. */
    static ChainEntry read(ResultSet row) throws SQLException {
        HexFormat hex = HexFormat.of();
        OffsetDateTime at = row.getObject(2, OffsetDateTime.class);
        return new ChainEntry(row.getLong(1), at.toInstant(), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                hex.parseHex(row.getString(11).trim()), hex.parseHex(row.getString(12).trim()),
                hex.parseHex(row.getString(13).trim()));
    }

    /** The walk along the chain: remembers where it is and stops at the first break. */
    private final class Walk {
        private long expected = 1;
        private byte[] prev = AuditChain.genesis();
        private long checked;
        private AuditHead last = AuditHead.empty();
        private final List<Long> watched = new ArrayList<>();
        private final Map<Long, String> seen = new LinkedHashMap<>();
        private AuditVerdict broken;

        /** A walk that remembers the hashes at the positions of the stored and noted heads. */
        Walk(Optional<AuditHead> stored, List<AuditHead> noted) {
            stored.ifPresent(h -> watched.add(h.seq()));
            noted.forEach(h -> watched.add(h.seq()));
        }

        boolean accept(ChainEntry e) {
            if (e.seq() != expected) {
                return fail(AuditVerdict.Problem.MISSING_ENTRY, expected);
            }
            if (!MessageDigest.isEqual(e.prevHash(), prev)) {
                return fail(AuditVerdict.Problem.LINK_BROKEN, e.seq());
            }
            if (!MessageDigest.isEqual(AuditChain.hash(e), e.entryHash())) {
                return fail(AuditVerdict.Problem.ALTERED, e.seq());
            }
            PublicKey key = trusted.get(e.keyId());
            if (key == null) {
                return fail(AuditVerdict.Problem.UNKNOWN_KEY, e.seq());
            }
            if (!signatureHolds(key, e)) {
                return fail(AuditVerdict.Problem.BAD_SIGNATURE, e.seq());
            }
            checked++;
            expected++;
            prev = e.entryHash();
            last = new AuditHead(e.seq(), e.entryHashHex());
            if (watched.contains(e.seq())) {
                seen.put(e.seq(), last.hash());
            }
            return true;
        }

        void unreadable(long seq) {
            fail(seq == expected ? AuditVerdict.Problem.UNREADABLE : AuditVerdict.Problem.MISSING_ENTRY,
                    seq == expected ? seq : expected);
        }

        private boolean fail(AuditVerdict.Problem problem, long seq) {
            broken = AuditVerdict.broken(checked, last, problem, seq);
            return false;
        }

        AuditVerdict finish(Optional<AuditHead> stored, List<AuditHead> noted) {
            if (broken != null) {
                return broken;
            }
            if (stored.isEmpty()) {
                return AuditVerdict.broken(checked, last, AuditVerdict.Problem.HEAD_MISMATCH, last.seq() + 1);
            }
            AuditVerdict headCheck = compare(stored.get(), AuditVerdict.Problem.HEAD_MISMATCH, AuditVerdict.Problem.HEAD_MISMATCH);
            if (headCheck != null) {
                return headCheck;
            }
            for (AuditHead head : noted.stream().sorted(java.util.Comparator.comparingLong(AuditHead::seq)).toList()) {
                AuditVerdict notedCheck = compare(head, AuditVerdict.Problem.TAIL_MISSING,
                        AuditVerdict.Problem.NOTED_HEAD_MISMATCH);
                if (notedCheck != null) {
                    return notedCheck;
                }
            }
            return AuditVerdict.intact(checked, last);
        }

        /** Whether the chain reaches a head and has its hash there; the verdict when not. */
        private AuditVerdict compare(AuditHead head, AuditVerdict.Problem cutOff, AuditVerdict.Problem differs) {
            if (head.seq() > last.seq()) {
                return AuditVerdict.broken(checked, last, cutOff, last.seq() + 1);
            }
            if (head.seq() == 0) {
                return null;
            }
            String hash = seen.get(head.seq());
            if (!head.hash().equals(hash)) {
                return AuditVerdict.broken(checked, last, differs, head.seq());
            }
            return null;
        }

    }

    private static boolean signatureHolds(PublicKey key, ChainEntry e) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(e.entryHash());
            return ed25519.verify(e.signature());
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    /**
     * The auditor's command ({@code ./candor audit-verify}): verifies the log in the database named
     * by {@code CANDOR_DB_URL} ({@code CANDOR_DB_USER}, {@code CANDOR_DB_PASSWORD}); by default the
     * embedded H2 database under {@code CANDOR_DATA_DIR} (or {@code ./candor-data}).
     *
     * <p>Options: {@code --public-key FILE} (repeatable; default the {@code audit-signing.pub}
     * the portal writes beside its key file), {@code --expect-head SEQ:HASH} (a head noted earlier),
     * {@code --published-head FILE} (repeatable; a head saved from the transparency page, or a
     * folder of them): the log must still hold each, and the first it contradicts is named.
     * Exit status 0 when intact, 1 when broken, 2 when it could not verify.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<Path> keyFiles = new ArrayList<>();
        List<Path> headFiles = new ArrayList<>();
        Optional<AuditHead> noted = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--public-key" -> keyFiles.add(Path.of(value(args, ++i)));
                    case "--expect-head" -> noted = Optional.of(AuditHead.parse(value(args, ++i)));
                    case "--published-head" -> headFiles.add(Path.of(value(args, ++i)));
                    case "-h", "--help" -> {
                        usage(out);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("audit-verify: " + e.getMessage());
            usage(err);
            return 2;
        }
        String dataDir = env.getOrDefault("CANDOR_DATA_DIR", "./candor-data");
        if (keyFiles.isEmpty()) {
            String keyFile = env.getOrDefault("CANDOR_AUDIT_SIGNING_KEY_FILE",
                    Path.of(dataDir, "keys", "audit-signing.key").toString());
            keyFiles.add(AuditKeys.publicKeyFileBeside(Path.of(keyFile)));
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : keyFiles) {
            try {
                PublicKey key = AuditKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
                keys.add(key);
                out.println("Trusting audit key " + AuditKeys.keyId(key) + " from " + file);
            } catch (IOException | IllegalArgumentException e) {
                err.println("audit-verify: cannot read the public key " + file + " (" + e.getMessage() + ")."
                        + " Give the key downloaded from the oversight page with --public-key FILE.");
                return 2;
            }
        }
        Map<PublishedHead, Path> published;
        try {
            published = publishedHeads(headFiles, keys, out);
        } catch (IOException | IllegalArgumentException e) {
            err.println("audit-verify: " + e.getMessage());
            return 2;
        }
        List<AuditHead> expected = new ArrayList<>();
        noted.ifPresent(expected::add);
        published.keySet().forEach(h -> expected.add(h.head()));
        String url = env.getOrDefault("CANDOR_DB_URL", "");
        boolean embedded = url.isEmpty();
        if (embedded) {
            url = EmbeddedDatabase.url(Path.of(dataDir)) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", env.getOrDefault("CANDOR_DB_USER", "candor"));
        credentials.setProperty("password", env.getOrDefault("CANDOR_DB_PASSWORD", ""));
        out.println("Verifying the audit log in " + url.replaceFirst(";.*$", "").replaceFirst("\\?.*$", "")
                + (noted.map(h -> " against the noted head " + h).orElse("")));
        AuditVerdict verdict;
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            connection.setReadOnly(true);
            verdict = new AuditVerifier(keys).verify(connection, expected);
        } catch (SQLException e) {
            err.println("audit-verify: cannot read the database: " + e.getMessage());
            if (url.startsWith("jdbc:h2:") && e.getErrorCode() == H2_NOT_FOUND) {
                err.println("There is no embedded database there: set CANDOR_DATA_DIR to the portal's data directory,"
                        + " or CANDOR_DB_URL to its database.");
            } else if (url.startsWith("jdbc:h2:")) {
                err.println("The embedded H2 database can be opened by one process at a time: stop the portal,"
                        + " then run this command again. (PostgreSQL can be verified while the portal runs.)");
            }
            return 2;
        }
        if (verdict.isIntact()) {
            out.println("Audit log intact: " + verdict.checked() + " entries checked.");
            out.println("Head: " + verdict.head() + "  (note it down; pass it later with --expect-head to detect"
                    + " entries removed from the end)");
            return 0;
        }
        out.println("AUDIT LOG BROKEN: " + verdict.problem().explain(verdict.firstBroken()) + ".");
        contradicted(verdict, published).ifPresent(head -> out.println("The log contradicts the published head in "
                + published.get(head) + " (entry " + head.seq() + ", hash " + head.hash() + ", published "
                + head.time() + "): " + (verdict.problem() == AuditVerdict.Problem.TAIL_MISSING
                        ? "entries up to it were removed." : "the history up to it was rewritten.")));
        out.println("First broken entry: " + verdict.firstBroken() + "; " + verdict.checked()
                + " entries before it are intact; last intact head " + verdict.head() + ".");
        return 1;
    }

    /**
     * Reads the published heads in these files (a folder: every file in it), oldest entry first.
     * A head that names a trusted key must carry that key's signature; one that names another key
     * is compared all the same (it is evidence of what the portal once published), and said so.
     */
    static Map<PublishedHead, Path> publishedHeads(List<Path> files, List<PublicKey> trustedKeys, PrintStream out)
            throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                try (var inside = Files.list(file)) {
                    inside.filter(Files::isRegularFile).sorted().forEach(all::add);
                }
            } else {
                all.add(file);
            }
        }
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        trustedKeys.forEach(k -> byId.put(AuditKeys.keyId(k), k));
        List<Map.Entry<PublishedHead, Path>> heads = new ArrayList<>();
        for (Path file : all) {
            PublishedHead head;
            try {
                head = PublishedHead.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the published head " + file + " (" + e.getMessage() + ")", e);
            }
            PublicKey key = byId.get(head.keyId());
            if (key != null && !head.signedBy(key)) {
                throw new IllegalArgumentException("the published head " + file + " does not carry the signature of the key"
                        + " it names (" + head.keyId() + "): it is not a head the portal published");
            }
            out.println("Published head " + head.seq() + ":" + head.hash() + " of " + head.time() + " from " + file
                    + (key != null ? " (signature checked)"
                            : " (signed by key " + head.keyId() + ", which is not trusted: compared, signature not checked)"));
            heads.add(Map.entry(head, file));
        }
        heads.sort(java.util.Comparator.comparingLong(e -> e.getKey().seq()));
        Map<PublishedHead, Path> ordered = new LinkedHashMap<>();
        heads.forEach(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The earliest published head that a verdict of a cut-off or rewritten log is about. */
    static Optional<PublishedHead> contradicted(AuditVerdict verdict, Map<PublishedHead, Path> published) {
        if (verdict.problem() == AuditVerdict.Problem.TAIL_MISSING) {
            return published.keySet().stream().filter(h -> h.seq() >= verdict.firstBroken()).findFirst();
        }
        if (verdict.problem() == AuditVerdict.Problem.NOTED_HEAD_MISMATCH) {
            return published.keySet().stream().filter(h -> h.seq() == verdict.firstBroken()).findFirst();
        }
        return Optional.empty();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("Usage: candor audit-verify [--public-key FILE]... [--expect-head SEQ:HASH] [--published-head FILE|FOLDER]...");
        out.println("  --published-head: heads saved from the transparency page; the first the log contradicts is named.");
        out.println("  Reads CANDOR_DB_URL, CANDOR_DB_USER, CANDOR_DB_PASSWORD (default: the embedded H2");
        out.println("  database under CANDOR_DATA_DIR or ./candor-data; stop the portal first for H2).");
        out.println("  Exit status: 0 intact, 1 broken, 2 could not verify.");
    }
}
