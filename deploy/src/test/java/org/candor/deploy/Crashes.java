package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.candor.crypto.LockSecret;
import org.candor.crypto.Opener;
import org.candor.crypto.RecipientKey;
import org.candor.crypto.ReplyCode;
import org.candor.crypto.ReplyCodeDerivation;
import org.candor.crypto.Sealer;
import org.candor.crypto.UnlockedKey;
import org.candor.crypto.WhistleblowerKey;
import org.candor.portal.casefile.ReportContents;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Browserless.Part;
import org.candor.portal.it.SealedForm;

/**
 * What the crash tests do to a running portal from outside: many people sending small reports
 * without JavaScript at once, one large upload sent without JavaScript or sealed as a browser
 * seals it, signing in with the reply codes shown, and looking at what the data folder and the
 * database hold afterwards.
 */
final class Crashes {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private Crashes() {
    }

    /** One report form filled in: its unique text and the exact body that sends it. */
    record Form(String marker, String boundary, byte[] body) {
    }

    /** What one sender saw: the status and page, or no answer at all (the process died). */
    record Answer(Form form, int status, String page, Throwable failure) {
        Optional<String> code() {
            if (page == null) {
                return Optional.empty();
            }
            if (!page.contains("id=\"reply-code\"")) {
                return Optional.empty();
            }
            return Optional.of(Browserless.byId(page, "reply-code"));
        }

        boolean answered() {
            return failure == null;
        }
    }

