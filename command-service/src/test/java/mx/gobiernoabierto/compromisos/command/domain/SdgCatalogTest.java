package mx.gobiernoabierto.compromisos.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SdgCatalogTest {

    /** domain.md, "SDG codes": per goal 1..17, how many numbered and how many lettered targets. */
    static final int[][] COUNTS = {
            {5, 2}, {5, 3}, {9, 4}, {7, 3}, {6, 3}, {6, 2}, {3, 2}, {10, 2}, {5, 3},
            {7, 3}, {7, 3}, {8, 3}, {3, 2}, {7, 3}, {9, 3}, {10, 2}, {19, 0}};

    static List<String> allTargets() {
        List<String> targets = new ArrayList<>();
        for (int goal = 1; goal <= COUNTS.length; goal++) {
            for (int n = 1; n <= COUNTS[goal - 1][0]; n++) {
                targets.add(goal + "." + n);
            }
            for (int letter = 0; letter < COUNTS[goal - 1][1]; letter++) {
                targets.add(goal + "." + (char) ('a' + letter));
            }
        }
        return targets;
    }

    /** For every goal: the next number and the next letter after its last target, which are not targets. */
    static Stream<String> neighbours() {
        List<String> neighbours = new ArrayList<>();
        for (int goal = 1; goal <= COUNTS.length; goal++) {
            neighbours.add(goal + "." + (COUNTS[goal - 1][0] + 1));
            neighbours.add(goal + "." + (char) ('a' + COUNTS[goal - 1][1]));
            neighbours.add(goal + ".0");
        }
        neighbours.addAll(List.of("0.1", "18.1", "18.a"));
        return neighbours.stream();
    }

    @Test
    void thereAreOneHundredAndSixtyNineTargets() {
        assertThat(allTargets()).hasSize(169).doesNotHaveDuplicates();
    }

    @Test
    void everyTargetIsAccepted() {
        assertThat(allTargets()).allSatisfy(code -> assertThat(SdgCatalog.isTarget(code)).as(code).isTrue());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("neighbours")
    void theNeighboursOfTheTargetsAreRejected(String code) {
        assertThat(SdgCatalog.isTarget(code)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"16.A", "16.01", "016.1", "16", "16.", ".6", " 16.6", "16.6 ", "16,6", "16.6.2", "16.aa",
            "16.10a", "sixteen.1"})
    void malformedCodesAreNotTargets(String code) {
        assertThat(SdgCatalog.isTarget(code)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"16.6.2", "16.10.1", "16.a.1", "17.19.2", "1.1.1", "5.c.1"})
    void anIndicatorCodeIsATargetWithAThirdPart(String code) {
        assertThat(SdgCatalog.isIndicator(code)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"16.6", "16.11.1", "18.1.1", "16.c.1", "17.a.1", "16.6.0", "16.6.a", "16.6.2.1",
            "16.6.", "16.6.02"})
    void otherCodesAreNotIndicators(String code) {
        assertThat(SdgCatalog.isIndicator(code)).isFalse();
    }

    @ParameterizedTest(name = "{0} is in goal {1}")
    @CsvSource({"16.6, 16", "5.c, 5", "16.6.2, 16", "1.1, 1"})
    void theGoalIsTheNumberBeforeTheFirstDot(String code, int goal) {
        assertThat(SdgCatalog.goalOf(code)).isEqualTo(goal);
    }
}
