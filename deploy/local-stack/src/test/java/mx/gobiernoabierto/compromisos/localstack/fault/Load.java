package mx.gobiernoabierto.compromisos.localstack.fault;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that send commands as a careful client would: each with an {@code Idempotency-Key}, retried with the same
 * key until it is acknowledged (any 2xx), and every acknowledgement recorded with the version it was given. Each
 * client writes to a commitment of its own, so no answer is a version conflict. Each command carries a marker,
 * unique per command, in its note, by which the checks find its event on both sides.
 */
final class Load {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Mexico_City"));
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /** A command the command service acknowledged: its event is {@code version} of the commitment. */
    record Ack(String commitmentId, long version, String marker, long atNanos) {
    }

    /** A commitment in implementation and one of its milestones, to log progress on. */
    record Target(String commitmentId, String milestoneId) {
    }

    private final StackProcesses stack;
    private final String token;
    private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    Load(StackProcesses stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    void start(String scenario, List<Target> targets) {
        stopping.set(false);
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String prefix = scenario + "-c" + i + "-";
            clients.add(Thread.ofPlatform().name("fault-load-" + i).start(() -> {
                for (int n = 0; !stopping.get(); n++) {
                    send(target, prefix + n, n % 101);
                }
            }));
        }
    }

    /** Stops sending new commands; a command in flight is still retried until acknowledged (or given up). */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread client : clients) {
            client.join();
        }
        clients.clear();
    }

    /** Sends one command until it is acknowledged; returns its acknowledgement, or null if given up or refused. */
    Ack send(Target target, String marker, int percent) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("percent", percent, "note", marker, "reportedOn", TODAY.toString());
        String url = stack.commandUrl() + "/api/v1/commitments/" + target.commitmentId() + "/milestones/"
                + target.milestoneId() + "/progress";
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Http.Answer answer = Http.post(url, token, key, body, Duration.ofSeconds(10));
                if (answer.ok()) {
                    Ack ack = new Ack(target.commitmentId(), answer.json().get("version").asLong(), marker, System.nanoTime());
                    acks.add(ack);
                    return ack;
                }
                if (answer.status() >= 500 && answer.status() != 503) {
                    // an outage must be a 503 the client can retry on, never a 500
                    serverErrors.incrementAndGet();
                    System.out.println("fault-suite: " + marker + " answered " + answer.status() + " " + answer.body());
                }
                if (answer.status() < 500) {
                    refused.incrementAndGet();
                    System.out.println("fault-suite: " + marker + " refused: " + answer.status() + " " + answer.body());
                    return null;
                }
            } catch (IOException | RuntimeException unreachableOrCut) {
                // not acknowledged: the same key again
            }
            OsProcesses.sleep(Duration.ofMillis(200));
        }
        gaveUp.incrementAndGet();
        return null;
    }

    List<Ack> acks() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    void forget() {
        acks.clear();
    }

    int gaveUp() {
        return gaveUp.get();
    }

    int refused() {
        return refused.get();
    }

    /** Answers of 5xx other than 503 since the start. */
    int serverErrors() {
        return serverErrors.get();
    }
}
