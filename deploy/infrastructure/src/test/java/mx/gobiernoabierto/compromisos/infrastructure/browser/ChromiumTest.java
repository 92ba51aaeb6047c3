package mx.gobiernoabierto.compromisos.infrastructure.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The browser harness itself: pages load, scripts run, errors and accessibility violations are reported. */
class ChromiumTest {

    private static Chromium chromium;
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> pages = Map.of(
                "/bien.html", """
                        <!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>Bien</title><link rel="icon" href="data:,"></head>
                        <body><main><h1>Hola</h1><p id="p">Texto accesible</p></main></body></html>""",
                "/errores.html", """
                        <!doctype html><html lang="es-MX"><head><meta charset="utf-8"><title>Errores</title></head>
                        <body><main><h1>Errores</h1><img src="/no-existe.png">
                        <script>console.error('falló algo'); throw new Error('sin atrapar');</script></main></body></html>""");
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "no" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        chromium = Chromium.startForTest();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void withoutChromiumATestIsSkippedWithTheInstallCommandButFailsUnderCi() {
        Path missing = Path.of("/nonexistent/chromium");

        assertThatThrownBy(() -> Chromium.requireForTest(missing, null)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("BROWSER TESTS NOT RUN").hasMessageContaining("apt-get install -y chromium");
        assertThatThrownBy(() -> Chromium.requireForTest(missing, "false")).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Chromium.requireForTest(missing, "true")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("BROWSER TESTS NOT RUN");
    }

    @Test
    void aCleanPageLoadsRunsScriptsAndHasNoErrorsNorAccessibilityViolations() {
        BrowserPage page = chromium.newPage().open(base + "/bien.html");

        assertThat(page.text("#p")).isEqualTo("Texto accesible");
        assertThat(page.evaluate("Promise.resolve(40 + 2)").asInt()).isEqualTo(42);
        page.waitUntil("document.readyState === 'complete'", Duration.ofSeconds(5));
        assertThat(page.errors()).isEmpty();
        assertThat(Accessibility.seriousOrCritical(page)).isEmpty();
        byte[] png = page.screenshot();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        page.close();
    }

    @Test
    void consoleErrorsUncaughtExceptionsFailedLoadsAndViolationsAreReported() {
        BrowserPage page = chromium.newPage().open(base + "/errores.html");

        page.waitUntil("true", Duration.ofSeconds(1));
        assertThat(String.join("\n", page.errors())).contains("falló algo").contains("sin atrapar").contains("404");
        assertThat(Accessibility.seriousOrCritical(page)).extracting(Accessibility.Violation::id).contains("image-alt");
        page.close();
    }
}
