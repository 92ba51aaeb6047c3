package mx.gobiernoabierto.compromisos.query.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the query service.
 *
 * @param topic           the event topic to consume
 * @param topicPartitions partitions of the event topic if this service creates it
 * @param deadLetterTopic where unreadable records go, with the reason in their headers
 * @param timeZone        the calendar of "today", the default {@code on=} date
 * @param minVersionWait  how long a read with {@code minVersion=} waits for the view to catch up
 * @param heldAlarmAfter  how long an event may wait for a gap to fill before the alarm gauge counts it
 */
@ConfigurationProperties("compromisos.query")
public record QueryProperties(@DefaultValue("compromisos.events") String topic,
                              @DefaultValue("6") int topicPartitions,
                              @DefaultValue("compromisos.events.dlt") String deadLetterTopic,
                              @DefaultValue("America/Mexico_City") ZoneId timeZone,
                              @DefaultValue("5s") Duration minVersionWait,
                              @DefaultValue("60s") Duration heldAlarmAfter) {
}
