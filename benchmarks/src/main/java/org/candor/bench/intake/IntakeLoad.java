package org.candor.bench.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load of whistleblowers sending 4 KB text reports through the no-JavaScript intake of a
 * portal on this machine: each client opens the form, then sends it, again and again, until the
 * time is up. Prints submissions per second, the latency of a submission (p50, p90, p99), and
 * every answer that was not a received report, by kind: <em>refusals</em> are the intake's
 * anti-abuse answers (429 budget spent, 422 form sent too quickly or expired, 409 form sent
 * twice), which a correctly configured load run must not see; <em>errors</em> are everything
 * else (other statuses, broken connections, timeouts).
 *
 * <p>Usage: {@code IntakeLoad <base URL on loopback> <channel slug> <clients> <seconds> [dir]}.
 * With a directory, the first body of each kind of failure is written there for reading. It
 * refuses any address but loopback.
 */
public final class IntakeLoad {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>([^<]*)</h1>");
    private static final Pattern PROBLEM = Pattern.compile("class=\"[^\"]*error[^\"]*\"[^>]*>([^<]+)<");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI form;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String report = "The money went missing on three occasions. ".repeat(100).substring(0, 4096);
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Path keep;

    private IntakeLoad(URI form, Path keep) {
        this.form = form;
        this.keep = keep;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is sent to this machine only, not to " + base.getHost());
        }
        int clients = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        Path keep = args.length > 4 ? Files.createDirectories(Path.of(args[4])) : null;
        new IntakeLoad(base.resolve("/report/" + args[1]), keep).run(clients, length);
    }

    private void run(int clients, Duration length) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    once();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Map<String, Integer> byKind = new TreeMap<>();
        failures.forEach((kind, count) -> byKind.put(kind, count.get()));
        int refusals = byKind.entrySet().stream().filter(e -> e.getKey().startsWith("refused"))
                .mapToInt(Map.Entry::getValue).sum();
        int errors = byKind.values().stream().mapToInt(Integer::intValue).sum() - refusals;
        System.out.printf(Locale.ROOT, "clients=%d seconds=%d submissions=%d refusals=%d errors=%d rate=%.1f/s "
                        + "p50=%.0fms p90=%.0fms p99=%.0fms max=%.0fms%n",
                clients, length.toSeconds(), sorted.size(), refusals, errors, sorted.size() / (double) length.toSeconds(),
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1e6);
        byKind.forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %d x %s%n", count, kind));
    }

    /** One whistleblower: opens the form, sends it; records the latency of the sending or why it failed. */
    private void once() {
        String step = "form";
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(form).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(page.body());
            if (page.statusCode() != 200 || !token.find()) {
                failed("error: form answered " + page.statusCode() + " " + heading(page.body()), page.body());
                return;
            }
            step = "submit";
            String boundary = "----load" + Long.toHexString(System.nanoTime());
            String body = part(boundary, "token", token.group(1)) + part(boundary, "what", report)
                    + part(boundary, "when", "no") + "--" + boundary + "--\r\n";
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(form).timeout(TIMEOUT)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            int status = answer.statusCode();
            if (status == 200 && answer.body().contains("reply-code")) {
                latencies.add(took);
            } else if (status == 429 || status == 409 || status == 422) {
                failed("refused: " + status + " " + heading(answer.body()) + problem(answer.body()), answer.body());
            } else {
                failed("error: submit answered " + status + " " + heading(answer.body()), answer.body());
            }
        } catch (IOException | RuntimeException e) {
            failed("error: " + step + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(String kind, String body) {
        int seen = failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (keep != null && seen == 1 && !body.isEmpty()) {
            try {
                Files.writeString(keep.resolve("failure-" + Integer.toHexString(kind.hashCode()) + ".html"),
                        "<!-- " + kind + " -->\n" + body);
            } catch (IOException e) {
                System.err.println("could not keep a failure's body: " + e.getMessage());
            }
        }
    }

    private static String heading(String html) {
        Matcher h = HEADING.matcher(html);
        return h.find() ? "\"" + h.group(1).strip() + "\"" : "(no heading)";
    }

    private static String problem(String html) {
        Matcher p = PROBLEM.matcher(html);
        return p.find() ? " \"" + p.group(1).strip() + "\"" : "";
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
