package mx.gobiernoabierto.compromisos.command.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 17 UN Sustainable Development Goals and their 169 targets: goal n has targets n.1 … n.k and lettered
 * targets n.a, n.b, …; indicator codes add a third part (e.g. {@code 16.6.2}).
 */
public final class SdgCatalog {

    /** Per goal (index 0 is goal 1): how many numbered and how many lettered targets it has. */
    private static final int[][] TARGETS = {
            {5, 2}, {5, 3}, {9, 4}, {7, 3}, {6, 3}, {6, 2}, {3, 2}, {10, 2}, {5, 3},
            {7, 3}, {7, 3}, {8, 3}, {3, 2}, {7, 3}, {9, 3}, {10, 2}, {19, 0}};

    private static final Pattern TARGET = Pattern.compile("([1-9][0-9]?)\\.([1-9][0-9]?|[a-z])");
    private static final Pattern INDICATOR = Pattern.compile("([1-9][0-9]?\\.(?:[1-9][0-9]?|[a-z]))\\.([1-9][0-9]?)");

    private SdgCatalog() {
    }

    /** {@code true} for an SDG target code such as {@code 16.6} or {@code 16.a}. */
    public static boolean isTarget(String code) {
        if (code == null) {
            return false;
        }
        Matcher m = TARGET.matcher(code);
        if (!m.matches()) {
            return false;
        }
        int goal = Integer.parseInt(m.group(1));
        if (goal > TARGETS.length) {
            return false;
        }
        String target = m.group(2);
        if (Character.isLetter(target.charAt(0))) {
            return target.charAt(0) - 'a' < TARGETS[goal - 1][1];
        }
        return Integer.parseInt(target) <= TARGETS[goal - 1][0];
    }

    /** {@code true} for an SDG indicator code: a valid target and a third part, e.g. {@code 16.6.2}. */
    public static boolean isIndicator(String code) {
        if (code == null) {
            return false;
        }
        Matcher m = INDICATOR.matcher(code);
        return m.matches() && isTarget(m.group(1));
    }

    /** The goal number of a valid target or indicator code: the number before the first dot. */
    public static int goalOf(String code) {
        return Integer.parseInt(code.substring(0, code.indexOf('.')));
    }
}
