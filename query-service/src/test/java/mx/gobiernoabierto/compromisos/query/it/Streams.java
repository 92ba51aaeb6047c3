package mx.gobiernoabierto.compromisos.query.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import mx.gobiernoabierto.compromisos.events.*;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/** Builds chained envelopes the way the command service publishes them. */
final class Streams {

    private Streams() {
    }

    static List<EventEnvelope> chain(Instant start, DomainEvent... events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 0; i < events.length; i++) {
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), events[i], i,
                    start.plusSeconds(60L * i), "ana.lopez", "corr-" + i, prev);
            envelopes.add(envelope);
            prev = envelope.hash();
        }
        return envelopes;
    }

    /**
     * A long commitment as the benchmark generates it: drafted, one milestone planned, then progress logged on it,
     * {@code events} events in all, the event at each sequence occurring at {@code at.apply(sequence)}.
     */
    static List<EventEnvelope> progressLog(String planId, String commitmentId, int events,
                                           java.util.function.LongFunction<Instant> at) {
        String milestone = id();
        List<DomainEvent> stream = new ArrayList<>();
        for (int sequence = 0; sequence < events; sequence++) {
            stream.add(switch (sequence) {
                case 0 -> new CommitmentDrafted(commitmentId, planId, "stl-oaxaca", "GEN-" + commitmentId.substring(0, 8),
                        "Compromiso largo", "Problema", "Objetivo", List.of("Institución"), List.of("Organización"),
                        List.of(OgpValue.TRANSPARENCY), List.of("16.6"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2026, 12, 31));
                case 1 -> new MilestonePlanned(commitmentId, milestone, "Hito", "d", LocalDate.of(2025, 1, 1), "r",
                        BigDecimal.ONE);
                default -> new MilestoneProgressLogged(commitmentId, milestone, sequence % 101, "Avance", List.of(),
                        LocalDate.of(2024, 9, 1));
            });
        }
        List<EventEnvelope> envelopes = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 0; i < events; i++) {
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), stream.get(i), i, at.apply(i),
                    "ana.lopez", "corr-" + i, prev);
            envelopes.add(envelope);
            prev = envelope.hash();
        }
        return envelopes;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** A commitment of 2024–2026 with two milestones (weights 1 and 3) and an INCREASE indicator 10 → 110. */
    record Story(String planId, String commitmentId, String m1, String m2, String indicator, String measurement) {

        static Story create() {
            return new Story(id(), id(), id(), id(), id(), id());
        }

        PlanRegistered plan() {
            return new PlanRegistered(planId, "stl-oaxaca", "STL Oaxaca", "Oaxaca", "PAL Oaxaca 2024-2026",
                    LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        }

        List<DomainEvent> events() {
            return List.of(
                    new CommitmentDrafted(commitmentId, planId, "stl-oaxaca", "OAX-2024-01", "Compras abiertas",
                            "Las compras públicas son opacas", "Publicar contrataciones en datos abiertos",
                            List.of("Secretaría de Administración"), List.of("Colectivo Oaxaca Abierta"),
                            List.of(OgpValue.TRANSPARENCY), List.of("16.6", "12.7"), LocalDate.of(2024, 1, 1),
                            LocalDate.of(2025, 12, 31)),
                    new MilestonePlanned(commitmentId, m1, "Diagnóstico", "Diagnóstico de compras", LocalDate.of(2024, 6, 30),
                            "Secretaría de Administración", BigDecimal.ONE),
                    new MilestonePlanned(commitmentId, m2, "Portal", "Portal de contrataciones", LocalDate.of(2025, 6, 30),
                            "Secretaría de Administración", new BigDecimal("3")),
                    new IndicatorDefined(commitmentId, indicator, "Contratos publicados", IndicatorKind.OUTPUT,
                            "contratos", new BigDecimal("10"), LocalDate.of(2024, 1, 1), new BigDecimal("110"),
                            LocalDate.of(2025, 12, 31), Direction.INCREASE, Frequency.QUARTERLY, "Portal", "16.6.2"),
                    new CommitmentAdopted(commitmentId, LocalDate.of(2024, 2, 1), List.of(
                            new Approval(Sector.GOVERNMENT, "A"), new Approval(Sector.TRANSPARENCY_BODY, "B"),
                            new Approval(Sector.CIVIL_SOCIETY, "C"))),
                    new ImplementationStarted(commitmentId, LocalDate.of(2024, 2, 15)),
                    new MilestoneCompleted(commitmentId, m1, LocalDate.of(2024, 6, 1),
                            List.of("https://oaxaca.gob.mx/diagnostico.pdf"), null),
                    new MilestoneProgressLogged(commitmentId, m2, 40, "Avance", List.of(), LocalDate.of(2024, 9, 1)),
                    new MeasurementRecorded(commitmentId, indicator, measurement, new BigDecimal("45"),
                            LocalDate.of(2024, 9, 30), "Portal", null),
                    new MeasurementCorrected(commitmentId, indicator, measurement, new BigDecimal("45"),
                            new BigDecimal("35"), "Duplicados"));
        }
    }
}
