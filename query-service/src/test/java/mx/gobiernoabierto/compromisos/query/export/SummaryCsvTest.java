package mx.gobiernoabierto.compromisos.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews.Summary;

class SummaryCsvTest {

    @Test
    void writesAHeaderOfTheSummaryFieldsAndOneRowEachInTheSameOrder() {
        Summary inImplementation = new Summary("3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b",
                "9a1b2c3d-4e5f-4a7b-8c1e-6d4a3f2b8c1e", "stl-oaxaca", "OAX-2024-01", "Compras abiertas, en línea",
                CommitmentStatus.IN_IMPLEMENTATION, new BigDecimal("55.0"), 2, 1, 0, 1, new BigDecimal("25.0"),
                "ON_TRACK", List.of("16.6", "12.7"), List.of(OgpValue.TRANSPARENCY, OgpValue.CIVIC_PARTICIPATION),
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), "2024-09-30T12:00:00.000Z", 7);
        Summary draft = new Summary("4f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b", "9a1b2c3d-4e5f-4a7b-8c1e-6d4a3f2b8c1e",
                "stl-oaxaca", "OAX-2024-02", "=HYPERLINK(\"x\")", CommitmentStatus.DRAFT, BigDecimal.ZERO, 0, 0, 0, 0,
                null, null, List.of(), List.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31),
                "2024-09-30T12:00:00.000Z", 0);

        assertThat(SummaryCsv.write(List.of(inImplementation, draft))).isEqualTo(
                "commitmentId,planId,stlId,code,title,status,implementationProgress,milestonesTotal,"
                        + "milestonesCompleted,milestonesOverdue,indicatorsTotal,indicatorMeanProgress,scheduleStatus,"
                        + "sdgTargets,ogpValues,startDate,endDate,lastEventAt,version\r\n"
                        + "3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b,9a1b2c3d-4e5f-4a7b-8c1e-6d4a3f2b8c1e,stl-oaxaca,"
                        + "OAX-2024-01,\"Compras abiertas, en línea\",IN_IMPLEMENTATION,55.0,2,1,0,1,25.0,ON_TRACK,"
                        + "16.6;12.7,TRANSPARENCY;CIVIC_PARTICIPATION,2024-01-01,2026-12-31,2024-09-30T12:00:00.000Z,7\r\n"
                        + "4f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b,9a1b2c3d-4e5f-4a7b-8c1e-6d4a3f2b8c1e,stl-oaxaca,"
                        + "OAX-2024-02,\"'=HYPERLINK(\"\"x\"\")\",DRAFT,0,0,0,0,0,,,,,2024-01-01,2026-12-31,"
                        + "2024-09-30T12:00:00.000Z,0\r\n");
    }
}
