package org.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.crypto.ReplyCode;
import org.candor.portal.it.Browserless;
import org.candor.portal.it.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile visitors against the runnable bundle, from outside, on loopback (docs/design.md property 12):
 * what answers on the public and the management listener, what the responses tell about the
 * server, where a forged Host header sends people, a file name with a NUL byte, a body that never
 * comes, a flood of tokenless reports and of wrong reply codes while genuine people report and
 * sign in, and state-changing requests that name no origin or the wrong one. The budgets are set
 * small here (environment variables, as an operator sets them), so that a flood of a few dozen
 * requests is enough to spend them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileVisitorsIT {

    private static final String SLUG = "fraud";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @TempDir
    static Path work;

    private static RunningPortal portal;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static String replyCode;

    @BeforeAll
    static void start() throws Exception {
        Seed seed = RunningPortal.seedBeforeStart(work.resolve("data"), work.resolve("tmp"));
        Seed.Investigator investigator = seed.addInvestigator("ines", "a long sign-in password", "passphrase".toCharArray());
        seed.addPublishedChannel(SLUG, Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, investigator.id());
        seed.addPublishedChannel("safety", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, investigator.id());
        seed.addPublishedChannel("files", Seed.sampleQuestionnaire(1024 * 1024), true, 1024 * 1024, investigator.id());
        portal = RunningPortal.start(work.resolve("data"), work.resolve("tmp"), Map.of(
                "CANDOR_INTAKE_PER_MINUTE", "4",
                "CANDOR_INTAKE_PER_CHANNEL_PER_MINUTE", "1",
                "CANDOR_CONTACT_FAILURES_PER_WINDOW", "3",
                "CANDOR_READ_TIMEOUT_MILLIS", "5000"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void healthAndMetricsAnswerOnlyOnTheManagementListenerAndNoResponseNamesTheServer() throws Exception {
        for (String path : List.of("/health", "/health/ready", "/health/live", "/metrics", "/openapi", "/openapi/")) {
            HttpResponse<String> answer = get(portal.url(path));
            assertNotEquals(200, answer.statusCode(), "the public listener must not answer " + path);
            assertFalse(answer.body().contains("\"status\"") || answer.body().contains("openapi:")
                    || answer.body().contains("# TYPE"), path + " leaks: " + answer.body());
        }
        HttpResponse<String> ready = get(portal.managementUrl("/health/ready"));
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        HttpResponse<String> metrics = get(portal.managementUrl("/metrics"));
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"), "metrics in the Prometheus format");

        for (URI uri : List.of(portal.url("/"), portal.url("/no-such-page"), portal.url("/static/candor.css"),
                portal.url("/report/" + SLUG), portal.managementUrl("/health"))) {
            HttpResponse<String> answer = get(uri);
            assertTrue(answer.headers().firstValue("Server").isEmpty(), "Server header on " + uri);
            assertTrue(answer.headers().firstValue("X-Powered-By").isEmpty(), "X-Powered-By header on " + uri);
            assertFalse(answer.body().contains("Payara"), "the server's name in the body of " + uri);
        }
    }

    @Test
    @Order(2)
    void aForgedHostHeaderDoesNotChooseWhereTheRedirectGoes() throws Exception {
        String answer = raw("GET /desk HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", Duration.ofSeconds(60));
        Matcher location = Pattern.compile("(?im)^Location: (\\S+)").matcher(answer);
        assertTrue(location.find(), answer);
        assertTrue(location.group(1).startsWith("http://localhost:" + portal.port() + "/staff/sign-in"), location.group(1));
    }

    @Test
    @Order(3)
    void aNulByteInAFileNameIsAClearRefusalAndNothingIsKept() throws Exception {
        String token = formToken("files");
        TimeUnit.SECONDS.sleep(4);
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        String body = part(boundary, "token", null, token) + part(boundary, "what", null, "a report")
                + part(boundary, "when", null, "no")
                + part(boundary, "evidence", "evil\u0000.txt", "file content") + "--" + boundary + "--\r\n";
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(portal.url("/report/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Nothing was stored"), answer.body());
        assertFalse(portal.output().contains("Incident "), "no unexpected failure in the log:\n" + portal.output());
    }

    @Test
    @Order(4)
    void aBodyThatNeverComesIsCutOffAfterTheReadTimeoutAndTheConnectionIsFreed() throws Exception {
        long started = System.nanoTime();
        String answer = raw("POST /contact HTTP/1.1\r\nHost: localhost\r\nSec-Fetch-Site: same-origin\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ncode=AB",
                Duration.ofSeconds(120));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertTrue(answer.startsWith("HTTP/1.1 4"), "a clear refusal, not a failure: " + answer);
        assertTrue(seconds < 60, "the connection was held " + seconds + " s; the read timeout is 5 s");
    }

    @Test
    @Order(5)
    void aFloodOfTokenlessReportsClosesNoChannelAndAFloodOnOneChannelLeavesTheOtherOpen() throws Exception {
        for (int i = 0; i < 60; i++) {
            String boundary = "flood" + i;
            HttpResponse<String> flood = HTTP.send(HttpRequest.newBuilder(portal.url("/report/" + SLUG))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(part(boundary, "what", null, "x") + "--" + boundary + "--\r\n"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(422, flood.statusCode(), "a tokenless report is refused for its token, not for a budget");
        }
        HttpResponse<String> genuine = report(SLUG, formToken(), 4);
        assertEquals(200, genuine.statusCode(), "sixty tokenless posts spent nothing: " + genuine.body());
        replyCode = Browserless.byId(genuine, "reply-code");

        assertEquals(429, report(SLUG, formToken(), 4).statusCode(),
                "a valid report beyond the channel's budget of one a minute is asked to wait, not refused");
        HttpResponse<String> elsewhere = report("safety", formToken("safety"), 4);
        assertEquals(200, elsewhere.statusCode(), "another channel stays open: " + elsewhere.body());

        String young = formToken();
        HttpResponse<String> pressed = report(SLUG, young, 4);
        assertEquals(429, pressed.statusCode(), "under pressure a form must have been open longer");
        assertTrue(pressed.body().contains("please wait 30 seconds, then send the form again"), pressed.body());
        assertTrue(pressed.body().contains("a report"), "the answers are kept in the form shown again");
    }

    @Test
    @Order(6)
    void wrongCodesAtAnyRateNeverRefuseTheRightOne() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (ReplyCode guess = ReplyCode.generate()) {
                String wrong = signIn(guess.display());
                assertTrue(wrong.startsWith(i < 3 ? "403" : "429"), i + ": " + wrong);
            }
        }
        HttpResponse<String> right = HTTP.send(form(portal.url("/contact"), "code=" + replyCode).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, right.statusCode(), "the right code opens the case while wrong codes are throttled: " + right.body());
    }

    @Test
    @Order(7)
    void aStateChangingRequestWithASessionButNoOrWrongOriginIsRefused() throws Exception {
        HttpClient person = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> in = person.send(form(portal.url("/contact"), "code=" + replyCode).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertTrue(cookie.startsWith("candor_session="), cookie);

        HttpRequest noOrigin = HttpRequest.newBuilder(portal.url("/contact/sign-out")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(403, HTTP.send(noOrigin, HttpResponse.BodyHandlers.ofString()).statusCode(), "no origin at all");
        HttpRequest nullOrigin = HttpRequest.newBuilder(portal.url("/contact/sign-out")).header("Cookie", cookie)
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(403, HTTP.send(nullOrigin, HttpResponse.BodyHandlers.ofString()).statusCode(), "Origin: null alone");
        HttpRequest otherScheme = HttpRequest.newBuilder(portal.url("/contact/sign-out")).header("Cookie", cookie)
                .header("Origin", "https://localhost:" + portal.port()).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(403, HTTP.send(otherScheme, HttpResponse.BodyHandlers.ofString()).statusCode(), "https for an http portal");
        HttpRequest sameNoToken = HttpRequest.newBuilder(portal.url("/contact/sign-out")).header("Cookie", cookie)
                .header("Origin", "http://localhost:" + portal.port()).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertEquals(403, HTTP.send(sameNoToken, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the portal's own origin, but not the session's token");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(portal.url("/contact/conversation"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the refused requests changed nothing: still signed in");
        Matcher token = Pattern.compile("name=\"_token\" value=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        HttpRequest wrongToken = HttpRequest.newBuilder(portal.url("/contact/sign-out")).header("Cookie", cookie)
                .header("Origin", "http://localhost:" + portal.port())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_token=" + token.group(1).substring(1))).build();
        HttpResponse<String> wrong = HTTP.send(wrongToken, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode(), "a wrong token");
        assertTrue(wrong.body().contains("Nothing was changed"), wrong.body());
        HttpRequest same = HttpRequest.newBuilder(portal.url("/contact/sign-out")).header("Cookie", cookie)
                .header("Origin", "http://localhost:" + portal.port())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_token=" + token.group(1))).build();
        assertEquals(303, HTTP.send(same, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the portal's own origin and the session's token");
    }

    /**
     * Every POST route, with no Content-Type, a wrong one and an empty body, without a session and
     * with a whistleblower's (and its token): always a clear 4xx or a normal answer, never a 500.
     */
    @Test
    @Order(8)
    void aPostWithoutOrWithTheWrongContentTypeIsAClearRefusal() throws Exception {
        List<String> routes = List.of("/contact", "/contact/sign-out", "/contact/messages", "/contact/appeal",
                "/contact/browser/sign-in", "/contact/browser/messages", "/contact/browser/appeal", "/contact/browser/sign-out",
                "/report/" + SLUG, "/report/" + SLUG + "/sealed", "/report/" + SLUG + "/sealed/challenge",
                "/report/" + SLUG + "/keys", "/staff/sign-in", "/staff/second-factor", "/staff/enrol", "/staff/sign-out",
                "/setup/x", "/staff/invitation/x");
        HttpResponse<String> in = HTTP.send(form(portal.url("/contact"), "code=" + replyCode).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, in.statusCode(), in.body());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(portal.url("/contact/conversation"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_token\" value=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        for (boolean withSession : List.of(false, true)) {
            for (String route : routes) {
                for (String type : java.util.Arrays.asList(null, "text/plain", "application/x-www-form-urlencoded",
                        "multipart/form-data", "multipart/form-data; boundary=x", "application/json")) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(portal.url(route))
                            .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody());
                    if (type != null) {
                        request.header("Content-Type", type);
                    }
                    if (withSession && !route.equals("/contact/sign-out") && !route.equals("/contact/browser/sign-out")) {
                        request.header("Cookie", cookie).header("X-Candor-Token", token.group(1));
                    }
                    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    assertTrue(answer.statusCode() < 500, route + " with " + type + (withSession ? " in a session" : "")
                            + " answered " + answer.statusCode() + ": " + answer.body());
                }
            }
        }
        assertFalse(portal.output().contains("Incident "), "no unexpected failure in the log:\n" + portal.output());
    }

    /**
     * Session ids are random throughout: 200 ids of fresh sessions are each 64 hex digits (256
     * bits), and no part of them follows a clock: consecutive ids share almost no leading digits,
     * and their first twelve digits go up as often as down.
     */
    @Test
    @Order(9)
    void sessionIdsAreRandomThroughout() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> in = HTTP.send(form(portal.url("/staff/sign-in"),
                    "username=ines&password=a+long+sign-in+password").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, in.statusCode(), in.body());
            String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("candor_session="))
                    .findFirst().orElseThrow();
            ids.add(cookie.substring("candor_session=".length()).split(";", 2)[0]);
        }
        int increases = 0;
        int longestShared = 0;
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(ids.get(i).matches("[0-9a-f]{64}"), "256 random bits in hex: " + ids.get(i));
            if (i > 0) {
                String a = ids.get(i - 1);
                String b = ids.get(i);
                int shared = 0;
                while (shared < a.length() && a.charAt(shared) == b.charAt(shared)) {
                    shared++;
                }
                longestShared = Math.max(longestShared, shared);
                increases += b.substring(0, 12).compareTo(a.substring(0, 12)) > 0 ? 1 : 0;
            }
        }
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no id twice");
        assertTrue(longestShared <= 4, "consecutive ids share " + longestShared + " leading hex digits: " + ids);
        assertTrue(increases > 60 && increases < 140, "the first 12 digits went up " + increases + " times of 199: " + ids);
    }

    private static String signIn(String code) throws Exception {
        HttpResponse<String> answer = HTTP.send(form(portal.url("/contact"), "code=" + code).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static HttpRequest.Builder form(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> report(String slug, String token, int waitSeconds) throws Exception {
        TimeUnit.SECONDS.sleep(waitSeconds);
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        String body = part(boundary, "token", null, token) + part(boundary, "what", null, "a report")
                + part(boundary, "when", null, "no") + "--" + boundary + "--\r\n";
        return HTTP.send(HttpRequest.newBuilder(portal.url("/report/" + slug))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String formToken() throws Exception {
        return formToken(SLUG);
    }

    private static String formToken(String slug) throws Exception {
        Matcher token = TOKEN.matcher(get(portal.url("/report/" + slug)).body());
        assertTrue(token.find());
        return token.group(1);
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/plain")
                + "\r\n\r\n" + value + "\r\n";
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes as they are on a fresh connection and reads until the server closes it. */
    private static String raw(String request, Duration limit) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", portal.port())) {
            socket.setSoTimeout((int) limit.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
