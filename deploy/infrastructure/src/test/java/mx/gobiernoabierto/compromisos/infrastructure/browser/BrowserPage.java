package mx.gobiernoabierto.compromisos.infrastructure.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * One tab of {@link Chromium}: navigate, run JavaScript, wait for a condition, resize, take screenshots, and
 * read back every error the page reported (console errors, uncaught exceptions, failed loads, CSP refusals).
 */
public final class BrowserPage {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final DevTools devTools;
    private final String targetId;
    private final String sessionId;
    private final AtomicInteger loads = new AtomicInteger();
    private final List<String> errors = new ArrayList<>();

    BrowserPage(DevTools devTools, String targetId, String sessionId) {
        this.devTools = devTools;
        this.targetId = targetId;
        this.sessionId = sessionId;
        devTools.onEvent(this::onEvent);
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        // a reader in Mexico: scripts format dates and numbers as es-MX does (the browser's own controls keep
        // the language of the installed Chromium, English without Debian's chromium-l10n)
        send("Emulation.setLocaleOverride", Map.of("locale", "es-MX"));
        viewport(1280, 900, false);
    }

    private void onEvent(JsonNode event) {
        if (!sessionId.equals(event.path("sessionId").asString(null))) {
            return;
        }
        JsonNode params = event.path("params");
        switch (event.path("method").asString("")) {
            case "Page.loadEventFired" -> loads.incrementAndGet();
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asString("");
                if (type.equals("error") || type.equals("assert")) {
                    record("console." + type + ": " + params.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> record("uncaught: " + params.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if (entry.path("level").asString("").equals("error")) {
                    record(entry.path("source").asString("") + ": " + entry.path("text").asString("")
                            + " " + entry.path("url").asString(""));
                }
            }
            default -> {
                // other events are of no interest here
            }
        }
    }

    private void record(String error) {
        synchronized (errors) {
            errors.add(error);
        }
    }

    JsonNode send(String method, Map<String, ?> params) {
        return devTools.send(sessionId, method, params);
    }

    /** Opens a URL and waits for its load event; fails if the navigation itself failed. */
    public BrowserPage open(String url) {
        int before = loads.get();
        JsonNode result = send("Page.navigate", Map.of("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("cannot open " + url + ": " + result.get("errorText").asString());
        }
        Instant deadline = Instant.now().plus(LOAD_TIMEOUT);
        while (loads.get() == before) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(url + " did not finish loading within " + LOAD_TIMEOUT);
            }
            sleep(20);
        }
        return this;
    }

    /**
     * Runs a script that makes the page navigate (clicks a link, submits a form) and waits for the new page's load
     * event.
     */
    public BrowserPage navigateBy(String script) {
        int before = loads.get();
        evaluate(script);
        return awaitLoad(before, script);
    }

    private BrowserPage awaitLoad(int before, String after) {
        Instant deadline = Instant.now().plus(LOAD_TIMEOUT);
        while (loads.get() == before) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no page loaded within " + LOAD_TIMEOUT + " after " + after);
            }
            sleep(20);
        }
        return this;
    }

    /**
     * Presses a key as a person at the keyboard does (key down, then up, through the browser's input pipeline, so
     * focus moves and buttons act): {@code "Tab"}, {@code "Shift+Tab"}, {@code "Enter"}, {@code " "} (space).
     */
    public BrowserPage press(String key) {
        boolean shift = key.startsWith("Shift+");
        String name = shift ? key.substring("Shift+".length()) : key;
        Map<String, Object> down = new java.util.LinkedHashMap<>(switch (name) {
            case "Tab" -> Map.of("key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9);
            case "Enter" -> Map.of("key", "Enter", "code", "Enter", "windowsVirtualKeyCode", 13, "text", "\r");
            case " " -> Map.of("key", " ", "code", "Space", "windowsVirtualKeyCode", 32, "text", " ");
            default -> throw new IllegalArgumentException("no key " + key);
        });
        down.put("modifiers", shift ? 8 : 0);
        down.put("type", down.containsKey("text") ? "keyDown" : "rawKeyDown");
        send("Input.dispatchKeyEvent", down);
        Map<String, Object> up = new java.util.LinkedHashMap<>(down);
        up.remove("text");
        up.put("type", "keyUp");
        send("Input.dispatchKeyEvent", up);
        return this;
    }

    /** Presses a key that makes the page navigate (Enter or space on a submit button) and waits for the new page. */
    public BrowserPage navigateByPressing(String key) {
        int before = loads.get();
        press(key);
        return awaitLoad(before, "pressing " + key);
    }

    /** Types text into the focused control, as a keyboard (or an input method) would. */
    public BrowserPage type(String text) {
        send("Input.insertText", Map.of("text", text));
        return this;
    }

    /** Sets a cookie in the browser, e.g. a session a test signed in to with its own HTTP client. */
    public BrowserPage setCookie(String url, String name, String value, String path) {
        JsonNode result = send("Network.setCookie", Map.of("url", url, "name", name, "value", value, "path", path));
        if (!result.path("success").asBoolean(true)) {
            throw new IllegalStateException("the browser refused the cookie " + name + " for " + url);
        }
        return this;
    }

    /** The address of the page shown. */
    public String url() {
        return evaluate("location.href").asString();
    }

    /**
     * Evaluates a JavaScript expression in the page, awaiting it if it is a promise, and returns its value as
     * JSON; an exception in the page is thrown here with its message.
     */
    public JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new IllegalStateException("JavaScript failed: " + details.path("exception").path("description")
                    .asString(details.path("text").asString("")));
        }
        return result.path("result").path("value");
    }

    /** The text of the first element matching a CSS selector, or null. */
    public String text(String selector) {
        JsonNode value = evaluate("(() => { const e = document.querySelector(" + DevTools.JSON.writeValueAsString(selector)
                + "); return e ? e.textContent : null; })()");
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    /** Clicks the first element matching a CSS selector, as a person would (the element's own click). */
    public void click(String selector) {
        evaluate("document.querySelector(" + DevTools.JSON.writeValueAsString(selector) + ").click()");
    }

    /** Waits until a JavaScript expression is truthy, or fails after {@code timeout}. */
    public void waitUntil(String condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!evaluate("!!(" + condition + ")").asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("still false after " + timeout + ": " + condition);
            }
            sleep(50);
        }
    }

    /** Sets the viewport's CSS size; {@code mobile} also emulates a phone's meta viewport handling. */
    public BrowserPage viewport(int width, int height, boolean mobile) {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    /** A PNG of the whole page at the current viewport width. */
    public byte[] screenshot() {
        return screenshot(Integer.MAX_VALUE);
    }

    /** A PNG of the page from its top, at most {@code maxHeight} CSS pixels tall. */
    public byte[] screenshot(int maxHeight) {
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.path("cssContentSize");
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
                        "height", Math.min(maxHeight, size.path("height").asDouble()), "scale", 1)));
        return Base64.getDecoder().decode(shot.get("data").asString());
    }

    /** Every error the page reported since it was opened or since the last {@link #clearErrors()}. */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public void clearErrors() {
        synchronized (errors) {
            errors.clear();
        }
    }

    /** Closes the tab. */
    public void close() {
        devTools.send(null, "Target.closeTarget", Map.of("targetId", targetId));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
