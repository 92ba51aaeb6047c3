package mx.gobiernoabierto.compromisos.query.workspace;

import java.util.List;
import java.util.stream.IntStream;

import mx.gobiernoabierto.compromisos.query.portal.Sdg;

/** The portal's SDG catalogue as the drafting form offers it: each goal (its name is in the bundle) and its targets. */
final class SdgCatalogue {

    public record Goal(int goal, String colour, List<String> targets) {

        /** Whether any of the chosen targets is one of this goal's (its group opens to show them). */
        public boolean anyOf(List<String> chosen) {
            return chosen.stream().anyMatch(targets::contains);
        }
    }

    private static final List<Goal> GOALS = IntStream.rangeClosed(1, Sdg.GOALS)
            .mapToObj(goal -> new Goal(goal, Sdg.colour(goal), Sdg.targets(goal))).toList();

    private SdgCatalogue() {
    }

    static List<Goal> goals() {
        return GOALS;
    }
}
