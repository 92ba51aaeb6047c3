package mx.gobiernoabierto.compromisos.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An indicator of the commitment's effect was defined.
 *
 * @param indicatorId         the indicator's id, a UUID string
 * @param baseline            the value at {@code baselineDate}
 * @param target              the value aimed for by {@code targetDate}; differs from {@code baseline}
 * @param sdgIndicator        optional SDG indicator code, e.g. {@code 16.6.2}; {@code null} when none
 */
@EventRevision(1)
public record IndicatorDefined(String commitmentId, String indicatorId, String name, IndicatorKind kind,
                               String unit, BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
                               LocalDate targetDate, Direction direction, Frequency frequency,
                               String meansOfVerification, String sdgIndicator) implements CommitmentEvent {
}
