package org.candor.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.crypto.ReplyCode;
import org.candor.portal.admin.channels.SettableRecipientKeys;
import org.candor.portal.audit.AuditKeys;
import org.candor.portal.audit.PublishedHead;
import org.candor.portal.governance.transparency.Downloads;
import org.candor.portal.governance.transparency.Measure;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Deployments;
import org.candor.portal.it.Seed;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention and transparency over HTTP against Payara Micro on PostgreSQL: a case past its
 * retention is deleted with every row and blob, its reply code then gets the answer of any wrong
 * code, its tombstone holds no contents, a held case stays, the audit chain still verifies; the
 * transparency page, its CSV and its JSON agree and show no count below 5.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceIT {

    private static final Path BLOBS = Path.of("target/it-data/blobs");

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal().addClasses(GovernanceFixtures.class, GovernanceFixtures.Setup.class,
                SettableRecipientKeys.class);
    }

    private String fixture(String path) throws Exception {
        return new Browserless(deployed).fixture(path);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long count(Connection db, String sql, String id) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static List<String> blobsOf(Connection db, String caseId) throws Exception {
        List<String> blobs = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("select blob_id from case_item where case_id = ?")) {
            s.setObject(1, UUID.fromString(caseId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    blobs.add(r.getString(1).strip());
                }
            }
        }
        return blobs;
    }

    private static Path blobFile(String id) {
        return BLOBS.resolve(id.substring(0, 2)).resolve(id);
    }

    @Test
    @Order(1)
    void aCasePastItsRetentionIsGoneWithItsBlobsAndCodeWhileAHeldCaseStays() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        String[] due = fixture("/it-governance/case?story=" + q("Due case " + canary)).split(" ");
        String[] held = fixture("/it-governance/case?story=" + q("Held case " + canary)).split(" ");
        for (int i = 0; i < 5; i++) {
            fixture("/it-governance/case?story=" + q("Recent case " + i));
        }
        fixture("/it-governance/concluded?case=" + due[0] + "&days=400");
        fixture("/it-governance/concluded?case=" + held[0] + "&days=400");
        fixture("/it-governance/hold?case=" + held[0]);

        Browserless person = new Browserless(deployed);
        assertEquals(303, person.post("/contact", "code", due[1]).statusCode(), "the code works before deletion");

        List<String> blobs;
        try (Connection db = Seed.connect()) {
            blobs = blobsOf(db, due[0]);
        }
        assertFalse(blobs.isEmpty());
        for (String blob : blobs) {
            assertTrue(Files.exists(blobFile(blob)), "blob stored before deletion");
        }

        String[] run = fixture("/it-governance/run").split(" ");
        assertEquals("true", run[0], "this instance claimed the run");
        assertEquals("1", run[1], "exactly the due case was deleted");
        assertEquals("0", run[2]);
        assertEquals("0", fixture("/it-governance/run").split(" ")[1], "a second pass finds nothing more");

        try (Connection db = Seed.connect()) {
            for (String table : List.of("case_item", "case_recipient", "appeal", "case_label", "case_retention")) {
                assertEquals(0, count(db, "select count(*) from " + table + " where case_id = ?", due[0]), table);
            }
            assertEquals(0, count(db, "select count(*) from case_file where id = ?", due[0]), "case row with key and handle");
            assertEquals(1, count(db, "select count(*) from case_file where id = ?", held[0]), "a held case stays");
            assertEquals(1, count(db, "select count(*) from case_stats where channel_id = ?", due[2]),
                    "the deleted case's figures stay");
            try (PreparedStatement s = db.prepareStatement(
                    "select details from audit_entry where action = 'CASE_DELETED' and subject_id = ?")) {
                s.setString(1, due[0]);
                try (ResultSet r = s.executeQuery()) {
                    assertTrue(r.next(), "a tombstone");
                    String details = r.getString(1);
                    assertTrue(details.contains("retention"), details);
                    assertFalse(details.contains(canary) || details.contains("Due case"), details);
                    assertFalse(details.replace("-", "").toUpperCase().contains(due[1].replace("-", "").toUpperCase()));
                }
            }
            try (PreparedStatement s = db.prepareStatement("select count(*) from audit_entry where details like ?")) {
                s.setString(1, "%" + canary + "%");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(0, r.getLong(1), "no canary anywhere in the audit log");
                }
            }
        }
        for (String blob : blobs) {
            assertFalse(Files.exists(blobFile(blob)), "blob " + blob + " removed");
        }
        try (Stream<Path> files = Files.walk(BLOBS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(canary), "no canary in clear");
            }
        }

        HttpResponse<String> deleted = new Browserless(deployed).post("/contact", "code", due[1]);
        HttpResponse<String> wrong;
        try (ReplyCode guess = ReplyCode.generate()) {
            wrong = new Browserless(deployed).post("/contact", "code", guess.display());
        }
        assertEquals(wrong.statusCode(), deleted.statusCode(), "a deleted case's code is answered as a wrong code");
        assertEquals(wrong.body(), deleted.body());
        assertEquals(303, new Browserless(deployed).post("/contact", "code", held[1]).statusCode(), "the held case opens");
        assertEquals("true", fixture("/it-governance/verify"), "the audit chain verifies after deletions");
    }

    @Test
    @Order(2)
    void theTransparencyPageItsCsvAndItsJsonAgreeAndShowNoCountBelowFive() throws Exception {
        Browserless visitor = new Browserless(deployed);
        HttpResponse<String> page = visitor.get("/transparency");
        assertEquals(200, page.statusCode());
        assertFalse(page.headers().firstValue("set-cookie").isPresent(), "a public page sets no cookie");
        assertTrue(page.body().contains("fewer than 5"));
        assertTrue(page.body().contains("role=\"img\""));
        HttpResponse<String> csv = visitor.get("/transparency.csv");
        HttpResponse<String> json = visitor.get("/transparency.json");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        JsonObject figures = Json.createReader(new StringReader(json.body())).readObject();
        String[] lines = csv.body().split("\r\n");
        assertEquals(figures.getJsonArray("rows").size() + 1, lines.length);
        assertTrue(figures.getJsonArray("rows").size() > 0, "the published channel has rows");
        List<String> columns = Downloads.columns();
        Pattern cell = Pattern.compile("data-column=\"([A-Za-z0-9]+)\" data-period=\"([0-9Q-]+)\">([^<]*)<");
        for (int i = 0; i < figures.getJsonArray("rows").size(); i++) {
            JsonObject row = figures.getJsonArray("rows").getJsonObject(i);
            String[] parts = lines[i + 1].split(",", -1);
            List<String> tail = List.of(parts).subList(parts.length - columns.size(), parts.length);
            for (int c = 0; c < columns.size(); c++) {
                JsonValue v = row.getJsonObject("figures").get(columns.get(c));
                String fromJson = v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString()
                        : v.toString();
                assertEquals(fromJson, tail.get(c), columns.get(c) + " " + row.getString("period"));
                if (c < Measure.values().length && v.getValueType() == JsonValue.ValueType.NUMBER) {
                    assertTrue(((jakarta.json.JsonNumber) v).intValue() >= 5, "a count below 5 published");
                }
            }
            Matcher m = cell.matcher(page.body());
            while (m.find()) {
                if (m.group(2).equals(row.getString("period")) && m.group(1).equals("received")) {
                    String shown = m.group(3).strip();
                    String fromJson = row.getJsonObject("figures").get("received").toString().replace("\"", "");
                    assertEquals(fromJson.equals("fewer-than-5") ? "fewer than 5" : fromJson, shown,
                            "page and JSON agree on " + row.getString("period"));
                }
            }
        }
    }

    @Test
    @Order(3)
    void theTransparencyPagePublishesTheAuditLogsSignedHeadAsTextAndAsAFileAnyoneCanCheck() throws Exception {
        Browserless visitor = new Browserless(deployed);
        HttpResponse<String> page = visitor.get("/transparency");
        Matcher block = Pattern.compile("<pre id=\"audit-head\">([^<]*)</pre>").matcher(page.body());
        assertTrue(block.find(), "the page shows the signed head: " + page.body());
        PublishedHead shown = PublishedHead.parse(block.group(1));
        HttpResponse<String> file = visitor.get("/transparency/audit-head.txt");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("content-disposition").orElse("").startsWith("attachment; filename=\"candor-audit-head-"));
        PublishedHead saved = PublishedHead.parse(file.body());
        assertTrue(saved.seq() >= shown.seq());

        PublicKey pinned = AuditKeys.fromPem(Files.readString(Path.of("target/it-data/keys/audit-signing.pub")));
        assertTrue(saved.signedBy(pinned), "signed by the pinned audit key");
        assertEquals(AuditKeys.keyId(pinned), saved.keyId());
        try (Connection c = Seed.connect(); PreparedStatement s = c.prepareStatement(
                "select entry_hash from audit_entry where seq = ?")) {
            s.setLong(1, saved.seq());
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next());
                assertEquals(row.getString(1).trim(), saved.hash(), "the published head is the entry in the log");
            }
        }
    }
}
