package mx.gobiernoabierto.compromisos.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.EventRevision;
import mx.gobiernoabierto.compromisos.events.golden.GoldenSamples;

/** The registry that maps wire {@code type} names to event records. */
class EventTypesTest {

    @Test
    void everyPermittedRecordOfTheSealedHierarchyIsRegistered() {
        // DomainEvent permits one sealed interface per aggregate, and each of those permits the records
        List<Class<?>> records = Arrays.stream(DomainEvent.class.getPermittedSubclasses())
                .flatMap(aggregateEvents -> Arrays.stream(aggregateEvents.getPermittedSubclasses()))
                .toList();

        assertThat(records).allMatch(Class::isRecord, "is a record");
        assertThat(EventTypes.all().values()).<Class<?>>map(eventClass -> eventClass)
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void theWireNamesAreTheEventsOfTheContract() {
        assertThat(EventTypes.all().keySet()).containsExactlyInAnyOrder(
                "PlanRegistered",
                "CommitmentDrafted", "CommitmentDetailsRevised", "MilestonePlanned", "IndicatorDefined",
                "CommitmentAdopted", "ImplementationStarted", "MilestoneProgressLogged", "MilestoneCompleted",
                "MilestoneRescheduled", "MeasurementRecorded", "MeasurementCorrected", "MonitoringReportSubmitted",
                "CommitmentCompleted", "CommitmentEvaluated", "CommitmentSuspended", "CommitmentResumed",
                "CommitmentCancelled");
    }

    @Test
    void everyWireNameIsTheSimpleNameOfItsRecordAndLeadsBackToIt() {
        for (Map.Entry<String, Class<? extends DomainEvent>> entry : EventTypes.all().entrySet()) {
            assertThat(entry.getKey()).isEqualTo(entry.getValue().getSimpleName());
            assertThat(EventTypes.typeOf(entry.getValue())).isEqualTo(entry.getKey());
            assertThat(EventTypes.classOf(entry.getKey())).isEqualTo(entry.getValue());
            assertThat(EventTypes.find(entry.getKey())).contains(entry.getValue());
        }
    }

    @Test
    void everyEventStartsAtRevisionOne() {
        for (Class<? extends DomainEvent> eventClass : EventTypes.all().values()) {
            EventRevision revision = eventClass.getAnnotation(EventRevision.class);

            assertThat(revision).as("@EventRevision on %s", eventClass.getSimpleName()).isNotNull();
            assertThat(revision.value()).as("revision of %s", eventClass.getSimpleName()).isEqualTo(1);
            assertThat(EventTypes.revisionOf(eventClass)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CommitmentRenamed", "commitmentDrafted", "COMMITMENT_DRAFTED", "CommitmentEvent", ""})
    void anUnknownTypeIsRejectedByName(String unknown) {
        assertThat(EventTypes.find(unknown)).isEmpty();
        assertThatThrownBy(() -> EventTypes.classOf(unknown))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessage("unknown event type: " + unknown);
        assertThatThrownBy(() -> EventJson.fromTree(unknown, GoldenSamples.load("CommitmentDrafted").payload()))
                .isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void anEnvelopeOfAnUnknownTypeCannotBeReadAsAnEvent() {
        String renamed = GoldenSamples.text("CommitmentDrafted")
                .replace("\"type\" : \"CommitmentDrafted\"", "\"type\" : \"CompromisoRedactado\"");
        EventEnvelope envelope = EventEnvelope.fromJson(renamed);

        assertThat(envelope.type()).isEqualTo("CompromisoRedactado");
        assertThatThrownBy(envelope::event).isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void aClassWithoutEventRevisionHasNoRevision() {
        assertThatIllegalStateException()
                .isThrownBy(() -> EventTypes.revisionOf(String.class))
                .withMessageContaining("@EventRevision");
    }

    @Test
    void theRegistryCannotBeChangedByItsReaders() {
        assertThatThrownBy(() -> EventTypes.all().put("CommitmentRenamed", CommitmentDrafted.class))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
