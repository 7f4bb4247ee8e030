package org.candor.bench.browser;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives headless Chromium against a running portal whose channel {@code big} takes large files
 * (IntakeSeeder), and prints: the JavaScript the report page loads (bytes as served, and gzip
 * size for a proxy that compresses); whether the page could stream an upload with
 * {@code fetch} over the portal's HTTP/1.1; and, for each file given, the time to seal it in the
 * page's worker alone and to seal and send it through the report form, with the peak resident
 * memory of the tab (renderer) and of the browser process, sampled from /proc, and the page's
 * peak JavaScript heap ({@code performance.memory}). Usage:
 * {@code BrowserSealing <portal url> <profile dir> <file>...}.
 */
public final class BrowserSealing {

    private static final List<String> SCRIPTS = List.of("/static/report.mjs", "/static/sealing.mjs", "/static/seal-worker.mjs",
            "/static/openpgp.min.mjs");

    private BrowserSealing() {
    }

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        Path profile = Path.of(args[1]);
        pageWeight(portal);
        ChromeDriver browser = start(profile);
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(20));
            streamingUploadProbe(browser, portal);
            browser.get(portal + "/report/big");
            waitForEncryption(browser);
            Peaks idle = new Peaks(profile);
            Thread.sleep(3_000);
            idle.stop();
            System.out.printf("the report page loaded, idle for 3 s: %s%n", idle);
            for (int i = 2; i < args.length; i++) {
                Path file = Path.of(args[i]);
                double mib = Files.size(file) / 1048576.0;
                Peaks sealing = new Peaks(profile);
                Map<?, ?> alone = sealAlone(browser, portal, file);
                sealing.stop();
                double sealSeconds = ((Number) alone.get("ms")).doubleValue() / 1000;
                System.out.printf("%.0f MiB, sealing alone in the worker: %.1f s, %.1f MiB/s; ciphertext %d bytes;"
                        + " page JS heap peak %.0f MiB; %s%n", mib, sealSeconds, mib / sealSeconds,
                        ((Number) alone.get("sealedBytes")).longValue(),
                        ((Number) alone.get("heapPeak")).doubleValue() / 1048576, sealing);
                Peaks both = new Peaks(profile);
                double total = sealAndSend(browser, portal, file);
                both.stop();
                System.out.printf("%.0f MiB, sealing + upload through the form: %.1f s, %.1f MiB/s; %s%n",
                        mib, total, mib / total, both);
            }
        } finally {
            browser.quit();
        }
    }

    /** Bytes of each script as the portal serves it to a browser that accepts gzip, and gzip -9 of them. */
    private static void pageWeight(String portal) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long served = 0;
        long gzipped = 0;
        for (String script : SCRIPTS) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(portal + script))
                    .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            long zipped = gzip(body);
            served += body.length;
            gzipped += zipped;
            System.out.printf("script %s: HTTP %s, %d bytes as served (Content-Encoding: %s), %d bytes gzip -9%n",
                    script, response.version(), body.length,
                    response.headers().firstValue("Content-Encoding").orElse("none"), zipped);
        }
        System.out.printf("JavaScript of the report page: %d bytes as served, %d bytes if gzipped%n", served, gzipped);
    }

    private static long gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            zip.write(body);
        }
        return out.size();
    }

    /** Tries a fetch with a ReadableStream body (what a streaming upload would need) and prints what happened. */
    private static void streamingUploadProbe(ChromeDriver browser, String portal) {
        browser.get(portal + "/report/big");
        waitForEncryption(browser);
        Object outcome = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new ReadableStream({pull(c) { c.enqueue(new Uint8Array(1024)); c.close(); }});
                fetch('/report/big/sealed', {method: 'POST', body, duplex: 'half'})
                  .then(r => done('sent, HTTP ' + r.status), e => done('refused by the browser: ' + e));""");
        System.out.println("streaming upload (fetch with a ReadableStream body) from the browser to the portal over plain HTTP: " + outcome);
    }

    /** Seals the file in a fresh worker, to the channel's keys and a new whistleblower key, as the page does. */
    private static Map<?, ?> sealAlone(ChromeDriver browser, String portal, Path file) {
        browser.get(portal + "/report/big");
        waitForEncryption(browser);
        browser.findElement(By.id("evidence")).sendKeys(file.toString());
        return (Map<?, ?>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const page = await import('/static/report.mjs');
                  const openpgp = await import('/static/openpgp.min.mjs');
                  const keys = await (await fetch('/report/big/keys')).json();
                  const {publicKey} = await openpgp.generateKey({type: 'ecc', curve: 'curve25519Legacy',
                    userIDs: [{name: 'Candor case key'}], passphrase: 'benchmark', format: 'object'});
                  const armored = [...keys.recipients.map(r => r.key), publicKey.armor()];
                  const worker = await page.startWorker();
                  let heapPeak = 0;
                  const sample = () => { if (performance.memory) heapPeak = Math.max(heapPeak, performance.memory.usedJSHeapSize); };
                  const sampler = setInterval(sample, 200);
                  const started = performance.now();
                  const sealed = await page.sealInWorker(worker, armored, [document.getElementById('evidence').files[0]],
                    new TextEncoder().encode('{}'), new AbortController().signal, () => {});
                  const ms = performance.now() - started;
                  clearInterval(sampler);
                  sample();
                  worker.terminate();
                  return {ms, sealedBytes: sealed.files[0].size, heapPeak};
                })().then(done, e => done({ms: -1, sealedBytes: -1, heapPeak: -1, error: String(e)}));""");
    }

    /** Fills in the report form with the file and sends it; returns the seconds from the click to the reply code. */
    private static double sealAndSend(ChromeDriver browser, String portal, Path file) {
        browser.get(portal + "/report/big");
        waitForEncryption(browser);
        browser.findElement(By.id("what")).sendKeys("A benchmark report with one large file.");
        browser.findElement(By.cssSelector("input[name=when][value=no]")).click();
        browser.findElement(By.id("evidence")).sendKeys(file.toString());
        long started = System.nanoTime();
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofMinutes(30), Duration.ofMillis(100))
                .until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("reply-code")),
                        ExpectedConditions.visibilityOfElementLocated(By.id("sealed-problem"))));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!browser.findElement(By.id("reply-code")).isDisplayed()) {
            throw new IllegalStateException("the report was not received: " + browser.findElement(By.id("sealed-problem")).getText());
        }
        return seconds;
    }

    private static void waitForEncryption(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed")));
    }

    private static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CANDOR_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--enable-precise-memory-info", "--user-data-dir=" + profile.resolve("profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CANDOR_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", profile.toString()))
                .build();
        // Sealing 1 GiB on a busy machine takes longer than Selenium's default 3 minutes per command.
        return new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(Duration.ofMinutes(30)));
    }

    /**
     * Peak memory of Chromium's renderer processes (the tab and its worker, and any spare renderer)
     * and of its browser process, sampled from /proc every 200 ms. Resident set sizes count the
     * pages of the Chromium binary and of shared memory once in every process that maps them, so
     * the peaks are also given as proportional set sizes (PSS, from {@code smaps_rollup}: shared
     * pages divided among the processes sharing them), split into anonymous memory (heaps,
     * buffers), file-backed pages (the mapped binary and libraries) and shared memory (what
     * Chromium's processes pass between them).
     */
    private static final class Peaks {
        private final AtomicLong renderer = new AtomicLong();
        private final AtomicLong browserProcess = new AtomicLong();
        private final AtomicReference<long[]> rendererPss = new AtomicReference<>(new long[4]);
        private final AtomicLong renderers = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        Peaks(Path profile) {
            String marker = "--user-data-dir=" + profile.resolve("profile");
            sampler = new Thread(() -> {
                while (running) {
                    sample(marker);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample(String marker) {
            List<ProcessHandle> browsers = ProcessHandle.allProcesses()
                    .filter(p -> commandLine(p).contains(marker) && !commandLine(p).contains("--type="))
                    .toList();
            long resident = 0;
            long main = 0;
            long[] pss = new long[4];
            int count = 0;
            for (ProcessHandle b : browsers) {
                main += status(b.pid(), "VmRSS:");
                for (ProcessHandle child : b.descendants().toList()) {
                    if (commandLine(child).contains("--type=renderer")) {
                        count++;
                        resident += status(child.pid(), "VmRSS:");
                        long[] split = proportional(child.pid());
                        for (int i = 0; i < pss.length; i++) {
                            pss[i] += split[i];
                        }
                    }
                }
            }
            renderer.accumulateAndGet(resident, Math::max);
            browserProcess.accumulateAndGet(main, Math::max);
            rendererPss.accumulateAndGet(pss, (peak, now) -> now[0] > peak[0] ? now : peak);
            if (pss[0] >= rendererPss.get()[0]) {
                renderers.set(count);
            }
        }

        /** The process's arguments as the kernel shows them (Chromium rewrites its children's). */
        private static String commandLine(ProcessHandle process) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                        java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException | RuntimeException gone) {
                return "";
            }
        }

        /** A field of /proc/PID/status, in KiB; 0 once the process has ended. */
        private static long status(long pid, String field) {
            return field(Path.of("/proc", Long.toString(pid), "status"), field);
        }

        /** Pss, Pss_Anon, Pss_File and Pss_Shmem of a process, in KiB. */
        private static long[] proportional(long pid) {
            Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
            return new long[] {field(rollup, "Pss:"), field(rollup, "Pss_Anon:"), field(rollup, "Pss_File:"),
                    field(rollup, "Pss_Shmem:")};
        }

        private static long field(Path file, String name) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between the listing and the read
            }
            return 0;
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        @Override
        public String toString() {
            long[] pss = rendererPss.get();
            return String.format("peak RSS: tab (renderer processes) %d MiB, browser process %d MiB;"
                    + " renderers' peak PSS %d MiB (%d processes): anonymous %d, file-backed %d, shared memory %d MiB",
                    renderer.get() / 1024, browserProcess.get() / 1024, pss[0] / 1024, renderers.get(), pss[1] / 1024,
                    pss[2] / 1024, pss[3] / 1024);
        }
    }
}
