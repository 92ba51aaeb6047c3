package mx.gobiernoabierto.compromisos.command.transparency;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TransparencyConfig {

    private static final Logger LOG = LoggerFactory.getLogger(TransparencyConfig.class);

    @Bean
    SigningKey logSigningKey(LogProperties properties) {
        return SigningKey.from(properties);
    }

    /** One partition, so every reader sees checkpoints in signing order; kept forever, so anyone can audit them. */
    @Bean
    NewTopic checkpointTopic(LogProperties properties) {
        return TopicBuilder.name(properties.checkpointTopic()).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    /** A failure to append must stop the log and be retried: a skipped event would be a leaf missing for ever. */
    @Bean
    ConfigurerModule logFailsLoudly() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(LogAppender.PROCESSOR, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The tree is rebuilt from the event store when its tables are empty but the log's processor has a position
     * (the tables were lost or emptied): forgetting the position makes the processor read the store from the start
     * when Axon starts it, after every bean (this one included) is ready.
     */
    @Bean
    @DependsOn("flywayInitializer")
    InitializingBean rebuildLogWhenMissing(JdbcClient jdbc) {
        return () -> {
            long leaves = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM log_leaf LIMIT 1) AS any_leaf")
                    .query(Long.class).single();
            if (leaves == 0) {
                int forgotten = jdbc.sql("DELETE FROM tokenentry WHERE processorname = ?").param(LogAppender.PROCESSOR)
                        .update();
                if (forgotten > 0) {
                    LOG.warn("The transparency log's tree is missing: rebuilding it from the event store");
                }
            }
        };
    }
}
