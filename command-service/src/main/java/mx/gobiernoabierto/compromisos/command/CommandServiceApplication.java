package mx.gobiernoabierto.compromisos.command;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The command service: commands over HTTP, events into the PostgreSQL event store, and from there onto Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommandServiceApplication {

    /** Its settings file is {@code command-service.yml}, so that it can share a JVM with the query service. */
    public static final String CONFIG_NAME = "spring.config.name=command-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
