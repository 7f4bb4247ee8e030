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

/**
 * Checks the whole audit chain (DESIGN.md property 8): walks every entry in sequence order and
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
        Walk(Optional<AuditHead> stored, Optional<AuditHead> noted) {
            stored.ifPresent(h -> watched.add(h.seq()));
            noted.ifPresent(h -> watched.add(h.seq()));
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

        AuditVerdict finish(Optional<AuditHead> stored, Optional<AuditHead> noted) {
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
            if (noted.isPresent()) {
                AuditVerdict notedCheck = compare(noted.get(), AuditVerdict.Problem.TAIL_MISSING,
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
     * the portal writes beside its key file), {@code --expect-head SEQ:HASH} (a head noted earlier).
     * Exit status 0 when intact, 1 when broken, 2 when it could not verify.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<Path> keyFiles = new ArrayList<>();
        Optional<AuditHead> noted = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--public-key" -> keyFiles.add(Path.of(value(args, ++i)));
                    case "--expect-head" -> noted = Optional.of(AuditHead.parse(value(args, ++i)));
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
        String url = env.getOrDefault("CANDOR_DB_URL", "");
        boolean embedded = url.isEmpty();
        if (embedded) {
            url = "jdbc:h2:file:" + Path.of(dataDir, "database", "candor").toAbsolutePath()
                    + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", env.getOrDefault("CANDOR_DB_USER", "candor"));
        credentials.setProperty("password", env.getOrDefault("CANDOR_DB_PASSWORD", ""));
        out.println("Verifying the audit log in " + url.replaceFirst(";.*$", "").replaceFirst("\\?.*$", "")
                + (noted.map(h -> " against the noted head " + h).orElse("")));
        AuditVerdict verdict;
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            connection.setReadOnly(true);
            verdict = new AuditVerifier(keys).verify(connection, noted);
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
        out.println("First broken entry: " + verdict.firstBroken() + "; " + verdict.checked()
                + " entries before it are intact; last intact head " + verdict.head() + ".");
        return 1;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("Usage: candor audit-verify [--public-key FILE]... [--expect-head SEQ:HASH]");
        out.println("  Reads CANDOR_DB_URL, CANDOR_DB_USER, CANDOR_DB_PASSWORD (default: the embedded H2");
        out.println("  database under CANDOR_DATA_DIR or ./candor-data; stop the portal first for H2).");
        out.println("  Exit status: 0 intact, 1 broken, 2 could not verify.");
    }
}
