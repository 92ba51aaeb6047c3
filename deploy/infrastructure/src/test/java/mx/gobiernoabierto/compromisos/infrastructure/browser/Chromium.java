package mx.gobiernoabierto.compromisos.infrastructure.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol. Tests use the browser the machine has
 * ({@code /usr/bin/chromium}, installed by {@code apt-get install chromium chromium-driver}); nothing here
 * downloads a browser.
 *
 * <p>Each instance runs in a fresh profile directory, deleted on {@link #close()}, with every background
 * network feature off: the only traffic is to the pages a test opens.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser. */
    public static final Path BINARY = Path.of(System.getProperty("compromisos.chromium", "/usr/bin/chromium"));

    private static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final DevTools devTools;

    private Chromium(Process process, Path profile, DevTools devTools) {
        this.process = process;
        this.profile = profile;
        this.devTools = devTools;
    }

    /**
     * Starts Chromium for a test; where it is not installed, the test is skipped with a message saying how to
     * install it, except under CI ({@code CI} set), where a missing browser fails the test.
     *
     * @param extraFlags further command-line flags, e.g. {@code --host-resolver-rules=...}
     */
    public static Chromium startForTest(String... extraFlags) {
        requireForTest(BINARY, System.getenv("CI"));
        return start(extraFlags);
    }

    /** Skips the test (aborts it) or, under CI, fails it when there is no browser at {@code binary}. */
    static void requireForTest(Path binary, String ci) {
        if (!Files.isExecutable(binary)) {
            String message = "\n\n*** BROWSER TESTS NOT RUN: no Chromium at " + binary + ". Install it with:\n***     "
                    + INSTALL + "\n*** (CI does this in .ci/run; with CI=true a missing browser fails the build.)\n";
            System.err.println(message);
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Starts Chromium headless with a fresh profile; fails if it is not installed. */
    public static Chromium start(String... extraFlags) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--accept-lang=es-MX,es",
                "--user-data-dir=" + profile));
        command.addAll(List.of(extraFlags));
        command.add("about:blank");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> readStderr(process, endpoint, output), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI uri = endpoint.get(60, TimeUnit.SECONDS);
            return new Chromium(process, profile, DevTools.connect(uri));
        } catch (Exception e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            synchronized (output) {
                throw new IllegalStateException("Chromium did not start; its output:\n" + String.join("\n", output), e);
            }
        }
    }

    private static void readStderr(Process process, CompletableFuture<URI> endpoint, List<String> output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    endpoint.complete(URI.create(matcher.group(1)));
                } else if (!endpoint.isDone()) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        endpoint.completeExceptionally(new IllegalStateException("Chromium exited with " + waitFor(process)));
    }

    private static String waitFor(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "no exit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Opens a new tab (a desktop-sized viewport, 1280 × 900) and attaches to it. */
    public BrowserPage newPage() {
        String targetId = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .get("targetId").asString();
        String sessionId = devTools.send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asString();
        return new BrowserPage(devTools, targetId, sessionId);
    }

    @Override
    public void close() {
        try {
            devTools.send(null, "Browser.close", Map.of());
        } catch (RuntimeException e) {
            // the process is ended below either way
        }
        devTools.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
