package mx.gobiernoabierto.compromisos.infrastructure.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * axe-core, the accessibility engine, run inside a page. The script comes from the {@code org.webjars.npm:axe-core}
 * WebJar on the test classpath and is injected through DevTools: never from a CDN, and the page under test needs
 * no change (nor a weaker Content-Security-Policy) for it.
 */
public final class Accessibility {

    /** The WebJar's version; the test classpath must carry {@code org.webjars.npm:axe-core} of this version. */
    public static final String AXE_VERSION = "4.6.3";
    private static final String AXE = "META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js";
    private static volatile String script;

    private Accessibility() {
    }

    /** One rule a page breaks: its id, impact, help text, and the first few offending elements. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ") at " + targets;
        }
    }

    /** The violations of WCAG 2.0/2.1 A and AA rules (and axe's best practices) on the page as it is now. */
    public static List<Violation> check(BrowserPage page) {
        if (page.evaluate("typeof window.axe === 'undefined'").asBoolean()) {
            page.evaluate(axeScript() + "\n;true");
        }
        JsonNode result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}, resultTypes: ['violations']})"
                + ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))");
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : result) {
            List<String> targets = new ArrayList<>();
            v.path("targets").forEach(t -> targets.add(t.asString()));
            violations.add(new Violation(v.path("id").asString(), v.path("impact").asString(""),
                    v.path("help").asString(), targets));
        }
        return violations;
    }

    /** Only the violations axe rates serious or critical. */
    public static List<Violation> seriousOrCritical(BrowserPage page) {
        return check(page).stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                .toList();
    }

    /**
     * The serious and critical violations on a desktop (1280 px) and on a phone (320 px), where nothing may need
     * sideways scrolling either (WCAG 1.4.10, reflow), each said with its width; the page is left at 1280 × 900.
     */
    public static List<String> onDesktopAndPhone(BrowserPage page) {
        List<String> found = new ArrayList<>();
        page.viewport(1280, 900, false);
        seriousOrCritical(page).forEach(v -> found.add("1280 px: " + v));
        page.viewport(320, 640, true);
        seriousOrCritical(page).forEach(v -> found.add("320 px: " + v));
        int overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth").asInt();
        if (overflow > 0) {
            found.add("320 px: the page is " + overflow + " px wider than the screen");
        }
        page.viewport(1280, 900, false);
        return found;
    }

    private static String axeScript() {
        if (script == null) {
            try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException(AXE + " is not on the test classpath: add the test dependency "
                            + "org.webjars.npm:axe-core:" + AXE_VERSION);
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
