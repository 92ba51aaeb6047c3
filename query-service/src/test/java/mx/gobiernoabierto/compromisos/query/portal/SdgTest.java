package mx.gobiernoabierto.compromisos.query.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SdgTest {

    @Test
    void theCatalogueHas169TargetsNumberedThenLettered() {
        assertThat(IntStream.rangeClosed(1, Sdg.GOALS).map(goal -> Sdg.targets(goal).size()).sum()).isEqualTo(169);
        assertThat(Sdg.targets(16)).containsExactly("16.1", "16.2", "16.3", "16.4", "16.5", "16.6", "16.7", "16.8",
                "16.9", "16.10", "16.a", "16.b");
        assertThat(Sdg.targets(17)).hasSize(19).last().isEqualTo("17.19");
    }

    @Test
    void everyGoalHasItsOfficialColour() {
        assertThat(Sdg.colour(1)).isEqualTo("#E5243B");
        assertThat(Sdg.colour(16)).isEqualTo("#00689D");
        assertThat(Sdg.colour(17)).isEqualTo("#19486A");
    }

    @Test
    void aTargetBelongsToTheGoalBeforeItsDot() {
        assertThat(Sdg.goalOf("16.10")).isEqualTo(16);
        assertThat(Sdg.goalOf("5.c")).isEqualTo(5);
        assertThat(Sdg.goalOf("18.1")).isZero();
        assertThat(Sdg.goalOf("x")).isZero();
    }
}
