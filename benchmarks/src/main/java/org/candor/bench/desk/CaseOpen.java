package org.candor.bench.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.staff.Totp;

/**
 * Time to open a case with ten 10 MB attachments in the desk of a portal on this machine. Sends one report with ten
 * files of 10,000,000 random bytes through the no-JavaScript intake, signs in as the investigator that
 * {@link CaseOpenSeeder} made (enrolling the second factor), unlocks the key, then for some rounds times: the case
 * page (report and conversation opened), each decrypted download (the desk's integrity pass, then its streaming
 * pass) and each {@code .gpg} ciphertext download, every download checked against what was sent. Prints each round
 * and the median, minimum and maximum per step.
 *
 * <p>Usage: {@code CaseOpen <base URL on loopback> <username> <password> <key passphrase> <work dir> <rounds>}. It
 * refuses any address but loopback.
 */
public final class CaseOpen {

    private static final long FILE_BYTES = 10_000_000;
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    private CaseOpen(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("requests go to this machine only, not to " + base.getHost());
        }
        CaseOpen desk = new CaseOpen(base);
        Path work = Path.of(args[4]);
        int rounds = Integer.parseInt(args[5]);
        List<byte[]> digests = desk.report(work);
        desk.signIn(args[1], args[2]);
        desk.expect(200, desk.post("/desk/key/unlock", "passphrase", args[3]), "unlock");
        String caseId = desk.firstCase();
        List<String> items = desk.attachments(caseId);
        if (items.size() != CaseOpenSeeder.FILES) {
            throw new IllegalStateException("the case page lists " + items.size() + " attachments");
        }
        System.out.printf(Locale.ROOT, "case with %d attachments of %,d bytes; %d rounds%n", items.size(), FILE_BYTES,
                rounds);
        System.out.printf(Locale.ROOT, "%-6s %12s %22s %22s%n", "round", "page ms", "decrypted: 10 files ms",
                "ciphertext: 10 files ms");
        List<Double> pages = new ArrayList<>();
        List<Double> decrypted = new ArrayList<>();
        List<Double> ciphertext = new ArrayList<>();
        List<Double> oneFile = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            desk.expect(200, desk.get("/desk/cases/" + caseId, HttpResponse.BodyHandlers.ofString()), "case page");
            double page = millis(start);
            double plainTotal = 0;
            Set<String> unmatched = new LinkedHashSet<>();
            for (byte[] digest : digests) {
                unmatched.add(HexFormat.of().formatHex(digest));
            }
            for (String item : items) {
                long fileStart = System.nanoTime();
                String digest = desk.download("/desk/cases/" + caseId + "/files/" + item);
                double took = millis(fileStart);
                plainTotal += took;
                oneFile.add(took);
                if (!unmatched.remove(digest)) {
                    throw new IllegalStateException("a decrypted download is not one of the files sent");
                }
            }
            double sealedTotal = 0;
            for (String item : items) {
                long fileStart = System.nanoTime();
                desk.download("/desk/cases/" + caseId + "/files/" + item + ".gpg");
                sealedTotal += millis(fileStart);
            }
            System.out.printf(Locale.ROOT, "%-6d %12.0f %22.0f %22.0f%n", round, page, plainTotal, sealedTotal);
            pages.add(page);
            decrypted.add(plainTotal);
            ciphertext.add(sealedTotal);
        }
        System.out.println("step                              median      min      max   (ms)");
        summary("case page (report + conversation)", pages);
        summary("one decrypted attachment", oneFile);
        summary("ten decrypted attachments", decrypted);
        summary("ten .gpg ciphertext downloads", ciphertext);
        List<Double> whole = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            whole.add(pages.get(i) + decrypted.get(i));
        }
        summary("page + ten decrypted attachments", whole);
    }

    /** Sends the report with ten files of random bytes; returns the files' SHA-256 digests. */
    private List<byte[]> report(Path work) throws Exception {
        String form = get("/report/open", HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = TOKEN.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no report form at /report/open");
        }
        String boundary = "----open" + Long.toHexString(System.nanoTime());
        Path body = work.resolve("report.multipart");
        List<byte[]> digests = new ArrayList<>();
        Random random = new Random(20261128);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(body)) {
            out.write(part(boundary, "token", token.group(1)));
            out.write(part(boundary, "what", "Ten files of evidence, 10 MB each."));
            for (int f = 1; f <= CaseOpenSeeder.FILES; f++) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"evidence-"
                        + f + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (long left = FILE_BYTES; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    int n = (int) Math.min(chunk.length, left);
                    out.write(chunk, 0, n);
                    sha.update(chunk, 0, n);
                }
                digests.add(sha.digest());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/report/open"))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofFile(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("reply-code")) {
            throw new IllegalStateException("the report was refused: HTTP " + answer.statusCode());
        }
        System.out.printf(Locale.ROOT, "report with %d files sent and sealed in %.0f ms%n", CaseOpenSeeder.FILES,
                millis(start));
        Files.delete(body);
        return digests;
    }

    /** Signs in with the password and enrols the second factor, as a new staff member does. */
    private void signIn(String username, String password) throws Exception {
        expect(303, post("/staff/sign-in", "username", username, "password", password), "sign-in");
        String enrol = get("/staff/enrol", HttpResponse.BodyHandlers.ofString()).body();
        Matcher secret = Pattern.compile("id=\"secret\"[^>]*>([^<]*)<").matcher(enrol);
        if (!secret.find()) {
            throw new IllegalStateException("no second factor to enrol");
        }
        String code = Totp.code(base32(secret.group(1).strip()), Totp.step(Instant.now()));
        expect(200, post("/staff/enrol", "code", code), "second factor");
    }

    private String firstCase() throws Exception {
        String list = get("/desk/cases", HttpResponse.BodyHandlers.ofString()).body();
        Matcher row = Pattern.compile("id=\"case-([0-9a-f-]{36})\"").matcher(list);
        if (!row.find()) {
            throw new IllegalStateException("the case list is empty");
        }
        return row.group(1);
    }

    private List<String> attachments(String caseId) throws Exception {
        HttpResponse<String> page = get("/desk/cases/" + caseId, HttpResponse.BodyHandlers.ofString());
        expect(200, page, "case page");
        Matcher link = Pattern.compile("/desk/cases/" + caseId + "/files/([0-9a-f-]{36})\"").matcher(page.body());
        Set<String> items = new LinkedHashSet<>();
        while (link.find()) {
            items.add(link.group(1));
        }
        return List.copyOf(items);
    }

    /** Downloads to nowhere; returns the SHA-256 of what came. */
    private String download(String path) throws Exception {
        HttpResponse<InputStream> response = get(path, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                total += n;
            }
        }
        if (response.statusCode() != 200 || total < FILE_BYTES) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + ", " + total + " bytes");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Accept-Language", "en").build(), handler);
    }

    private HttpResponse<String> post(String path, String... form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(form[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        // As a browser sends a form of the session: from the portal's own page, with the session's token.
        Matcher token = Pattern.compile("name=\"candor-token\" content=\"([A-Za-z0-9_-]+)\"")
                .matcher(get("/", HttpResponse.BodyHandlers.ofString()).body());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1))
                .header("Accept-Language", "en").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin");
        if (token.find()) {
            request.header("X-Candor-Token", token.group(1));
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " instead of " + status);
        }
    }

    private static byte[] part(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] base32(String typed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : typed.replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void summary(String step, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-33s %8.0f %8.0f %8.0f%n", step, median, sorted[0], sorted[sorted.length - 1]);
    }
}
