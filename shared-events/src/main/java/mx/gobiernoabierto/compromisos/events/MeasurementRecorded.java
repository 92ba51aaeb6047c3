package mx.gobiernoabierto.compromisos.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A measurement of a defined indicator was recorded.
 *
 * @param measurementId the measurement's id, a UUID string
 * @param measuredOn    the date the value holds for, not in the future
 * @param source        where the value comes from
 * @param note          optional note; {@code null} when none
 */
@EventRevision(1)
public record MeasurementRecorded(String commitmentId, String indicatorId, String measurementId, BigDecimal value,
                                  LocalDate measuredOn, String source, String note) implements CommitmentEvent {
}
