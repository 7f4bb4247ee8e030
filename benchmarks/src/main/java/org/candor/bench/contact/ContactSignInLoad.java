package org.candor.bench.contact;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.ReplyCode;

/**
 * Reply-code sign-ins over HTTP against a portal on this machine: right codes against wrong
 * ones (well-formed, valid checksum, opening no case), sent in one random interleaved order.
 * Not a test.
 *
 * <p>First it sends reports through the intake and keeps the reply codes the answer pages show
 * (the portal must run with the intake's fill time at 0 and its budgets lifted). Then, for each
 * number of clients, it shuffles equal numbers of right and wrong sign-ins and sends them; a
 * right one must be answered 303 (to the conversation), a wrong one 403. It prints, per kind,
 * p50/p90/p99 of the time from sending to the whole answer, the Kolmogorov–Smirnov distance of
 * the two distributions, the difference of the medians with a 95 % bootstrap interval, and the
 * sign-ins per second. Any other answer (429 from the throttle, errors) is counted and left out.
 *
 * <p>Usage: {@code ContactSignInLoad <base URL on loopback> <channel slug> <cases> <sign-ins per level> <clients>...}
 */
public final class ContactSignInLoad {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("class=\"reply-code\"[^>]*>([^<]+)<");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ContactSignInLoad(URI base) {
        this.base = base;
    }

    /** One sign-in to send: a right or a wrong code. */
    private record Trial(boolean right, String code) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is sent to this machine only, not to " + base.getHost());
        }
        ContactSignInLoad load = new ContactSignInLoad(base);
        List<String> codes = load.seed(args[1], Integer.parseInt(args[2]));
        int perLevel = Integer.parseInt(args[3]);
        System.out.printf(Locale.ROOT, "seeded %d cases through the intake; %d sign-ins per level, half right%n",
                codes.size(), perLevel);
        load.run(codes, perLevel / 4, 4, true); // warm-up, not reported
        for (int i = 4; i < args.length; i++) {
            load.run(codes, perLevel, Integer.parseInt(args[i]), false);
        }
    }

    /** Sends reports through the intake and returns the reply codes shown. */
    private List<String> seed(String slug, int cases) throws Exception {
        URI form = base.resolve("/report/" + slug);
        String report = "A report to sign in to later. ".repeat(20);
        List<String> codes = new ArrayList<>();
        while (codes.size() < cases) {
            Matcher token = TOKEN.matcher(send(HttpRequest.newBuilder(form)).body());
            if (!token.find()) {
                throw new IllegalStateException("the report form has no token");
            }
            String boundary = "----seed" + Long.toHexString(System.nanoTime());
            String body = part(boundary, "token", token.group(1)) + part(boundary, "what", report)
                    + part(boundary, "when", "no") + "--" + boundary + "--\r\n";
            HttpResponse<String> answer = send(HttpRequest.newBuilder(form)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            Matcher code = CODE.matcher(answer.body());
            if (answer.statusCode() != 200 || !code.find()) {
                throw new IllegalStateException("a seed report was not received: HTTP " + answer.statusCode()
                        + " (is the intake's fill time 0 and are its budgets lifted?)");
            }
            codes.add(code.group(1).strip());
        }
        return codes;
    }

    private void run(List<String> codes, int signIns, int clients, boolean warmUp) throws InterruptedException {
        Random random = new Random();
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < signIns / 2; i++) {
            trials.add(new Trial(true, codes.get(i % codes.size())));
            try (ReplyCode wrong = ReplyCode.generate()) {
                trials.add(new Trial(false, wrong.display()));
            }
        }
        Collections.shuffle(trials, random);
        ConcurrentLinkedQueue<Trial> queue = new ConcurrentLinkedQueue<>(trials);
        List<Long> right = Collections.synchronizedList(new ArrayList<>());
        List<Long> wrong = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> other = new ConcurrentHashMap<>();
        URI signIn = base.resolve("/contact");
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (Trial trial = queue.poll(); trial != null; trial = queue.poll()) {
                    String form = "code=" + URLEncoder.encode(trial.code(), StandardCharsets.UTF_8);
                    try {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(signIn).timeout(TIMEOUT)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - sent;
                        int expected = trial.right() ? 303 : 403;
                        if (answer.statusCode() == expected) {
                            (trial.right() ? right : wrong).add(took);
                        } else {
                            other.computeIfAbsent((trial.right() ? "right" : "wrong") + " answered "
                                    + answer.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        other.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (warmUp) {
            return;
        }
        long[] r = sorted(right);
        long[] w = sorted(wrong);
        System.out.printf(Locale.ROOT, "clients=%d sign-ins=%d in %.1f s: %.0f/s%n", clients, r.length + w.length,
                seconds, (r.length + w.length) / seconds);
        System.out.printf(Locale.ROOT, "  right n=%d p50=%.2fms p90=%.2fms p99=%.2fms%n", r.length, ms(r, 50),
                ms(r, 90), ms(r, 99));
        System.out.printf(Locale.ROOT, "  wrong n=%d p50=%.2fms p90=%.2fms p99=%.2fms%n", w.length, ms(w, 50),
                ms(w, 90), ms(w, 99));
        if (r.length > 0 && w.length > 0) {
            double[] interval = bootstrapMedianDifference(r, w, random);
            System.out.printf(Locale.ROOT, "  KS distance D=%.3f (p=%.3g); median wrong-right=%+.3fms, 95%% CI [%+.3f, %+.3f]ms%n",
                    ksDistance(r, w), ksPValue(ksDistance(r, w), r.length, w.length),
                    (median(w) - median(r)) / 1e6, interval[0] / 1e6, interval[1] / 1e6);
        }
        Map<String, Integer> others = new TreeMap<>();
        other.forEach((k, v) -> others.put(k, v.get()));
        others.forEach((k, v) -> System.out.printf(Locale.ROOT, "  not counted: %d x %s%n", v, k));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static long[] sorted(List<Long> values) {
        long[] out;
        synchronized (values) {
            out = values.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(out);
        return out;
    }

    private static double ms(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The largest gap between the two empirical distribution functions (both arrays sorted). */
    static double ksDistance(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        double most = 0;
        while (i < a.length && j < b.length) {
            long x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == x) {
                i++;
            }
            while (j < b.length && b[j] == x) {
                j++;
            }
            most = Math.max(most, Math.abs(i / (double) a.length - j / (double) b.length));
        }
        return most;
    }

    /** The asymptotic two-sample p-value of a KS distance (Kolmogorov's series). */
    static double ksPValue(double d, int n, int m) {
        double en = Math.sqrt(n * (double) m / (n + m));
        double lambda = (en + 0.12 + 0.11 / en) * d;
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            sum += 2 * Math.pow(-1, k - 1) * Math.exp(-2 * k * k * lambda * lambda);
        }
        return Math.max(0, Math.min(1, sum));
    }

    /** A 95 % percentile-bootstrap interval of median(wrong) − median(right), in nanoseconds. */
    private static double[] bootstrapMedianDifference(long[] right, long[] wrong, Random random) {
        int rounds = 2000;
        double[] differences = new double[rounds];
        long[] r = new long[right.length];
        long[] w = new long[wrong.length];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < r.length; i++) {
                r[i] = right[random.nextInt(right.length)];
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = wrong[random.nextInt(wrong.length)];
            }
            Arrays.sort(r);
            Arrays.sort(w);
            differences[round] = median(w) - median(r);
        }
        Arrays.sort(differences);
        return new double[] {differences[(int) (rounds * 0.025)], differences[(int) (rounds * 0.975) - 1]};
    }
}
