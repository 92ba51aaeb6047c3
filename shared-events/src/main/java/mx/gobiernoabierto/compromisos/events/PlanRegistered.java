package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;

/**
 * A Local Action Plan (PAL) was registered for an STL.
 *
 * @param planId       the plan's id, a UUID string
 * @param stlId        the STL's slug, e.g. {@code stl-jalisco}
 * @param stlName      the STL's display name
 * @param jurisdiction the jurisdiction the STL serves, e.g. {@code Jalisco}
 * @param title        the plan's title
 * @param periodStart  first day of the plan's period
 * @param periodEnd    last day of the plan's period, not before {@code periodStart}
 */
@EventRevision(1)
public record PlanRegistered(String planId, String stlId, String stlName, String jurisdiction, String title,
                             LocalDate periodStart, LocalDate periodEnd) implements PlanEvent {
}
