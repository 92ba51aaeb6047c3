package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static mx.gobiernoabierto.compromisos.query.commitment.projection.DeliveryCheck.Verdict.AHEAD;
import static mx.gobiernoabierto.compromisos.query.commitment.projection.DeliveryCheck.Verdict.APPLY;
import static mx.gobiernoabierto.compromisos.query.commitment.projection.DeliveryCheck.Verdict.BLOCKED;
import static mx.gobiernoabierto.compromisos.query.commitment.projection.DeliveryCheck.Verdict.DIVERGENT;
import static mx.gobiernoabierto.compromisos.query.commitment.projection.DeliveryCheck.Verdict.DUPLICATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    private static final EventIdentity KEPT = new EventIdentity("event-94", "a".repeat(64));
    private static final OptionalLong NOT_HELD = OptionalLong.empty();

    @Test
    void theNextSequenceIsApplied() {
        assertThat(DeliveryCheck.judge(94, KEPT, KEPT, 93, NOT_HELD)).isEqualTo(APPLY);
    }

    @Test
    void theFirstEventOfAnAggregateIsApplied() {
        assertThat(DeliveryCheck.judge(0, KEPT, KEPT, -1, NOT_HELD)).isEqualTo(APPLY);
    }

    @Test
    void theVeryEventKeptAtAnAppliedSequenceIsADuplicate() {
        assertThat(DeliveryCheck.judge(94, new EventIdentity("event-94", "a".repeat(64)), KEPT, 94, NOT_HELD))
                .isEqualTo(DUPLICATE);
        assertThat(DeliveryCheck.judge(3, KEPT, KEPT, 94, NOT_HELD)).isEqualTo(DUPLICATE);
    }

    @Test
    void anotherEventAtAnAppliedSequenceIsDivergentNotADuplicate() {
        EventIdentity reissued = new EventIdentity("event-94-bis", "b".repeat(64));

        assertThat(DeliveryCheck.judge(94, reissued, KEPT, 94, NOT_HELD)).isEqualTo(DIVERGENT);
    }

    @Test
    void theSameIdWithAnotherHashIsDivergent() {
        assertThat(DeliveryCheck.judge(94, new EventIdentity("event-94", "b".repeat(64)), KEPT, 94, NOT_HELD))
                .isEqualTo(DIVERGENT);
    }

    @Test
    void theSameHashUnderAnotherIdIsDivergent() {
        assertThat(DeliveryCheck.judge(94, new EventIdentity("event-x", "a".repeat(64)), KEPT, 94, NOT_HELD))
                .isEqualTo(DIVERGENT);
    }

    @Test
    void anotherEventAtAHeldSequenceIsDivergentToo() {
        EventIdentity other = new EventIdentity("event-97-bis", "c".repeat(64));

        assertThat(DeliveryCheck.judge(97, other, KEPT, 94, NOT_HELD)).isEqualTo(DIVERGENT);
    }

    @Test
    void anEventPastAGapIsHeld() {
        assertThat(DeliveryCheck.judge(96, KEPT, KEPT, 94, NOT_HELD)).isEqualTo(AHEAD);
    }

    @Test
    void nothingAfterTheHoldIsAppliedUntilTheDivergenceIsResolved() {
        assertThat(DeliveryCheck.judge(95, KEPT, KEPT, 94, OptionalLong.of(94))).isEqualTo(BLOCKED);
        assertThat(DeliveryCheck.judge(120, KEPT, KEPT, 94, OptionalLong.of(94))).isEqualTo(BLOCKED);
    }

    @Test
    void aRebuildOfAHeldAggregateStillAppliesUpToTheHold() {
        assertThat(DeliveryCheck.judge(50, KEPT, KEPT, 49, OptionalLong.of(94))).isEqualTo(APPLY);
        assertThat(DeliveryCheck.judge(94, KEPT, KEPT, 93, OptionalLong.of(94))).isEqualTo(APPLY);
        assertThat(DeliveryCheck.judge(94, KEPT, KEPT, 94, OptionalLong.of(94))).isEqualTo(DUPLICATE);
    }

    @Test
    void aDivergentRecordIsRecognisedEvenWhileTheAggregateIsHeld() {
        EventIdentity other = new EventIdentity("event-99-bis", "d".repeat(64));

        assertThat(DeliveryCheck.judge(99, other, KEPT, 94, OptionalLong.of(94))).isEqualTo(DIVERGENT);
    }
}
