package mx.gobiernoabierto.compromisos.localstack.fault;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What each side holds: the command side's events read straight from its event store, the query side's from its
 * {@code /history}; and the two {@code /integrity} answers.
 */
final class Ledger {

    private Ledger() {
    }

    /** sequence → payload JSON, from the event store's own rows. */
    static Map<Long, String> commandSide(StackProcesses stack, String commitmentId) throws SQLException {
        Map<Long, String> events = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("compromisos_command"), "postgres", "");
             PreparedStatement select = connection.prepareStatement("SELECT sequencenumber, convert_from(payload, 'UTF8') "
                     + "FROM domainevententry WHERE aggregateidentifier = ?")) {
            select.setString(1, commitmentId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return events;
    }

    /** sequence → payload JSON, from the query service's history (its archive of every event received). */
    static Map<Long, String> querySide(StackProcesses stack, String commitmentId) throws IOException {
        Http.Answer answer = Http.get(stack.queryUrl() + "/api/v1/commitments/" + commitmentId + "/history",
                Duration.ofSeconds(30));
        if (!answer.ok()) {
            throw new IOException("history answered " + answer.status());
        }
        Map<Long, String> events = new HashMap<>();
        for (JsonNode event : answer.json().get("events")) {
            events.put(event.get("sequence").asLong(), event.get("payload").toString());
        }
        return events;
    }

    record Integrity(boolean valid, long events, String headHash) {
    }

    static Integrity integrity(String baseUrl, String commitmentId) throws IOException {
        Http.Answer answer = Http.get(baseUrl + "/api/v1/commitments/" + commitmentId + "/integrity", Duration.ofSeconds(30));
        if (!answer.ok()) {
            throw new IOException("integrity answered " + answer.status());
        }
        JsonNode json = answer.json();
        return new Integrity(json.get("valid").asBoolean(), json.get("events").asLong(), json.get("headHash").asString());
    }

    /** Whether both sides hold the same valid chain of every commitment. */
    static boolean headsEqual(StackProcesses stack, List<String> commitments) {
        try {
            for (String id : commitments) {
                Integrity command = integrity(stack.commandUrl(), id);
                Integrity query = integrity(stack.queryUrl(), id);
                if (!command.valid() || !query.valid() || command.events() != query.events()
                        || !command.headHash().equals(query.headHash())) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static int count(String payload, String marker) {
        return payload != null && payload.contains("\"" + marker + "\"") ? 1 : 0;
    }
}
