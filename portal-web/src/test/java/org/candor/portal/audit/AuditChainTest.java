package org.candor.portal.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {

    /** RFC 8032's first Ed25519 test key, wrapped in PKCS#8: the key of the published test vector. */
    static final String VECTOR_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex("302e020100300506032b657004220420"
                    + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
            + "\n-----END PRIVATE KEY-----\n";

    /** The encoding of the test vector's entry, as docs/protocol.md prints it. */
    static final String VECTOR_ENCODING = "0000000f63616e646f722d61756469742d7631" // format name
            + "0000000000000001" + "00064bf31d3fd840" // seq 1, 2026-03-01T09:30:00.123456Z in microseconds
            + "00000005" + "7374616666" // actor kind "staff"
            + "00000024" + "36663163316432652d386134622d346333642d396535662d306131623263336434653566" // actor id
            + "00000003" + "616461" // actor name "ada"
            + "0000000c" + "524f4c455f4752414e544544" // action ROLE_GRANTED
            + "00000005" + "7374616666" // subject kind "staff"
            + "00000024" + "30623964366135322d336331652d346637612d386432622d356536663761386239633064" // subject id
            + "00000011" + "726f6c653d494e56455354494741544f52" // details "role=INVESTIGATOR"
            + "00000020" + "3036653366643866646132396262363061623539353537646536316564623061" // key id
            + "00000020" + "0000000000000000000000000000000000000000000000000000000000000000"; // previous hash

    @TempDir
    Path dir;

    @Test
    void encodesEveryFieldWithItsLengthSoNoTwoEntriesShareAnEncoding() {
        byte[] prev = AuditChain.genesis();
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        byte[] a = AuditChain.encode(1, at, "staff", "ab", "c", "X", null, null, "", "k", prev);
        byte[] b = AuditChain.encode(1, at, "staff", "a", "bc", "X", null, null, "", "k", prev);
        byte[] absent = AuditChain.encode(1, at, "system", null, null, "X", null, null, "", "k", prev);
        byte[] empty = AuditChain.encode(1, at, "system", "", "", "X", "", "", "", "k", prev);
        assertFalse(java.util.Arrays.equals(a, b), "moving a character from one field to the next changes the encoding");
        assertArrayEquals(absent, empty, "an absent text is the empty text");

        byte[] format = "candor-audit-v1".getBytes(StandardCharsets.US_ASCII);
        assertEquals("0000000f" + HexFormat.of().formatHex(format) + "0000000000000001",
                HexFormat.of().formatHex(a, 0, 4 + format.length + 8), "format name, then seq in 8 bytes");
        assertEquals(4 + 15 + 8 + 8 + (4 + 5) + (4 + 2) + (4 + 1) + (4 + 1) + 4 + 4 + 4 + (4 + 1) + (4 + 32), a.length);
    }

    @Test
    void detailsAreSortedKeyValueLinesThatReadBack() {
        Map<String, String> details = Map.of("role", "INVESTIGATOR", "by", "a=b");
        assertEquals("by=a=b\nrole=INVESTIGATOR", AuditChain.details(details));
        assertEquals(details, AuditChain.parseDetails(AuditChain.details(details)));
        assertEquals("", AuditChain.details(Map.of()));
        assertTrue(AuditChain.parseDetails("").isEmpty());
    }

    @Test
    void linksEachEntryToThePreviousHashAndSignsItsHash() throws Exception {
        AuditSigningKey key = AuditSigningKey.generate();
        List<ChainEntry> chain = Chains.of(3, key);
        assertArrayEquals(AuditChain.genesis(), chain.get(0).prevHash());
        assertArrayEquals(chain.get(0).entryHash(), chain.get(1).prevHash());
        assertArrayEquals(chain.get(1).entryHash(), chain.get(2).prevHash());
        for (ChainEntry e : chain) {
            assertArrayEquals(AuditChain.hash(e), e.entryHash());
            assertEquals(key.keyId(), e.keyId());
            var ed25519 = java.security.Signature.getInstance("Ed25519");
            ed25519.initVerify(key.publicKey());
            ed25519.update(e.entryHash());
            assertTrue(ed25519.verify(e.signature()));
        }
        assertEquals(Instant.parse("2026-03-01T09:00:01.123456Z"), chain.get(0).recordedAt());
        assertEquals(Chains.START, AuditChain.recordedTime(Chains.START.plusNanos(789)), "times are kept to the microsecond");
    }

    @Test
    void reproducesThePublishedTestVector() {
        AuditSigningKey key = AuditSigningKey.fromPem(VECTOR_KEY);
        AuditEvent event = AuditEvent.of(AuditAction.ROLE_GRANTED,
                        Actor.staff(UUID.fromString("6f1c1d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f"), "ada"))
                .about("staff", UUID.fromString("0b9d6a52-3c1e-4f7a-8d2b-5e6f7a8b9c0d"))
                .with("role", "INVESTIGATOR");
        ChainEntry entry = AuditChain.next(1, Instant.parse("2026-03-01T09:30:00.123456Z"), event,
                AuditChain.genesis(), key);
        assertEquals(VECTOR_ENCODING, Chains.hex(AuditChain.encode(entry.seq(), entry.recordedAt(), entry.actorKind(),
                entry.actorId(), entry.actorName(), entry.action(), entry.subjectKind(), entry.subjectId(),
                entry.details(), entry.keyId(), entry.prevHash())));
        assertEquals("06e3fd8fda29bb60ab59557de61edb0a", key.keyId());
        assertEquals("89b0e128135dbad262eb0f851af602db8dc0772fca2ee0bd26d98431c12f5eb6", entry.entryHashHex());
        assertEquals("8815be1fd892c9527c61494dca5bc983b0892dbef6e6827df5ce11b0a9660026"
                + "ae0ff6de6e02b78bac16ff74abb40b5555df426e1504fef4b7cf3dd00ffb890d", Chains.hex(entry.signature()));
    }

    @Test
    void keyIdIsTheStartOfTheSha256OfThePublicKey() throws Exception {
        AuditSigningKey key = AuditSigningKey.generate();
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded());
        assertEquals(HexFormat.of().formatHex(digest, 0, 16), key.keyId());
        assertEquals(32, key.keyId().length());
        assertEquals(key.publicKey(), AuditKeys.fromPem(AuditKeys.toPem(key.publicKey())));
        assertFalse(key.toString().contains("PRIVATE"), key.toString());
    }

    @Test
    void generatesTheKeyFileOnceOwnerOnlyAndReadsTheSameKeyAfterwards() throws Exception {
        Path file = dir.resolve("keys/audit-signing.key");
        AuditSigningKey first = AuditSigningKey.loadOrCreate(file);
        AuditSigningKey again = AuditSigningKey.loadOrCreate(file);
        assertEquals(first.keyId(), again.keyId());
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void processesStartingTogetherAgreeOnOneKey() throws Exception {
        Path file = dir.resolve("shared/audit-signing.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = java.util.Collections.nCopies(8, () -> AuditSigningKey.loadOrCreate(file).keyId());
            List<String> ids = pool.invokeAll(starts).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).distinct().toList();
            assertEquals(1, ids.size(), "every start reads the same key: " + ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAKeyFileThatHoldsNoEd25519Key() throws Exception {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "not a key");
        assertThrows(IllegalArgumentException.class, () -> AuditSigningKey.loadOrCreate(file));
        assertThrows(IllegalArgumentException.class, () -> AuditKeys.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }

    @Test
    void headsReadBackFromTheirWrittenForm() {
        AuditHead head = new AuditHead(42, "AB".repeat(32));
        assertEquals(head, AuditHead.parse(head.toString()));
        assertEquals("ab".repeat(32), head.hash());
        assertThrows(IllegalArgumentException.class, () -> AuditHead.parse("42"));
        assertThrows(IllegalArgumentException.class, () -> AuditHead.parse("x:" + "ab".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> new AuditHead(1, "ab"));
        assertNotEquals(AuditHead.empty(), head);
    }
}
