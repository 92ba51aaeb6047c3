package mx.gobiernoabierto.compromisos.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The query service: progress views folded from the event topic, the auditors' history, integrity and as-of
 * views, and the analysts' lists, progress figures and exports.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    /** Its settings file is {@code query-service.yml}, so that it can share a JVM with the command service. */
    public static final String CONFIG_NAME = "spring.config.name=query-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QueryServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
