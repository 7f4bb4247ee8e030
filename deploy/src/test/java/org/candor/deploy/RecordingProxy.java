package org.candor.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A pass-through HTTP proxy on loopback that stands between a browser and the portal and keeps
 * a copy of every request (method, path and body) that reaches the portal, so that a test can
 * show what the server was sent. Headers and bodies pass unchanged, except the hop-by-hop
 * headers, Host (the client sets it for the portal) and Origin, which names the portal's own
 * origin instead of the proxy's, so that the portal's same-origin check sees what it would see
 * without the proxy. The portal it forwards to can change (after a restart on another port).
 */
final class RecordingProxy implements AutoCloseable {

    /** One request as it reached the portal. */
    record Recorded(String method, String path, byte[] body) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings", "host");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private volatile int portalPort;

    RecordingProxy(int portalPort) throws IOException {
        this.portalPort = portalPort;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    void forwardTo(int port) {
        portalPort = port;
    }

    URI url(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    void forget() {
        recorded.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            recorded.add(new Recorded(exchange.getRequestMethod(), path, body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + portalPort + path))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("origin")) {
                    request.header("Origin", "http://localhost:" + portalPort);
                } else if (!NOT_FORWARDED.contains(name)) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] content = answer.body();
            boolean bodiless = content.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.statusCode(), bodiless ? -1 : content.length);
            if (!bodiless) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
