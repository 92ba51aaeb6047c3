package mx.gobiernoabierto.compromisos.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import mx.gobiernoabierto.compromisos.events.IndicatorDefined;
import mx.gobiernoabierto.compromisos.events.MeasurementRecorded;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.golden.GoldenSamples;

/** Events evolve by nullable components only: readers ignore what they do not know and miss what is absent. */
class EventCompatibilityTest {

    @Test
    void aPayloadWithAFieldThisVersionDoesNotKnowStillReads() {
        EventEnvelope sample = GoldenSamples.load("MeasurementRecorded");
        ObjectNode newer = (ObjectNode) sample.payload().deepCopy();
        newer.put("confidenceInterval", new BigDecimal("2.5"));
        newer.putObject("dataset").put("url", "https://datos.jalisco.gob.mx/dataset/contratos-obra-publica");

        MeasurementRecorded read = (MeasurementRecorded) EventJson.fromTree("MeasurementRecorded", newer);

        assertThat(read).isEqualTo(sample.event());
    }

    @Test
    void anEnvelopeWithAFieldThisVersionDoesNotKnowStillReads() {
        String sample = GoldenSamples.text("MilestoneCompleted");
        String newer = sample.replaceFirst("\\{", "{\n  \"schemaUri\" : \"https://compromisos.gobiernoabierto.mx/esquemas/v2\",");

        EventEnvelope read = EventEnvelope.fromJson(newer);

        assertThat(newer).contains("schemaUri");
        assertThat(read).isEqualTo(EventEnvelope.fromJson(sample));
        assertThat(read.hashMatches()).isTrue();
    }

    @Test
    void aMeasurementWithoutTheOptionalNoteReadsWithANullNote() {
        EventEnvelope sample = GoldenSamples.load("MeasurementRecorded");
        MeasurementRecorded full = (MeasurementRecorded) sample.event();
        ObjectNode older = (ObjectNode) sample.payload().deepCopy();
        older.remove("note");

        MeasurementRecorded read = (MeasurementRecorded) EventJson.fromTree("MeasurementRecorded", older);

        assertThat(read.note()).isNull();
        assertThat(read).isEqualTo(new MeasurementRecorded(full.commitmentId(), full.indicatorId(),
                full.measurementId(), full.value(), full.measuredOn(), full.source(), null));
    }

    @Test
    void progressWithoutNoteOrEvidenceReadsAsANullNoteAndNoEvidence() {
        ObjectNode older = (ObjectNode) GoldenSamples.load("MilestoneProgressLogged").payload().deepCopy();
        older.remove("note");
        older.remove("evidenceUrls");

        MilestoneProgressLogged read = (MilestoneProgressLogged) EventJson.fromTree("MilestoneProgressLogged", older);

        assertThat(read.note()).isNull();
        assertThat(read.evidenceUrls()).isEmpty();
        assertThat(read.percent()).isEqualTo(40);
    }

    @Test
    void anIndicatorWithoutAnSdgIndicatorReadsWithANullCode() {
        ObjectNode older = (ObjectNode) GoldenSamples.load("IndicatorDefined").payload().deepCopy();
        older.remove("sdgIndicator");

        IndicatorDefined read = (IndicatorDefined) EventJson.fromTree("IndicatorDefined", older);

        assertThat(read.sdgIndicator()).isNull();
        assertThat(read.baseline()).isEqualByComparingTo("12.5");
    }

    @Test
    void anAbsentOptionalFieldIsLeftOutOfTheJsonSoTheHashOfOlderEventsHolds() {
        MeasurementRecorded withoutNote = new MeasurementRecorded("4dd3f60b-de88-4ff3-a07a-076f338b436f",
                "ee3de1af-7cc1-4d7d-8201-22f26300f91d", "0efd9feb-5537-4578-9485-0b49c12f7e37",
                new BigDecimal("61.3"), LocalDate.of(2025, 3, 31),
                "Contraloría del Estado de Jalisco, cotejo del primer trimestre de 2025", null);
        JsonNode writtenByAnOlderVersion = EventJson.readTree("""
                {"commitmentId":"4dd3f60b-de88-4ff3-a07a-076f338b436f",
                 "indicatorId":"ee3de1af-7cc1-4d7d-8201-22f26300f91d",
                 "measurementId":"0efd9feb-5537-4578-9485-0b49c12f7e37",
                 "value":61.3,"measuredOn":"2025-03-31",
                 "source":"Contraloría del Estado de Jalisco, cotejo del primer trimestre de 2025"}""");

        EventEnvelope envelope = EventEnvelope.of("5f025521-1014-45ea-b3c0-b1095f2d09cc", withoutNote, 11,
                Instant.parse("2025-04-10T16:09:41.530Z"), "laura.mendez@jalisco.gob.mx",
                "df5bb40c-5b4b-434a-84ca-97682af87d83", HashChain.GENESIS);

        assertThat(EventJson.toTree(withoutNote).has("note")).isFalse();
        assertThat(EventJson.write(withoutNote)).doesNotContain("note");
        assertThat(envelope.hash()).isEqualTo(HashChain.hash(HashChain.GENESIS, withoutNote.commitmentId(), 11,
                "MeasurementRecorded", "2025-04-10T16:09:41.530Z", "laura.mendez@jalisco.gob.mx",
                writtenByAnOlderVersion));
    }
}
