package org.synfire.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server standing in for the dataset mirrors: /good/NAME serves the mnist fixture, /wrong/NAME the
 * fashion fixture (valid IDX, other hash), /junk/NAME garbage with status 200; anything else is 404.
 */
final class LocalMirror implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    LocalMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            byte[] body = null;
            if (parts.length == 3) {
                Path f = switch (parts[1]) {
                    case "good" -> Fixtures.dir("mnist").resolve(parts[2]);
                    case "wrong" -> Fixtures.dir("fashion-mnist").resolve(parts[2]);
                    default -> null;
                };
                if (f != null && Files.isRegularFile(f)) body = Files.readAllBytes(f);
                if (parts[1].equals("junk")) body = "<html>not found, but 200</html>".getBytes();
            }
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) out.write(body);
            }
        });
        server.start();
    }

    /** The server's root, ending in '/'. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    int requests() {
        return requests.get();
    }

    /** A fetcher with short timeouts that never leaves the machine in these tests. */
    static Fetcher fetcher(VerifiedCache cache) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new Fetcher(client, Duration.ofSeconds(10), cache);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
