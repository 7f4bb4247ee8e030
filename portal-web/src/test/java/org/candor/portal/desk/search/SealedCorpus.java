package org.candor.portal.desk.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.Sealer;
import org.candor.portal.casefile.ReportContents;

/**
 * Many stored cases at once, for measuring the desk's catch-up: each case is a {@code case_file}
 * row sealed to one investigator, and one report item whose blob is a report document of about
 * 5 KB of English or German text sealed to that investigator's key, written straight into the
 * database and the blob store as the intake would leave them (without going through the intake,
 * which would take hours at its rate limits). Deterministic text from a fixed seed; every case
 * holds the {@code marker} word once.
 */
final class SealedCorpus {

    private static final String[] EN = ("report invoice payment manager fraud bribery supplier contract warehouse"
            + " account transfer audit safety accident complaint office director board meeting budget expense travel"
            + " receipt procurement tender colleague department evidence email document threat retaliation the a of"
            + " to and in was were has have about with by for on at this that it").split(" ");
    private static final String[] DE = ("Bericht Rechnung Zahlung Vorgesetzter Betrug Bestechung Lieferant Vertrag"
            + " Lager Konto Überweisung Prüfung Sicherheit Unfall Beschwerde Büro Abteilung Vorstand Sitzung Haushalt"
            + " Ausgaben Reise Beleg Ausschreibung Kollege Beweis Dokument Drohung der die das und in von mit für auf"
            + " ist wurde hat über bei nicht ein eine").split(" ");

    private final Path blobRoot;

    SealedCorpus(Path blobRoot) {
        this.blobRoot = blobRoot;
    }

    /** Stores {@code count} cases in the channel, sealed to the investigator; returns their ids. */
    List<UUID> store(Connection c, int count, UUID channel, String channelSlug, UUID staffId, RecipientKey key,
            String marker, long seed) throws Exception {
        Sealer sealer = Sealer.to(key);
        List<UUID> ids = new ArrayList<>();
        c.setAutoCommit(false);
        try (PreparedStatement caseRow = c.prepareStatement("insert into case_file (id, channel_id, lookup_handle,"
                + " sealed_in_browser, status, received_on, last_activity_on, next_deadline_on, whistleblower_key,"
                + " whistleblower_fingerprint) values (?, ?, ?, false, 'RECEIVED', ?, ?, ?, ?, ?)");
                PreparedStatement recipient = c.prepareStatement(
                        "insert into case_recipient (case_id, staff_id, fingerprint) values (?, ?, ?)");
                PreparedStatement item = c.prepareStatement("insert into case_item (id, case_id, position, kind,"
                        + " created_on, blob_id, ciphertext_bytes) values (?, ?, 0, 'REPORT', ?, ?, ?)")) {
            for (int from = 0; from < count; from += 500) {
                int to = Math.min(count, from + 500);
                // Sealing is the slow part: both cores.
                List<byte[]> sealed = IntStream.range(from, to).parallel()
                        .mapToObj(i -> sealer.seal(report(channelSlug, marker, seed + i), Sealer.Content.TEXT)).toList();
                for (int i = from; i < to; i++) {
                    UUID id = UUID.randomUUID();
                    String blob = randomHex(16);
                    byte[] ciphertext = sealed.get(i - from);
                    Path file = blobRoot.resolve(blob.substring(0, 2)).resolve(blob);
                    Files.createDirectories(file.getParent());
                    Files.write(file, ciphertext);
                    LocalDate received = LocalDate.now().minusDays(i % 1500);
                    caseRow.setObject(1, id);
                    caseRow.setObject(2, channel);
                    caseRow.setString(3, randomHex(32));
                    caseRow.setObject(4, received);
                    caseRow.setObject(5, received);
                    caseRow.setObject(6, received.plusDays(7)); // acknowledge within 7 days
                    caseRow.setString(7, "not used by search");
                    caseRow.setString(8, randomHex(20));
                    caseRow.addBatch();
                    recipient.setObject(1, id);
                    recipient.setObject(2, staffId);
                    recipient.setString(3, key.fingerprint());
                    recipient.addBatch();
                    item.setObject(1, UUID.randomUUID());
                    item.setObject(2, id);
                    item.setObject(3, received);
                    item.setString(4, blob);
                    item.setLong(5, ciphertext.length);
                    item.addBatch();
                    ids.add(id);
                }
                caseRow.executeBatch();
                recipient.executeBatch();
                item.executeBatch();
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
        return ids;
    }

    /** Deletes the cases and their blobs. */
    void delete(Connection c, List<UUID> ids) throws Exception {
        List<String> blobs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select blob_id from case_item where case_id = any (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    blobs.add(rows.getString(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("delete from case_file where id = any (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        }
        for (String blob : blobs) {
            Files.deleteIfExists(blobRoot.resolve(blob.substring(0, 2)).resolve(blob));
        }
    }

    private static byte[] report(String channelSlug, String marker, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = random.nextInt(3) == 0 ? DE : EN;
        StringBuilder text = new StringBuilder(5100).append(marker);
        while (text.length() < 5000) {
            text.append(random.nextInt(10) == 0 ? ". " : " ").append(words[random.nextInt(words.length)]);
        }
        return new ReportContents(channelSlug, "en", Map.of("what", List.of(text.toString())), List.of()).toJson();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
