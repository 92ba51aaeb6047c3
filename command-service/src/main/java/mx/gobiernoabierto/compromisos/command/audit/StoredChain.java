package mx.gobiernoabierto.compromisos.command.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;

/**
 * Reads an aggregate's chain straight from the event store's rows: the payload as the stored JSON bytes, not
 * as the Java record would write it again, so an auditor's check sees exactly what was stored.
 */
@Component
class StoredChain {

    private final JdbcClient jdbc;

    StoredChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HashChain.Link> read(String aggregateId) {
        return jdbc.sql("""
                        SELECT sequencenumber, payloadtype, timestamp, payload, metadata
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(aggregateId)
                .query((row, n) -> {
                    JsonNode metadata = EventJson.readTree(new String(row.getBytes("metadata"), StandardCharsets.UTF_8));
                    String payloadType = row.getString("payloadtype");
                    return new HashChain.Link(
                            row.getLong("sequencenumber"),
                            simpleName(payloadType),
                            HashChain.formatInstant(Instant.parse(row.getString("timestamp"))),
                            text(metadata, HashChainInterceptor.ACTOR),
                            EventJson.readTree(new String(row.getBytes("payload"), StandardCharsets.UTF_8)),
                            text(metadata, HashChainInterceptor.PREV_HASH),
                            text(metadata, HashChainInterceptor.HASH));
                })
                .list();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String text(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
