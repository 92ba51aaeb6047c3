package mx.gobiernoabierto.compromisos.query.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * The 17 Sustainable Development Goals: their official colours and their targets (n.1 … n.k, then n.a, n.b, …),
 * as domain.md counts them. Names are in the message bundle ({@code ods.N}).
 */
public final class Sdg {

    private static final String[] COLOURS = {"#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2",
            "#FCC30B", "#A21942", "#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B",
            "#00689D", "#19486A"};
    private static final int[] NUMBERED = {5, 5, 9, 7, 6, 6, 3, 10, 5, 7, 7, 8, 3, 7, 9, 10, 19};
    private static final int[] LETTERED = {2, 3, 4, 3, 3, 2, 2, 2, 3, 3, 3, 3, 2, 3, 3, 2, 0};

    private Sdg() {
    }

    public static final int GOALS = 17;

    /** The goal's official colour, e.g. {@code #00689D} for goal 16. */
    public static String colour(int goal) {
        return COLOURS[goal - 1];
    }

    /** The goal's targets in order: numbered, then lettered. */
    public static List<String> targets(int goal) {
        List<String> targets = new ArrayList<>();
        for (int n = 1; n <= NUMBERED[goal - 1]; n++) {
            targets.add(goal + "." + n);
        }
        for (int l = 0; l < LETTERED[goal - 1]; l++) {
            targets.add(goal + "." + (char) ('a' + l));
        }
        return targets;
    }

    /** The goal of a target code ({@code 16} of {@code 16.10}); 0 if the code has no goal. */
    static int goalOf(String target) {
        int dot = target.indexOf('.');
        try {
            int goal = Integer.parseInt(dot < 0 ? target : target.substring(0, dot));
            return goal >= 1 && goal <= GOALS ? goal : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
