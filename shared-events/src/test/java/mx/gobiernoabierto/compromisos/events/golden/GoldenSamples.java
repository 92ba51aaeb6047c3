package mx.gobiernoabierto.compromisos.events.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/**
 * The golden JSON samples of the contract: one {@link EventEnvelope} per event type, frozen with its
 * {@code prevHash} and {@code hash}, as classpath resources {@code golden/<Type>.json}.
 *
 * <p>They ship in the {@code shared-events} test-jar, so that other modules can feed the exact JSON of every
 * event type to their consumers. Samples are never rewritten: an event that changes shape gets a new revision,
 * and the old sample must still read.
 *
 * <p>The commitment samples form one stream ({@code JAL-2024-03} of {@code stl-jalisco}, sequences 0 to 15),
 * so they also verify as a hash chain; {@code PlanRegistered} opens its plan's stream and
 * {@code CommitmentCancelled} is event 4 of another commitment ({@code JAL-2024-05}).
 */
public final class GoldenSamples {

    /** The classpath folder of the samples. */
    public static final String FOLDER = "golden";

    private GoldenSamples() {
    }

    /** The classpath resource name of a type's sample, e.g. {@code golden/CommitmentDrafted.json}. */
    public static String resourceName(String type) {
        return FOLDER + "/" + type + ".json";
    }

    /** The sample's JSON text, exactly as frozen; throws {@link IllegalArgumentException} if there is none. */
    public static String text(String type) {
        String name = resourceName(type);
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden sample " + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample of a wire type, read with {@link EventEnvelope#fromJson}. */
    public static EventEnvelope load(String type) {
        return EventEnvelope.fromJson(text(type));
    }

    /** The sample of every registered event type, by wire type, in {@link EventTypes#all()} order. */
    public static Map<String, EventEnvelope> all() {
        Map<String, EventEnvelope> samples = new LinkedHashMap<>();
        for (String type : EventTypes.all().keySet()) {
            samples.put(type, load(type));
        }
        return samples;
    }
}
