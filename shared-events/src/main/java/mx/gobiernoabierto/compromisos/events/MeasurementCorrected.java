package mx.gobiernoabierto.compromisos.events;

import java.math.BigDecimal;

/**
 * A recorded measurement was found wrong; {@code value} supersedes it. Nothing is overwritten: the original
 * stays in its {@link MeasurementRecorded} event.
 *
 * @param previousValue the value this correction supersedes
 * @param value         the corrected value
 * @param reason        why it was corrected
 */
@EventRevision(1)
public record MeasurementCorrected(String commitmentId, String indicatorId, String measurementId,
                                   BigDecimal previousValue, BigDecimal value, String reason)
        implements CommitmentEvent {
}
