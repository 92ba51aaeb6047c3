package mx.gobiernoabierto.compromisos.events.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.CommitmentEvaluated;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/**
 * The frozen samples prove that events written today still read tomorrow: a change to the records, to their
 * JSON form or to the canonicalization that feeds the hash breaks one of these tests.
 */
class GoldenSamplesTest {

    /**
     * JSON has one kind of number, Jackson several: {@code 2} reads back as an int node, while a
     * {@code BigDecimal} component writes a decimal node. Numbers are equal here when their values are.
     */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static Stream<String> eventTypes() {
        return EventTypes.all().keySet().stream();
    }

    @Test
    void everyEventTypeHasAGoldenSampleAndNoSampleIsOrphaned() throws IOException, URISyntaxException {
        URL folder = GoldenSamples.class.getClassLoader().getResource(GoldenSamples.FOLDER);
        assertThat(folder).as("the golden folder on the test classpath").isNotNull();

        Set<String> files;
        try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
            files = listing.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(
                EventTypes.all().keySet().stream().map(type -> type + ".json").toList());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeRoundTripsThroughItsGoldenSample(String type) {
        EventEnvelope sample = GoldenSamples.load(type);

        DomainEvent event = sample.event();
        JsonNode writtenBack = EventJson.toTree(event);

        assertThat(sample.type()).isEqualTo(type);
        assertThat(event).isExactlyInstanceOf(EventTypes.classOf(type));
        assertThat(sample.revision()).isEqualTo(EventTypes.revisionOf(event.getClass()));
        assertThat(sample.aggregateId()).isEqualTo(event.aggregateId());
        assertThat(sample.aggregateType()).isEqualTo(event.aggregateType());
        assertThat(writtenBack.equals(NUMBERS_BY_VALUE, sample.payload()))
                .withFailMessage("%s written back:%n%s%nis not the sample's payload:%n%s",
                        type, writtenBack, sample.payload())
                .isTrue();
        assertThat(EventJson.fromTree(type, writtenBack)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyGoldenSampleStillHashesToItsFrozenHash(String type) {
        EventEnvelope sample = GoldenSamples.load(type);

        EventEnvelope rewritten = EventEnvelope.of(sample.eventId(), sample.event(), sample.sequence(),
                sample.occurredAtInstant(), sample.actor(), sample.correlationId(), sample.prevHash());

        assertThat(sample.hashMatches()).as("the frozen hash over the frozen fields").isTrue();
        assertThat(rewritten.hash()).as("the hash of the same event written today").isEqualTo(sample.hash());
        assertThat(rewritten.occurredAt()).isEqualTo(sample.occurredAt());
    }

    @Test
    void theGoldenCommitmentStreamIsAnUnbrokenHashChain() {
        String commitmentId = ((CommitmentDrafted) GoldenSamples.load("CommitmentDrafted").event()).commitmentId();
        List<EventEnvelope> stream = GoldenSamples.all().values().stream()
                .filter(envelope -> envelope.aggregateId().equals(commitmentId))
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .toList();

        HashChain.Verification verification = HashChain.verify(commitmentId, stream.stream()
                .map(e -> new HashChain.Link(e.sequence(), e.type(), e.occurredAt(), e.actor(), e.payload(),
                        e.prevHash(), e.hash()))
                .toList());

        assertThat(stream).extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(stream.size()).toList());
        assertThat(stream.getLast().event()).isInstanceOf(CommitmentEvaluated.class);
        assertThat(verification).isEqualTo(new HashChain.Verification(true, 16, stream.getLast().hash(), null));
    }

    @Test
    void aMissingSampleIsReportedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GoldenSamples.text("CommitmentRenamed"))
                .withMessageContaining("golden/CommitmentRenamed.json");
    }
}
