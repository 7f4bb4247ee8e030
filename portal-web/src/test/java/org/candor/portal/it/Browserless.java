package org.candor.portal.it;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.candor.portal.staff.Totp;

/**
 * A person's browser without a browser: keeps cookies, sends forms as a browser does (with
 * Sec-Fetch-Site), follows no redirect unless asked, and reads what pages show. Like a page's
 * forms and scripts, it sends the session's synchronizer token with every POST: the token is read
 * from each page (the hidden field of its forms) and from the browser sign-in answer.
 */
public final class Browserless {

    private final URL deployed;
    private final HttpClient http;
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"(?:_token|candor-token)\" (?:value|content)=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern JSON_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private final CookieManager cookies = new CookieManager();
    private String token;
    /** The session cookie when the token was read: a new session has a new token. */
    private String tokenSession;

    public Browserless(URL deployed) {
        this.deployed = deployed;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return get(path, "en");
    }

    /** Fetches a page as a browser set to the languages given (an Accept-Language header) would. */
    public HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        return read(http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Sends a request the test built itself, with this browser's cookies, for what a browser's
     * forms would not send (other headers, other listeners).
     */
    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return read(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * The session's synchronizer token, or null without a session. Read from the pages as they
     * come; when the session is new since, a page is fetched to read it, as the person's browser
     * would have shown one before its form is sent.
     */
    public String sessionToken() throws Exception {
        String session = sessionCookie();
        if (session != null && !session.equals(tokenSession)) {
            get("/");
        }
        return session == null ? null : token;
    }

    private String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("candor_session"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Posts a form with the token given (null: none) instead of the session's, as a forged request would. */
    public HttpResponse<String> postWithToken(String sentToken, String path, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        if (sentToken != null) {
            body.append("_token=").append(enc(sentToken));
        }
        for (int i = 0; i < form.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(form[i])).append('=').append(enc(form[i + 1]));
        }
        return read(http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "null").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Remembers the session's token if the answer shows one. */
    private HttpResponse<String> read(HttpResponse<String> response) {
        Matcher form = FORM_TOKEN.matcher(response.body());
        if (form.find()) {
            token = form.group(1);
            tokenSession = sessionCookie();
        } else if (response.body().contains("\"signed-in\"")) {
            Matcher json = JSON_TOKEN.matcher(response.body());
            if (json.find()) {
                token = json.group(1);
                tokenSession = sessionCookie();
            }
        }
        return response;
    }

    /** Posts a form; keys and values alternate, and a key may come more than once (ticked boxes). */
    public HttpResponse<String> post(String path, String... form) throws Exception {
        return postWithToken(sessionToken(), path, form);
    }

    /**
     * Calls a test fixture (an endpoint only the tests deploy) the way the tests do: a POST with
     * no form, no token and no browser headers. Returns the answer's text, which must be a 200.
     */
    public String fixture(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError(path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    /** Fetches a path's bytes as they are (ciphertext, downloads). */
    public HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a body of the type given, as a script of the page would (same origin). */
    public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", contentType).header("Sec-Fetch-Site", "same-origin");
        String sent = sessionToken();
        if (sent != null) {
            request.header("X-Candor-Token", sent);
        }
        return read(http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** One part of a multipart form: a text field, or a file when it has a file name. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        /** A text field. */
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        /** A field whose value is the bytes given, as they are (not necessarily UTF-8). */
        public static Part field(String name, byte[] value) {
            return new Part(name, null, null, value);
        }

        /** A file of the type given. */
        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    /**
     * Sends a multipart form as a browser does: the text fields (names and values alternate in
     * {@code fields}), then one file if {@code fileName} is not null.
     */
    public HttpResponse<String> multipart(String path, List<String> fields, String fileField, String fileName,
            byte[] file) throws Exception {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += 2) {
            parts.add(Part.field(fields.get(i), fields.get(i + 1)));
        }
        if (fileName != null) {
            parts.add(Part.file(fileField, fileName, "application/octet-stream", file));
        }
        return multipart(path, parts.toArray(Part[]::new));
    }

    /** Sends a multipart form of the parts given, in their order, after the session's token. */
    public HttpResponse<String> multipart(String path, Part... parts) throws Exception {
        String boundary = "----candor" + UUID.randomUUID().toString().replace("-", "");
        List<Part> sent = new ArrayList<>();
        String token = sessionToken();
        if (token != null) {
            sent.add(Part.field("_token", token));
        }
        sent.addAll(List.of(parts));
        return read(http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, sent))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A multipart/form-data body of the parts given, in their order, with the boundary given. */
    public static byte[] multipartBody(String boundary, List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: "
                    + part.contentType()) + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /**
     * Sends a report through a channel's form, as a whistleblower without JavaScript does: opens
     * the form, reads its form token, waits longer than the shortest fill time the tests allow
     * (one second), then sends the token and the parts given. Returns the answer.
     */
    public HttpResponse<String> report(String channelSlug, Part... parts) throws Exception {
        HttpResponse<String> form = get("/report/" + channelSlug);
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no form token on the report form:\n" + form.body());
        }
        Thread.sleep(1100);
        List<Part> sent = new ArrayList<>();
        sent.add(Part.field("token", token.group(1)));
        sent.addAll(List.of(parts));
        return multipart("/report/" + channelSlug, sent.toArray(Part[]::new));
    }

    /** What a staff member's first sign-in left: the second factor's secret and the page with the recovery codes. */
    public record Enrolment(byte[] secret, HttpResponse<String> page) {

        /** The second factor's code at this moment, as the staff member's authenticator shows it. */
        public String codeNow() {
            return Totp.code(secret, Totp.step(Instant.now()));
        }
    }

    /** Signs a staff member in with their password and enrols a second factor, as at their first sign-in. */
    public Browserless signInStaff(String username, String password) throws Exception {
        enrolStaff(username, password);
        return this;
    }

    /**
     * A staff member's first sign-in: the password, then the enrolment page, whose secret is read
     * the way an authenticator would and answered with the current code.
     */
    public Enrolment enrolStaff(String username, String password) throws Exception {
        HttpResponse<String> passed = post("/staff/sign-in", "username", username, "password", password);
        if (!"/staff/enrol".equals(location(passed))) {
            throw new AssertionError("sign-in of " + username + " did not lead to enrolment: " + passed.statusCode());
        }
        byte[] secret = base32(byId(follow(passed), "secret"));
        HttpResponse<String> enrolled = post("/staff/enrol", "code", Totp.code(secret, Totp.step(Instant.now())));
        if (enrolled.statusCode() != 200) {
            throw new AssertionError("enrolment of " + username + " failed: " + enrolled.body());
        }
        return new Enrolment(secret, enrolled);
    }

    /** Reads a TOTP secret as the enrolment page shows it (RFC 4648 base 32, spaces ignored). */
    public static byte[] base32(String shown) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bits = 0;
        int count = 0;
        for (char c : shown.replace(" ", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            bits = (bits << 5) | alphabet.indexOf(c);
            count += 5;
            if (count >= 8) {
                count -= 8;
                out.write((int) (bits >> count) & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** Follows a 303 the way a browser would. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + redirect.statusCode() + "\n" + redirect.body()));
        return get(URI.create(location).getRawPath() + (URI.create(location).getRawQuery() == null ? ""
                : "?" + URI.create(location).getRawQuery()));
    }

    /** The location a redirect points to, as a path. */
    public static String location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElse("")).getPath();
    }

    /** The text of the first element with this id. */
    public static String byId(HttpResponse<String> page, String id) {
        return byId(page.body(), id);
    }

    /**
     * The text of the element with {@code id} in a page, as a reader sees it: what lies between its
     * tag and the first closing tag of the same name, with the tags inside it (a reply code's groups)
     * left out.
     */
    public static String byId(String page, String id) {
        Matcher m = Pattern.compile("<([a-z0-9]+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(page);
        if (!m.find()) {
            throw new AssertionError("no element #" + id + " in:\n" + page);
        }
        return m.group(2).replaceAll("<[^>]*>", "").replace("&amp;", "&").strip();
    }

    public URI uri(String path) {
        return Deployments.local(deployed, path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
