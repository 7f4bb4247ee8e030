package org.candor.bench.flood;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.ReplyCode;

/**
 * Genuine people beside floods of each kind, against a portal on loopback: first the genuine
 * people alone for a phase, then the same people while the floods run for a phase of the same
 * length. Genuine reporters open the form, fill it in for {@code fill} seconds and send it (no
 * JavaScript); genuine whistleblowers sign in with their reply codes. The floods: tokenless
 * report posts, well-formed wrong reply codes, bodies whose Content-Length lies (held open),
 * expensive inputs (a NUL in a file name, hundreds of parts, oversized headers) and reports with
 * valid form tokens sent as fast as the tokens allow (which puts the channel under pressure).
 * Each flood paces itself and stops with its phase, so the run is bounded in count and time.
 *
 * <p>Prints, per phase: genuine reports and sign-ins tried, the share that succeeded, and the
 * p50 and p99 of the sending (the POST) in milliseconds; then how the portal answered each flood.
 * Usage: {@code Flood <base URL on loopback> <channel slug> <seconds per phase> <fill seconds>}.
 */
public final class Flood {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"reply-code\"[^>]*>([0-9A-Z-]+)<");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int REPORTERS = 6;
    private static final int SIGNERS = 2;

    private final URI base;
    private final URI form;
    private final int fillSeconds;
    /**
     * One client, with its own connections, per thread: genuine people share no connection with a
     * flood. Genuine people speak HTTP/1.1, as browsers do to the portal (browsers use HTTP/2 only
     * over TLS, which the proxy ends; the proxy and Tor speak HTTP/1.1 to the portal). The floods use
     * the client's default, which offers the cleartext upgrade to HTTP/2 (h2c) a stranger may choose.
     */
    private final ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
            .version(Thread.currentThread().getName().startsWith(PERSON) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build());
    private static final String PERSON = "person-";
    private final List<String> codes = new ArrayList<>();
    private final Map<String, AtomicInteger> floodAnswers = new ConcurrentHashMap<>();

    private Flood(URI base, String slug, int fillSeconds) {
        this.base = base;
        this.form = base.resolve("/report/" + slug);
        this.fillSeconds = fillSeconds;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("floods are sent to this machine only, not to " + base.getHost());
        }
        Flood flood = new Flood(base, args[1], Integer.parseInt(args[3]));
        Duration phase = Duration.ofSeconds(Long.parseLong(args[2]));
        flood.seedCodes(2);
        Phase calm = flood.phase(phase, false);
        Phase attacked = flood.phase(phase, true);
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %9s %9s %9s %9s%n", "genuine", "tried", "ok %", "p50 calm", "p99 calm",
                "p50 flood", "p99 flood");
        calm.reports.print("reports (no JS)", attacked.reports);
        calm.signIns.print("reply-code sign-ins", attacked.signIns);
        System.out.println("flood requests and the portal's answers (status: count):");
        new TreeMap<>(flood.floodAnswers).forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %-40s %6d%n", kind, count.get()));
    }

    /** Reports sent beforehand, for the reply codes the genuine whistleblowers sign in with. */
    private void seedCodes(int count) throws Exception {
        while (codes.size() < count) {
            Outcome outcome = report();
            if (outcome.code != null) {
                codes.add(outcome.code);
            }
        }
    }

    private Phase phase(Duration length, boolean attacked) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        Phase phase = new Phase();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < REPORTERS; i++) {
            threads.add(Thread.ofPlatform().name(PERSON + "reporter-" + i).start(() -> {
                while (System.nanoTime() < deadline) {
                    phase.reports.add(report());
                }
            }));
        }
        for (int i = 0; i < SIGNERS; i++) {
            String code = codes.get(i % codes.size());
            threads.add(Thread.ofPlatform().name(PERSON + "signer-" + i).start(() -> {
                while (System.nanoTime() < deadline) {
                    phase.signIns.add(signIn(code));
                    pause(250);
                }
            }));
        }
        if (attacked) {
            for (int i = 0; i < 3; i++) {
                threads.add(flooder(deadline, "tokenless report", 20, this::tokenless));
            }
            for (int i = 0; i < 2; i++) {
                threads.add(flooder(deadline, "wrong reply code", 20, this::wrongCode));
            }
            threads.add(flooder(deadline, "expensive input", 100, this::expensive));
            threads.add(flooder(deadline, "valid-token report", 0, this::validTokens));
            threads.add(Thread.ofPlatform().start(() -> stalledBodies(deadline)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return phase;
    }

    private Thread flooder(long deadline, String kind, long pauseMillis, Attack attack) {
        return Thread.ofPlatform().start(() -> {
            while (System.nanoTime() < deadline) {
                try {
                    attack.once(kind);
                } catch (IOException | RuntimeException e) {
                    count(kind, e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause(pauseMillis);
            }
        });
    }

    @FunctionalInterface
    private interface Attack {
        void once(String kind) throws IOException, InterruptedException;
    }

    /** One genuine whistleblower without JavaScript: opens the form, fills it in, sends it. */
    private Outcome report() {
        try {
            HttpResponse<String> page = clients.get().send(HttpRequest.newBuilder(form).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(page.body());
            if (!token.find()) {
                return new Outcome(false, 0, null);
            }
            pause(fillSeconds * 1000L);
            long start = System.nanoTime();
            HttpResponse<String> answer = post(form, token.group(1), "what", "a genuine report", "when", "no");
            long took = System.nanoTime() - start;
            Matcher code = CODE.matcher(answer.body());
            boolean ok = answer.statusCode() == 200 && code.find();
            if (!ok) {
                count("genuine report that failed", Integer.toString(answer.statusCode()));
            }
            return new Outcome(ok, took, ok ? code.group(1) : null);
        } catch (IOException e) {
            count("genuine report that failed", e.getClass().getSimpleName());
            return new Outcome(false, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, 0, null);
        }
    }

    private Outcome signIn(String code) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> answer = clients.get().send(urlencoded(base.resolve("/contact"), "code=" + code),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 303) {
                count("genuine sign-in that failed", Integer.toString(answer.statusCode()));
            }
            return new Outcome(answer.statusCode() == 303, System.nanoTime() - start, null);
        } catch (IOException e) {
            count("genuine sign-in that failed", e.getClass().getSimpleName());
            return new Outcome(false, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, 0, null);
        }
    }

    private void tokenless(String kind) throws IOException, InterruptedException {
        count(kind, Integer.toString(post(form, null, "what", "x").statusCode()));
    }

    private void wrongCode(String kind) throws IOException, InterruptedException {
        try (ReplyCode guess = ReplyCode.generate()) {
            HttpResponse<String> answer = clients.get().send(urlencoded(base.resolve("/contact"), "code=" + guess.display()),
                    HttpResponse.BodyHandlers.ofString());
            count(kind, Integer.toString(answer.statusCode()));
        }
    }

    private int expensiveTurn;

    /** In turn: a NUL in a file name, 400 parts, a 64 KiB header. */
    private void expensive(String kind) throws IOException, InterruptedException {
        int turn = expensiveTurn++ % 3;
        HttpResponse<String> answer;
        String boundary = "x" + System.nanoTime();
        if (turn == 0) {
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"a\u0000b.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nx\r\n--" + boundary + "--\r\n";
            answer = clients.get().send(HttpRequest.newBuilder(form).timeout(TIMEOUT)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            count(kind + ": NUL in a file name", Integer.toString(answer.statusCode()));
        } else if (turn == 1) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 400; i++) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"f").append(i)
                        .append("\"\r\n\r\nx\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            answer = clients.get().send(HttpRequest.newBuilder(form).timeout(TIMEOUT)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            count(kind + ": 400 parts", Integer.toString(answer.statusCode()));
        } else {
            answer = clients.get().send(HttpRequest.newBuilder(form).timeout(TIMEOUT).header("X-Padding", "a".repeat(64 * 1024)).build(),
                    HttpResponse.BodyHandlers.ofString());
            count(kind + ": 64 KiB header", Integer.toString(answer.statusCode()));
        }
    }

    /** Ten forms fetched, the minimum fill time waited, then all ten sent at once. */
    private void validTokens(String kind) throws IOException, InterruptedException {
        Deque<String> tokens = new ArrayDeque<>();
        for (int i = 0; i < 10; i++) {
            Matcher token = TOKEN.matcher(clients.get().send(HttpRequest.newBuilder(form).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (token.find()) {
                tokens.add(token.group(1));
            }
        }
        pause(3500);
        while (!tokens.isEmpty()) {
            count(kind, Integer.toString(post(form, tokens.poll(), "what", "flood", "when", "no").statusCode()));
        }
    }

    /** Up to 16 connections at a time that announce a body and never send it. */
    private void stalledBodies(long deadline) {
        Deque<Socket> open = new ArrayDeque<>();
        try {
            while (System.nanoTime() < deadline) {
                open.removeIf(Socket::isClosed);
                while (open.size() < 16) {
                    Socket socket = new Socket("127.0.0.1", base.getPort());
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST " + form.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data;"
                            + " boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    open.add(socket);
                    count("stalled body", "opened");
                }
                for (Socket socket : open) {
                    socket.setSoTimeout(1);
                    try {
                        if (socket.getInputStream().read(new byte[4096]) < 0) {
                            socket.close();
                            count("stalled body", "closed by the portal");
                        }
                    } catch (java.net.SocketTimeoutException still) {
                        // still held open
                    }
                }
                pause(500);
            }
        } catch (IOException e) {
            count("stalled body", e.getClass().getSimpleName());
        } finally {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private HttpResponse<String> post(URI to, String token, String... fields) throws IOException, InterruptedException {
        String boundary = "----flood" + Long.toHexString(System.nanoTime());
        StringBuilder body = new StringBuilder();
        if (token != null) {
            body.append(part(boundary, "token", token));
        }
        for (int i = 0; i < fields.length; i += 2) {
            body.append(part(boundary, fields[i], fields[i + 1]));
        }
        body.append("--").append(boundary).append("--\r\n");
        return clients.get().send(HttpRequest.newBuilder(to).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest urlencoded(URI to, String body) {
        return HttpRequest.newBuilder(to).timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private void count(String kind, String answer) {
        floodAnswers.computeIfAbsent(kind + " -> " + answer, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Outcome(boolean ok, long nanos, String code) {
    }

    private static final class Phase {
        final Tally reports = new Tally();
        final Tally signIns = new Tally();
    }

    /** Genuine attempts of one kind in one phase. */
    private static final class Tally {
        private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

        void add(Outcome outcome) {
            outcomes.add(outcome);
        }

        void print(String label, Tally underFlood) {
            System.out.printf(Locale.ROOT, "%-22s %8s %8s %9.0f %9.0f %9.0f %9.0f%n", label,
                    outcomes.size() + "/" + underFlood.outcomes.size(),
                    String.format(Locale.ROOT, "%.0f/%.1f", okShare(), underFlood.okShare()),
                    percentile(50), percentile(99), underFlood.percentile(50), underFlood.percentile(99));
        }

        double okShare() {
            return outcomes.isEmpty() ? Double.NaN : 100.0 * outcomes.stream().filter(Outcome::ok).count() / outcomes.size();
        }

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(outcomes.stream().filter(Outcome::ok).map(Outcome::nanos).toList());
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
        }
    }
}
