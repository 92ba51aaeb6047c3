package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;

/**
 * The STL submitted a periodic monitoring report.
 *
 * @param reportId  the report's id, a UUID string
 * @param periodEnd the last day of the period it covers
 */
@EventRevision(1)
public record MonitoringReportSubmitted(String commitmentId, String reportId, LocalDate periodEnd,
                                        Assessment assessment, String narrative) implements CommitmentEvent {
}
