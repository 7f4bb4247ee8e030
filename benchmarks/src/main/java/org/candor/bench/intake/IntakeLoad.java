package org.candor.bench.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load of whistleblowers sending 4 KB text reports through the no-JavaScript intake of a
 * portal on this machine: each client opens the form, then sends it, again and again, until the
 * time is up. Prints submissions per second and the latency of a submission (p50, p90, p99).
 *
 * <p>Usage: {@code IntakeLoad <base URL on loopback> <channel slug> <clients> <seconds>}. It
 * refuses any address but loopback.
 */
public final class IntakeLoad {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private IntakeLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is sent to this machine only, not to " + base.getHost());
        }
        String slug = args[1];
        int clients = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String report = "The money went missing on three occasions. ".repeat(100).substring(0, 4096);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        String form = http.send(HttpRequest.newBuilder(base.resolve("/report/" + slug))
                                        .timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher token = TOKEN.matcher(form);
                        if (!token.find()) {
                            failures.incrementAndGet();
                            continue;
                        }
                        String boundary = "----load" + Long.toHexString(System.nanoTime());
                        String body = part(boundary, "token", token.group(1)) + part(boundary, "what", report)
                                + part(boundary, "when", "no") + "--" + boundary + "--\r\n";
                        long start = System.nanoTime();
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/report/" + slug))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (answer.statusCode() == 200 && answer.body().contains("reply-code")) {
                            latencies.add(took);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "clients=%d seconds=%d submissions=%d failures=%d rate=%.1f/s "
                        + "p50=%.0fms p90=%.0fms p99=%.0fms%n",
                clients, length.toSeconds(), sorted.size(), failures.get(), sorted.size() / (double) length.toSeconds(),
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
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
