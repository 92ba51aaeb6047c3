package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import mx.gobiernoabierto.compromisos.command.CommandServiceApplication;
import mx.gobiernoabierto.compromisos.infrastructure.KafkaEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.query.QueryServiceApplication;

/**
 * Both services in one JVM, each in its own application context with its own settings file and database. The
 * query service's context leaves Axon's auto-configuration out: Axon is on the shared class path only for the
 * command service. Both leave Spring Authorization Server's auto-configuration out: it is on the class path only for
 * the {@link DemoIdentityProvider} (it would otherwise give each service a JWT decoder of a key of its own).
 */
public final class Services implements AutoCloseable {

    private final ConfigurableApplicationContext command;
    private final ConfigurableApplicationContext query;

    private Services(ConfigurableApplicationContext command, ConfigurableApplicationContext query) {
        this.command = command;
        this.query = query;
    }

    /**
     * Starts the query service, then the command service: the query side's consumer holds its partitions before the
     * first command can be accepted, so that a write right after a restart can be read back at once with
     * {@code minVersion} instead of waiting behind a backlog built while only the command side was up.
     *
     * @param commandDatabase the command service's own database (its event store)
     * @param queryDatabase   the query service's own database (its views)
     * @param extra           further {@code --name=value} settings for both
     */
    public static Services start(PostgresEndpoint commandDatabase, PostgresEndpoint queryDatabase, KafkaEndpoint kafka,
                                 int commandPort, int queryPort, List<String> extra) {
        // the query service starts first, yet its pages link to the command service and let browsers call it: so the
        // command service's port is chosen before either starts
        int commandServicePort = commandPort == 0 ? freePort() : commandPort;
        List<String> queryArguments = arguments(queryDatabase, kafka, queryPort, extra);
        queryArguments.add(leftOut(true));
        queryArguments.add("--compromisos.query.command-service-url=http://localhost:" + commandServicePort);
        // no Spring shutdown hooks: the caller stops the services first, then Kafka and PostgreSQL, in one place
        ConfigurableApplicationContext query = new SpringApplicationBuilder(QueryServiceApplication.class)
                .registerShutdownHook(false)
                .properties(QueryServiceApplication.CONFIG_NAME)
                .run(queryArguments.toArray(String[]::new));
        List<String> commandArguments = arguments(commandDatabase, kafka, commandServicePort, extra);
        commandArguments.add(leftOut(false));
        try {
            ConfigurableApplicationContext command = new SpringApplicationBuilder(CommandServiceApplication.class)
                    .registerShutdownHook(false)
                    .properties(CommandServiceApplication.CONFIG_NAME)
                    .run(commandArguments.toArray(String[]::new));
            return new Services(command, query);
        } catch (RuntimeException e) {
            query.close();
            throw e;
        }
    }

    /** A port nobody listens on now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    static List<String> arguments(PostgresEndpoint database, KafkaEndpoint kafka, int port, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        arguments.addAll(extra);
        return arguments;
    }

    /** The port the command service listens on (useful when started on port 0). */
    public int commandPort() {
        return Integer.parseInt(command.getEnvironment().getProperty("local.server.port", "-1"));
    }

    public int queryPort() {
        return Integer.parseInt(query.getEnvironment().getProperty("local.server.port", "-1"));
    }

    public ConfigurableApplicationContext commandContext() {
        return command;
    }

    public ConfigurableApplicationContext queryContext() {
        return query;
    }

    /**
     * Stops both services: first both web servers stop taking requests and finish the ones in flight (graceful
     * shutdown, at most 30 s), and only then the contexts close, which stops the event publisher (command) and the
     * consumer, which leaves its group (query), and closes the database pools. Left to itself, Spring would stop the
     * query service's consumer before its web server, so a {@code minVersion} read in flight could not be answered.
     */
    @Override
    public void close() {
        inParallel(() -> drain(command), () -> drain(query));
        inParallel(command::close, query::close);
    }

    private static void drain(ConfigurableApplicationContext context) {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        WebServer server = web.getWebServer();
        CompletableFuture<GracefulShutdownResult> drained = new CompletableFuture<>();
        server.shutDownGracefully(drained::complete);
        try {
            drained.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // what is still running is cut off by the stop below
        }
        server.stop();
    }

    private static void inParallel(Runnable first, Runnable second) {
        Thread other = Thread.ofPlatform().name("local-stack-stop").start(second);
        try {
            first.run();
        } finally {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The setting that leaves out the auto-configurations a service must not have on the local stack's class path:
     * Spring Authorization Server's (the {@link DemoIdentityProvider}'s alone) and, for the query service, Axon's.
     */
    static String leftOut(boolean query) {
        Set<String> classes = new LinkedHashSet<>(autoConfigurations(
                "org.springframework.boot.security.oauth2.server.authorization."));
        if (query) {
            classes.addAll(autoConfigurations("org.axonframework."));
        }
        return "--spring.autoconfigure.exclude=" + String.join(",", classes);
    }

    /** The auto-configuration classes whose names begin with {@code prefix}, as their jars list them for Spring Boot. */
    private static Set<String> autoConfigurations(String prefix) {
        Set<String> classes = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(Services.class.getClassLoader().getResources(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
                try (InputStream in = url.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(String::strip)
                            .filter(line -> line.startsWith(prefix))
                            .forEach(classes::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list auto-configurations", e);
        }
        return classes;
    }
}
