package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures.Figures;

/**
 * Implementation progress: Σ(weight × progress) / Σ weight, rounded once, half up, to one decimal.
 * {@code isEqualTo("50.0")} on a {@link BigDecimal} also checks the scale, so every percentage is asserted to
 * carry exactly one decimal.
 */
class ImplementationProgressTest {

    private static final String ANY_DAY = "2024-06-01";

    @Test
    void isZeroPointZeroWithoutMilestones() {
        assertThat(Story.drafted("c1").figures(ANY_DAY).implementationProgress()).isEqualTo("0.0");
    }

    @Test
    void aMilestoneIsAtZeroBeforeAnyLogAtItsLatestLogAndAt100OnceCompleted() {
        Story story = Story.drafted("c1").milestone("m1", "1").implementing();
        assertThat(story.figures(ANY_DAY).implementationProgress()).isEqualTo("0.0");
        // 80 then 60: the latest logged percent counts, not the highest
        assertThat(story.progress("m1", 80).progress("m1", 60).figures(ANY_DAY).implementationProgress())
                .isEqualTo("60.0");
        assertThat(story.milestoneCompleted("m1", "2024-05-01", "https://a").figures(ANY_DAY)
                .implementationProgress()).isEqualTo("100.0");
    }

    @Test
    void weighsEachMilestoneByItsWeight() {
        // weights 1, 2, 1 at 100, 50, 0: (1×100 + 2×50 + 1×0) / (1+2+1) = 200 / 4 = 50.0
        Figures figures = Story.drafted("c1").milestone("m1", "1").milestone("m2", "2").milestone("m3", "1")
                .implementing().milestoneCompleted("m1", "2024-05-01", "https://a").progress("m2", 50)
                .figures(ANY_DAY);

        assertThat(figures.implementationProgress()).isEqualTo("50.0");
        assertThat(figures.milestonesTotal()).isEqualTo(3);
        assertThat(figures.milestonesCompleted()).isEqualTo(1);
    }

    @Test
    void roundsTwoThirdsUpAndOneThirdDown() {
        // weights 2, 1 at 100, 0: 200 / 3 = 66.666… → 66.7
        assertThat(Story.drafted("c1").milestone("m1", "2").milestone("m2", "1").implementing()
                .progress("m1", 100).figures(ANY_DAY).implementationProgress()).isEqualTo("66.7");
        // weights 1, 2 at 100, 0: 100 / 3 = 33.333… → 33.3
        assertThat(Story.drafted("c2").milestone("m1", "1").milestone("m2", "2").implementing()
                .progress("m1", 100).figures(ANY_DAY).implementationProgress()).isEqualTo("33.3");
    }

    @Test
    void roundsHalfUpWhenLandingExactlyOnFive() {
        // four of weight 1 at 49, 0, 0, 0: 49 / 4 = 12.25 → 12.3 (half-even would say 12.2)
        assertThat(Story.drafted("c1").milestone("m1", "1").milestone("m2", "1").milestone("m3", "1")
                .milestone("m4", "1").implementing().progress("m1", 49).figures(ANY_DAY).implementationProgress())
                .isEqualTo("12.3");
        // decimal weights 0.5, 1.5 at 49, 0: 24.5 / 2 = 12.25 → 12.3
        assertThat(Story.drafted("c2").milestone("m1", "0.5").milestone("m2", "1.5").implementing()
                .progress("m1", 49).figures(ANY_DAY).implementationProgress()).isEqualTo("12.3");
    }

    @Test
    void roundsFiveHundredthsUpAndLessDown() {
        // weights 1, 19 at 1, 0: 1 / 20 = 0.05 → 0.1
        assertThat(Story.drafted("c1").milestone("m1", "1").milestone("m2", "19").implementing()
                .progress("m1", 1).figures(ANY_DAY).implementationProgress()).isEqualTo("0.1");
        // weights 1, 20 at 1, 0: 1 / 21 = 0.0476… → 0.0
        assertThat(Story.drafted("c2").milestone("m1", "1").milestone("m2", "20").implementing()
                .progress("m1", 1).figures(ANY_DAY).implementationProgress()).isEqualTo("0.0");
    }
}