    /** Opens {@code count} report forms, each with its own token and a unique text. */
    static List<Form> openForms(RunningPortal portal, String slug, int count, String run) throws Exception {
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String page = HTTP.send(HttpRequest.newBuilder(portal.url("/report/" + slug)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = TOKEN.matcher(page);
            assertTrue(token.find(), "the form carries a token");
            String marker = "crash" + run + "n" + i + "x" + UUID.randomUUID().toString().substring(0, 8);
            String boundary = "----crash" + UUID.randomUUID().toString().replace("-", "");
            forms.add(new Form(marker, boundary, Browserless.multipartBody(boundary, List.of(
                    Part.field("token", token.group(1)), Part.field("what", marker), Part.field("when", "no")))));
        }
        TimeUnit.MILLISECONDS.sleep(3100); // the portal refuses forms sent faster than a person fills them in
        return forms;
    }

    /**
     * A burst of {@code senders} reports without JavaScript, the portal killed once a third of
     * them have been shown their reply code. Checks that every report the portal answered got its
     * code; returns every sender's answer.
     */
    static List<Answer> burstAndKill(RunningPortal portal, String slug, int senders, String run) throws Exception {
        List<CompletableFuture<Answer>> answers = sendAll(portal, slug, openForms(portal, slug, senders, run));
        awaitCodes(answers, senders / 3);
        portal.kill();
        List<Answer> burst = collect(answers);
        for (Answer a : burst) {
            assertTrue(a.code().isPresent() || !a.answered(), "an answered report got its code: " + a.status());
        }
        return burst;
    }

    /** The answers that showed a reply code. */
    static List<Answer> coded(List<Answer> answers) {
        return answers.stream().filter(a -> a.code().isPresent()).toList();
    }

    /** Signs in with each code shown and checks that it opens its own report; returns how many did. */
    static int assertCodesOpen(RunningPortal portal, List<Answer> coded, String what) throws Exception {
        int opened = 0;
        for (Answer a : coded) {
            String page = signIn(portal, a.code().orElseThrow());
            assertTrue(page.contains(a.form().marker()), what + ": " + page);
            opened++;
        }
        return opened;
    }

    /** Sends every form at once; the answers complete as the portal replies, or fail if it dies. */
    static List<CompletableFuture<Answer>> sendAll(RunningPortal portal, String slug, List<Form> forms) {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (Form form : forms) {
            answers.add(send(portal, slug, form));
        }
        return answers;
    }

    static CompletableFuture<Answer> send(RunningPortal portal, String slug, Form form) {
        HttpRequest request = HttpRequest.newBuilder(portal.url("/report/" + slug))
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary())
                .header("Accept-Language", "en").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null
                        ? new Answer(form, response.statusCode(), response.body(), null)
                        : new Answer(form, 0, null, failure));
    }

    /** Waits until {@code enough} answers carry a reply code (or all have completed). */
    static void awaitCodes(List<CompletableFuture<Answer>> answers, int enough) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            long codes = answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                    .filter(a -> a.code().isPresent()).count();
            if (codes >= enough || answers.stream().allMatch(CompletableFuture::isDone)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new IllegalStateException("no reply codes within 10 minutes");
    }

    /** Every answer, once the portal has replied or died. */
    static List<Answer> collect(List<CompletableFuture<Answer>> answers) {
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Signs in with a reply code as a whistleblower does and returns the conversation page. */
    static String signIn(RunningPortal portal, String code) throws Exception {
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(portal.url("/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            return "sign-in answered " + signedIn.statusCode();
        }
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
        return HTTP.send(HttpRequest.newBuilder(portal.url("/contact/conversation")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Starts a no-JavaScript upload of one file of {@code size} bytes (made as it is sent); the
     * answer fails when the portal dies.
     */
    static CompletableFuture<HttpResponse<String>> uploadWithoutJavaScript(RunningPortal portal, String slug, long size)
            throws Exception {
        Form form = openForms(portal, slug, 1, "upload").get(0);
        String boundary = form.boundary();
        String text = new String(form.body(), StandardCharsets.UTF_8);
        String head = text.substring(0, text.lastIndexOf("--" + boundary + "--")) + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"large.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        PipedInputStream body = streamed(out -> {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            writeZeros(out, size);
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        });
        return HTTP.sendAsync(HttpRequest.newBuilder(portal.url("/report/" + slug))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts an upload sealed as the browser seals it (to the channel's keys and a whistleblower
     * key locked by a fresh reply code), with one file of {@code size} bytes sealed as it is sent.
     */
    static CompletableFuture<HttpResponse<String>> uploadSealed(RunningPortal portal, String slug, long size)
            throws Exception {
        JsonObject keys;
        try (JsonReader reader = Json.createReader(new StringReader(HTTP.send(HttpRequest.newBuilder(
                portal.url("/report/" + slug + "/keys")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).body()))) {
            keys = reader.readObject();
        }
        ReplyCode code = ReplyCode.generate();
        WhistleblowerKey whistleblowerKey;
        try (LockSecret secret = ReplyCodeDerivation.lockSecret(code)) {
            whistleblowerKey = WhistleblowerKey.generate(secret);
        }
        List<RecipientKey> recipients = new ArrayList<>();
        for (int i = 0; i < keys.getJsonArray("recipients").size(); i++) {
            recipients.add(RecipientKey.fromArmored(keys.getJsonArray("recipients").getJsonObject(i).getString("key")));
        }
        recipients.add(whistleblowerKey.recipient());
        Sealer sealer = Sealer.to(recipients);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (OutputStream sealed = sealer.open(report, Sealer.Content.BINARY)) {
            sealed.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        SealedForm form = new SealedForm();
        String token = keys.getString("token");
        TimeUnit.MILLISECONDS.sleep(3100);
        PipedInputStream body = streamed(out -> {
            form.writeStart(out, token, ReplyCodeDerivation.preHandle(code).toBase64Url(), whistleblowerKey.toStorage(),
                    report.toByteArray());
            form.writeFileStart(out, UUID.randomUUID());
            OutputStream sealed = sealer.open(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }
            }, Sealer.Content.BINARY);
            writeZeros(sealed, size);
            sealed.close();
            form.writeFileEnd(out);
            form.writeEnd(out);
        });
        return HTTP.sendAsync(HttpRequest.newBuilder(portal.url("/report/" + slug + "/sealed"))
                .header("Content-Type", form.contentType()).timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** A body written by a thread of its own as the client reads it; the thread ends when the reader goes. */
    private static PipedInputStream streamed(Writing writing) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            try (out) {
                writing.to(out);
            } catch (IOException readerGone) {
                // the upload was cut off
            }
        }, "upload-body");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private static void writeZeros(OutputStream out, long size) throws IOException {
        byte[] chunk = new byte[1 << 16];
        for (long left = size; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    /** Waits until some file in {@code pending/} holds more than {@code bytes}, the upload half-way in. */
    static long awaitPendingAbove(Path dataDir, long bytes, CompletableFuture<?> upload) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Path file : pending(dataDir)) {
                long size;
                try {
                    size = Files.size(file);
                } catch (IOException gone) {
                    continue;
                }
                if (size > bytes) {
                    return size;
                }
            }
            if (upload.isDone()) {
                throw new IllegalStateException("the upload ended before it was under way: " + upload.join());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new IllegalStateException("the upload did not get under way within 10 minutes");
    }

    /** The files in the blob store's {@code pending/} folder now. */
    static List<Path> pending(Path dataDir) throws IOException {
        Path folder = dataDir.resolve("blobs").resolve("pending");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** The committed blobs in the data folder, by id. */
    static List<String> committedBlobs(Path dataDir) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> shards = Files.list(dataDir.resolve("blobs"))) {
            for (Path shard : shards.filter(p -> p.getFileName().toString().matches("[0-9a-f]{2}")).toList()) {
                try (Stream<Path> files = Files.list(shard)) {
                    files.forEach(f -> ids.add(f.getFileName().toString()));
                }
            }
        }
        return ids;
    }

    /** The blob ids the database names. */
    static List<String> recordedBlobs(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select blob_id from case_item"); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1).strip());
            }
        }
        return ids;
    }

    /** How many cases the database holds. */
    static int cases(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from case_file"); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The "what" answer of every stored report, opened with the investigator's key, with how often each occurs. */
    static Map<String, Integer> reportedTexts(Connection c, Path dataDir, UnlockedKey key) throws Exception {
        Map<String, Integer> texts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select blob_id from case_item where kind = 'REPORT'");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                try (InputStream in = Files.newInputStream(RunningPortal.blob(dataDir, rows.getString(1).strip()))) {
                    ReportContents report = ReportContents.fromJson(Opener.with(key).openAll(in, 1 << 20));
                    for (String what : report.answers().getOrDefault("what", List.of())) {
                        texts.merge(what, 1, Integer::sum);
                    }
                }
            }
        }
        return texts;
    }

    /** Runtime folders (and application copies) of Payara Micro in a temporary folder. */
    static List<String> runtimeLeftovers(Path tempDir) throws IOException {
        try (Stream<Path> entries = Files.list(tempDir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("candor-runtime-\\d+|payaramicro-rt\\d+tmp|app\\d+tmp")).sorted().toList();
        }
    }

    /** Waits (bounded) until a condition holds; returns whether it did. */
    static boolean eventually(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return condition.getAsBoolean();
    }

    static BooleanSupplier unchecked(IoCondition condition) {
        return () -> {
            try {
                return condition.holds();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    interface IoCondition {
        boolean holds() throws IOException;
    }

    /** The page a replayed form gets: refused as sent before, with no reply code. */
    static void assertRefusedAsDuplicate(Answer replay) {
        assertEquals(409, replay.status(), "a replayed form is refused: " + replay.page());
        assertTrue(replay.code().isEmpty(), "a replayed form shows no reply code");
    }
}
