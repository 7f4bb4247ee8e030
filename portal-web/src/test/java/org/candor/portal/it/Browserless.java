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
        return read(http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString()));
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

    /**
     * The session token of another test's own HTTP client, read from a page of its session the
     * way {@link Browserless} reads it; "none" without a session. For tests that keep their own
     * client: they send it as the {@code X-Candor-Token} header, which every POST accepts.
     */
    public static String tokenFor(HttpClient client, URL deployed) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(Deployments.local(deployed, "/"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = FORM_TOKEN.matcher(page.body());
        return m.find() ? m.group(1) : "none";
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

    /**
     * Sends a multipart form as a browser does: the text fields (names and values alternate in
     * {@code fields}), then one file if {@code fileName} is not null.
     */
    public HttpResponse<String> multipart(String path, List<String> fields, String fileField, String fileName,
            byte[] file) throws Exception {
        String boundary = "----candor" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String sent = sessionToken();
        if (sent != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_token\"\r\n\r\n"
                    + sent + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < fields.size(); i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i) + "\"\r\n\r\n"
                    + fields.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return read(http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Signs a staff member in with their password and enrols a second factor, as at their first sign-in. */
    public Browserless signInStaff(String username, String password) throws Exception {
        HttpResponse<String> passed = post("/staff/sign-in", "username", username, "password", password);
        if (!"/staff/enrol".equals(location(passed))) {
            throw new AssertionError("sign-in of " + username + " did not lead to enrolment: " + passed.statusCode());
        }
        byte[] secret = base32(byId(follow(passed), "secret"));
        HttpResponse<String> enrolled = post("/staff/enrol", "code", Totp.code(secret, Totp.step(Instant.now())));
        if (enrolled.statusCode() != 200) {
            throw new AssertionError("enrolment of " + username + " failed: " + enrolled.body());
        }
        return this;
    }

    /** Reads a TOTP secret as the enrolment page shows it (RFC 4648 base 32, spaces ignored). */
    static byte[] base32(String shown) {
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
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no element #" + id + " in:\n" + page.body());
        }
        return m.group(1).replace("&amp;", "&").strip();
    }

    public URI uri(String path) {
        return Deployments.local(deployed, path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
