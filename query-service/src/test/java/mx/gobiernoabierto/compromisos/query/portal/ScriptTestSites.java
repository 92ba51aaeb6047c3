package mx.gobiernoabierto.compromisos.query.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import mx.gobiernoabierto.compromisos.infrastructure.browser.BrowserPage;
import mx.gobiernoabierto.compromisos.infrastructure.browser.Chromium;

/**
 * What a test of the portal's scripts in a real headless Chromium stands on: a portal and a command service, each
 * an HTTP server on a random port of 127.0.0.1 answering as the test says, and the browser. The portal is reached on
 * 127.0.0.1 (a secure context, with Web Crypto) or on {@value #INSECURE_HOST}, a name that resolves to 127.0.0.1
 * inside Chromium only and is no secure context, unlike localhost.
 */
final class ScriptTestSites implements AutoCloseable {

    static final String INSECURE_HOST = "portal.prueba";

    private final HttpServer portal;
    private final HttpServer commandService;
    private final String commandServiceUrl;
    private final Chromium chromium;

    ScriptTestSites(HttpHandler portalAnswers, HttpHandler commandServiceAnswers) throws IOException {
        portal = start(portalAnswers);
        commandService = start(commandServiceAnswers);
        commandServiceUrl = "http://127.0.0.1:" + commandService.getAddress().getPort();
        try {
            chromium = Chromium.startForTest("--host-resolver-rules=MAP " + INSECURE_HOST + " 127.0.0.1");
        } catch (RuntimeException | Error e) {
            stopServers();
            throw e;
        }
    }

    String commandServiceUrl() {
        return commandServiceUrl;
    }

    /** The portal's origin, secure (127.0.0.1) or not ({@value #INSECURE_HOST}). */
    String base(boolean secure) {
        return "http://" + (secure ? "127.0.0.1" : INSECURE_HOST) + ":" + portal.getAddress().getPort();
    }

    /** A new browser page on the portal's {@code path}. */
    BrowserPage open(boolean secure, String path) {
        return chromium.newPage().open(base(secure) + path);
    }

    /** An answer under the portal's policy: scripts from its own origin only, fetches to it and the command service. */
    void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "img-src 'self' data:; connect-src 'self' " + commandServiceUrl);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A class-path resource as UTF-8 text: the portal's scripts, the test's page fixtures. */
    static String resource(String name) {
        try (InputStream in = ScriptTestSites.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        stopServers();
    }

    private void stopServers() {
        portal.stop(0);
        commandService.stop(0);
    }

    private static HttpServer start(HttpHandler answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", answers);
        server.start();
        return server;
    }
}
