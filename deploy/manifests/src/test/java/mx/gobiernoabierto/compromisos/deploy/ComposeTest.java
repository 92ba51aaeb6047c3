package mx.gobiernoabierto.compromisos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import mx.gobiernoabierto.compromisos.deploy.ServiceSettings.Service;

/** deploy/compose/compose.yaml is wired together consistently. */
class ComposeTest {

    private static final Path COMPOSE_DIR = Repository.path(DeploymentFiles.COMPOSE).getParent();

    static Map<String, String> environment(Service service) {
        return DeploymentFiles.composeEnvironment(DeploymentFiles.composeService(service.id));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceIsBuiltFromItsDockerfile(Service service) {
        Map<String, Object> app = DeploymentFiles.composeService(service.id);
        Path context = COMPOSE_DIR.resolve(Yamls.string(app, "build", "context")).normalize();
        assertThat(context).isEqualTo(Repository.ROOT);
        assertThat(context.resolve(Yamls.string(app, "build", "dockerfile")).normalize())
                .isEqualTo(DeploymentFiles.dockerfile(service));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void eachServiceListensWhereItIsPublishedAndWaitsForItsInfrastructure(Service service) {
        Map<String, Object> app = DeploymentFiles.composeService(service.id);
        String port = environment(service).get("PORT");
        assertThat(port).as("PORT").isNotNull();
        assertThat(Yamls.list(app.get("ports"))).isNotEmpty().allSatisfy(mapping -> {
            String[] parts = String.valueOf(mapping).split(":");
            assertThat(parts[parts.length - 1]).as("container port of " + mapping).isEqualTo(port);
        });
        assertThat(Yamls.string(app, "healthcheck", "test")).contains("/actuator/health/");
        for (String dependency : List.of("postgres", "kafka")) {
            assertThat(Yamls.string(app, "depends_on", dependency, "condition")).as(dependency)
                    .isEqualTo("service_healthy");
        }
    }

    /** The system of record never runs on a PostgreSQL that may lose acknowledged commits. */
    @Test
    void postgresIsDurableWithDataChecksums() {
        Map<String, Object> postgres = Yamls.map(Yamls.map(DeploymentFiles.compose().get("services")).get("postgres"));
        List<String> command = Yamls.list(postgres.get("command")).stream().map(String::valueOf).toList();
        assertThat(command).contains("fsync=on", "synchronous_commit=on", "full_page_writes=on")
                .noneMatch(option -> option.endsWith("=off") || option.equals("-F"));
        assertThat(DeploymentFiles.composeEnvironment(postgres).get("POSTGRES_INITDB_ARGS")).contains("--data-checksums");
    }

    /** A dependency with condition service_healthy needs a health check, or its dependants never start. */
    @Test
    void everyHealthConditionHasAHealthCheck() {
        Yamls.map(DeploymentFiles.compose().get("services")).forEach((name, service) ->
                Yamls.map(Yamls.map(service).get("depends_on")).forEach((dependency, condition) -> {
                    if ("service_healthy".equals(Yamls.string(condition, "condition"))) {
                        assertThat(Yamls.at(DeploymentFiles.composeService(dependency), "healthcheck"))
                                .as(dependency + ", on which " + name + " waits").isNotNull();
                    }
                }));
    }

    @Test
    void bothServicesUseOneTopicWithOnePartitionCountAndTheReplicasFitIt() {
        Map<String, String> command = environment(Service.COMMAND);
        Map<String, String> query = environment(Service.QUERY);
        assertThat(query.get("COMPROMISOS_QUERY_TOPIC")).isEqualTo(command.get("COMPROMISOS_TOPIC")).isNotNull();
        assertThat(query.get("COMPROMISOS_QUERY_TOPIC_PARTITIONS"))
                .isEqualTo(command.get("COMPROMISOS_TOPIC_PARTITIONS")).isNotNull();

        Object replicas = Yamls.at(DeploymentFiles.composeService(Service.QUERY.id), "deploy", "replicas");
        int partitions = Integer.parseInt(query.get("COMPROMISOS_QUERY_TOPIC_PARTITIONS"));
        assertThat(replicas == null ? 1 : (Integer) replicas).isBetween(1, partitions);
    }

    @Test
    void kafkaRunsAsASingleKraftNode() {
        Map<String, String> kafka = DeploymentFiles.composeEnvironment(DeploymentFiles.composeService("kafka"));
        assertThat(kafka).containsKeys("KAFKA_NODE_ID", "KAFKA_PROCESS_ROLES", "KAFKA_LISTENERS",
                "KAFKA_ADVERTISED_LISTENERS", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).contains("broker", "controller");
        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).startsWith(kafka.get("KAFKA_NODE_ID") + "@");
        assertThat(kafka.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
        assertThat(kafka.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo("1");

        // Every listener named anywhere has a security protocol, and the controller listener is one of them.
        List<String> protocols = Arrays.stream(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .map(entry -> entry.split(":")[0]).toList();
        assertThat(listenerNames(kafka.get("KAFKA_LISTENERS"))).isSubsetOf(protocols)
                .contains(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        assertThat(listenerNames(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).isSubsetOf(protocols);

        // The services bootstrap through an advertised address, so the broker's metadata answers point back there.
        for (Service service : Service.values()) {
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
                    .contains("//" + environment(service).get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    private static List<String> listenerNames(String listeners) {
        return Arrays.stream(listeners.split(",")).map(listener -> listener.substring(0, listener.indexOf(':'))).toList();
    }

    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/(\\w+)");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+(\\w+)");

    @Test
    void theInitScriptsCreateTheDatabasesTheServicesUse() {
        Map<String, Object> postgres = DeploymentFiles.composeService("postgres");
        List<String> created = new ArrayList<>();
        for (Object volume : Yamls.list(postgres.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts[1].equals("/docker-entrypoint-initdb.d")) {
                for (Path script : Repository.files(Repository.relative(COMPOSE_DIR.resolve(parts[0]).normalize()), ".sql")) {
                    Matcher create = CREATE_DATABASE.matcher(Repository.read(script));
                    while (create.find()) {
                        created.add(create.group(1));
                    }
                }
            }
        }
        for (Service service : Service.values()) {
            Matcher url = DATABASE.matcher(environment(service).get("SPRING_DATASOURCE_URL"));
            assertThat(url.matches()).as(service.id + " SPRING_DATASOURCE_URL").isTrue();
            assertThat(url.group(1)).isEqualTo("postgres");
            assertThat(created).as("databases created by the init scripts").contains(url.group(2));
        }
    }

    /** Relative bind mounts point at files that exist (compose would otherwise create empty directories). */
    @Test
    void everyBindMountExists() {
        Yamls.map(DeploymentFiles.compose().get("services")).forEach((name, service) -> {
            for (Object volume : Yamls.list(Yamls.map(service).get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(COMPOSE_DIR.resolve(source).normalize()).as(name + " " + volume).exists();
                }
            }
        });
    }
}
