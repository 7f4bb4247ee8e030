package org.candor.portal.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without a browser: keeps cookies, sends forms as a browser does (with
 * Sec-Fetch-Site), follows no redirect unless asked, and reads what pages show.
 */
public final class Browserless {

    private final URL deployed;
    private final HttpClient http;

    public Browserless(URL deployed) {
        this.deployed = deployed;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form; keys and values alternate. */
    public HttpResponse<String> post(String path, String... form) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            fields.put(form[i], form[i + 1]);
        }
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "null").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fetches a path's bytes as they are (ciphertext, downloads). */
    public HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a body of the type given, as a script of the page would (same origin). */
    public HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Content-Type", contentType).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
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
