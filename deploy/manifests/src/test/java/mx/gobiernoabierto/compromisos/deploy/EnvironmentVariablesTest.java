package mx.gobiernoabierto.compromisos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import mx.gobiernoabierto.compromisos.deploy.DeploymentFiles.Assignment;
import mx.gobiernoabierto.compromisos.deploy.ServiceSettings.Service;

/**
 * An environment variable that no setting reads is silently ignored by Spring: a misspelt or misplaced one
 * (COMPROMISOS_TOPIC given to the query service, which reads COMPROMISOS_QUERY_TOPIC) deploys fine and does
 * nothing. These checks compare what the deployment files set with what the services read, and the README's
 * configuration table with the settings.
 */
class EnvironmentVariablesTest {

    private static final Map<Service, ServiceSettings> SETTINGS = new EnumMap<>(Service.class);

    static ServiceSettings settings(Service service) {
        return SETTINGS.computeIfAbsent(service, ServiceSettings::of);
    }

    // --- the derivation itself -------------------------------------------------------------------------------

    @Test
    void theSettingsAreDerivedFromTheSettingsFilesAndTheRecords() {
        ServiceSettings command = settings(Service.COMMAND);
        assertThat(command.propertiesRecords).containsEntry("CompromisosProperties", "compromisos");
        assertThat(command.properties).containsKeys("server.port", "spring.datasource.url",
                "spring.kafka.bootstrap-servers", "compromisos.topic", "compromisos.topic-partitions",
                "compromisos.time-zone", "compromisos.snapshot-threshold");
        assertThat(command.placeholders).containsKey("PORT");

        ServiceSettings query = settings(Service.QUERY);
        assertThat(query.propertiesRecords).containsEntry("QueryProperties", "compromisos.query");
        assertThat(query.properties).containsKeys("spring.kafka.consumer.group-id", "compromisos.query.topic",
                "compromisos.query.topic-partitions", "compromisos.query.dead-letter-topic",
                "compromisos.query.time-zone", "compromisos.query.min-version-wait",
                "compromisos.query.held-alarm-after");
    }

    /**
     * Spring Boot's documented rule for a variable is: dots to underscores, dashes removed, upper case
     * (COMPROMISOS_SNAPSHOTTHRESHOLD). Its mapper also accepts dashes as underscores
     * (COMPROMISOS_SNAPSHOT_THRESHOLD), which is the form the README and the deployment files use. Both bind.
     */
    @Test
    void bothEnvironmentVariableFormsOfADashedSettingBind() {
        ServiceSettings command = settings(Service.COMMAND);
        assertThat(command.boundBy("COMPROMISOS_SNAPSHOTTHRESHOLD")).contains("compromisos.snapshot-threshold");
        assertThat(command.boundBy("COMPROMISOS_SNAPSHOT_THRESHOLD")).contains("compromisos.snapshot-threshold");
        assertThat(command.boundBy("SPRING_KAFKA_BOOTSTRAP_SERVERS")).contains("spring.kafka.bootstrap-servers");
        assertThat(command.boundBy("PORT")).containsExactly("${PORT}");
        assertThat(command.boundBy("SERVER_PORT")).containsExactly("server.port");
    }

    record Sample(int snapshotThreshold, String timeZone) {
    }

    /**
     * The same, with Spring's Binder on a record and nothing but the environment (no settings file and so no
     * {@code ${VAR:default}} placeholder to help): the underscore form binds on its own.
     */
    @Test
    void theBinderBindsARecordFromTheUnderscoreForm() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("COMPROMISOS_SNAPSHOT_THRESHOLD", "7", "COMPROMISOS_TIMEZONE", "UTC"))));
        assertThat(binder.bind("compromisos", Sample.class).get()).isEqualTo(new Sample(7, "UTC"));
    }

    @Test
    void aVariableForTheOtherServiceIsNotRead() {
        assertThat(settings(Service.QUERY).reads("COMPROMISOS_TOPIC")).isFalse();
        assertThat(settings(Service.COMMAND).reads("COMPROMISOS_QUERY_TOPIC")).isFalse();
        assertThat(settings(Service.COMMAND).reads("SPRING_KAFKA_CONSUMER_GROUP_ID")).isFalse();
        assertThat(settings(Service.QUERY).reads("SPRING_KAFKA_CONSUMER_GROUP_ID")).isTrue();
        assertThat(settings(Service.QUERY).reads("COMPROMISOS_QUERY_TOPICPARTITIONS")).isTrue();
        assertThat(settings(Service.QUERY).reads("COMPROMISOS_QUERY_TOPIC_PARTITION")).isFalse();
    }

    /** Nested and starter-provided settings are read below their known names only. */
    @Test
    void nestedAndStarterSettingsAreReadByTheirExactNames() {
        ServiceSettings command = settings(Service.COMMAND);
        assertThat(command.reads("COMPROMISOS_SECURITY_JWT_ISSUER")).isTrue();
        assertThat(command.reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).isTrue();
        assertThat(command.reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URL")).isFalse();
        assertThat(command.reads("COMPROMISOS_SECURITY_USERS_0_USERNAME")).isTrue();
        assertThat(command.reads("COMPROMISOS_SECURITYUSERS")).isFalse();
    }

    // --- deployment files → settings -------------------------------------------------------------------------

    @Test
    void composeSetsOnlyVariablesItsServicesRead() {
        assertRead(DeploymentFiles.composeAssignments());
    }

    @Test
    void kubernetesSetsOnlyVariablesItsServicesRead() {
        assertRead(DeploymentFiles.k8sAssignments());
    }

    @Test
    void theImagesSetOnlyVariablesTheirServicesRead() {
        assertRead(DeploymentFiles.dockerfileAssignments());
    }

    private static void assertRead(List<Assignment> assignments) {
        assertThat(assignments).as("variables found").isNotEmpty();
        assertThat(assignments.stream().map(Assignment::service).distinct()).as("services covered")
                .containsExactlyInAnyOrder(Service.values());
        List<String> unread = new ArrayList<>();
        for (Assignment assignment : assignments) {
            if (!settings(assignment.service()).reads(assignment.variable())) {
                unread.add(assignment + " is read by no setting of " + assignment.service().id);
            }
        }
        assertThat(unread).as("variables the service would ignore").isEmpty();
    }

    // --- README → settings -----------------------------------------------------------------------------------

    /** One row of the README's configuration table: its variables, their stated defaults and the services named. */
    record Row(String line, List<String> variables, List<String> defaults, List<Service> services) {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*|_[A-Z0-9_]+");

    /**
     * The rows of the table under "## Configuration", its columns found by their headers ("environment
     * variable", "default" and, if present, "service": command, query or both). A cell may name several
     * variables; one written {@code `_PASSWORD`} replaces the last word of the one before it. Defaults are
     * separated by {@code " / "} or {@code ", "}; "empty" stands for the empty string and a leading {@code ...}
     * for an elided beginning.
     */
    static List<Row> readmeConfigurationTable() {
        String readme = Repository.read("README.md");
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("README.md has a '## Configuration' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (String line : section.split("\\R")) {
            if (!line.startsWith("|") || line.matches("\\|[-|: ]+\\|?")) {
                continue;
            }
            List<String> cells = List.of(line.split("\\|", -1)).stream().map(String::strip).toList();
            if (header == null) {
                header = cells.stream().map(cell -> cell.toLowerCase(Locale.ROOT)).toList();
                assertThat(header).as("configuration table header").contains("environment variable", "default");
                continue;
            }
            String variableCell = cells.get(header.indexOf("environment variable"));
            List<String> variables = new ArrayList<>();
            Matcher code = CODE.matcher(variableCell);
            while (code.find()) {
                String name = code.group(1).strip();
                if (VARIABLE.matcher(name).matches()) {
                    variables.add(name.startsWith("_") && !variables.isEmpty()
                            ? variables.getLast().replaceFirst("_[A-Z0-9]+$", "") + name
                            : name);
                }
            }
            List<String> defaults = new ArrayList<>();
            // " / " and ", " with spaces: a slash inside a value (a JDBC URL) has none around it.
            for (String part : cells.get(header.indexOf("default")).split(" / |, ")) {
                String value = part.strip();
                defaults.add(value.equalsIgnoreCase("empty") ? "" : value.replaceAll("^`|`$", ""));
            }
            int serviceColumn = header.indexOf("service");
            List<Service> services = serviceColumn < 0 ? List.of() : switch (cells.get(serviceColumn).toLowerCase(Locale.ROOT)) {
                case "both" -> List.of(Service.COMMAND, Service.QUERY);
                case "command" -> List.of(Service.COMMAND);
                case "query" -> List.of(Service.QUERY);
                default -> throw new AssertionError("Unknown service '" + cells.get(serviceColumn) + "' in " + line);
            };
            rows.add(new Row(line, variables, defaults, services));
        }
        assertThat(rows).as("rows of the README's configuration table").isNotEmpty();
        return rows;
    }

    /** Each variable is read by the services its row names (by some service if the table has no service column). */
    @Test
    void everyReadmeSettingIsReadByTheServicesItNames() {
        List<String> unread = new ArrayList<>();
        for (Row row : readmeConfigurationTable()) {
            assertThat(row.variables()).as("variables in " + row.line()).isNotEmpty();
            for (String variable : row.variables()) {
                if (row.services().isEmpty()) {
                    if (List.of(Service.values()).stream().allMatch(s -> settings(s).boundBy(variable).isEmpty())) {
                        unread.add(variable + " (no service)");
                    }
                }
                for (Service service : row.services()) {
                    if (settings(service).boundBy(variable).isEmpty()
                            && !ServiceSettings.STANDARD_VARIABLES.contains(variable)) {
                        unread.add(variable + " (" + service.id + ")");
                    }
                }
            }
        }
        assertThat(unread).as("README variables not read by the service the README names").isEmpty();
    }

    /**
     * Each stated default is the service's: one default per variable (for every service named), or, for one
     * variable of both services, one default per service in the order command, query.
     */
    @Test
    void everyReadmeDefaultIsTheServicesDefault() {
        List<String> wrong = new ArrayList<>();
        for (Row row : readmeConfigurationTable()) {
            List<Service> services = row.services().isEmpty() ? List.of(Service.values()) : row.services();
            if (row.defaults().size() == row.variables().size()) {
                for (int i = 0; i < row.variables().size(); i++) {
                    String variable = row.variables().get(i);
                    String stated = row.defaults().get(i);
                    List<Service> checked = row.services().isEmpty()
                            ? services.stream().filter(s -> !settings(s).boundBy(variable).isEmpty()).toList()
                            : services;
                    for (Service service : checked) {
                        check(wrong, service, variable, stated);
                    }
                }
            } else if (row.variables().size() == 1 && row.defaults().size() == services.size()) {
                for (int i = 0; i < services.size(); i++) {
                    check(wrong, services.get(i), row.variables().getFirst(), row.defaults().get(i));
                }
            } else {
                wrong.add("cannot pair the defaults " + row.defaults() + " with " + row.variables() + " in " + row.line());
            }
        }
        assertThat(wrong).as("README defaults that differ from the settings").isEmpty();
    }

    private static void check(List<String> wrong, Service service, String variable, String stated) {
        List<String> actual = settings(service).defaultsFor(variable);
        if (ServiceSettings.STANDARD_VARIABLES.contains(variable) && actual.isEmpty()) {
            return;
        }
        if (stated.equals("(none)") && actual.stream().allMatch(String::isBlank)) {
            return; // "(none)": not set by default, whether the settings leave it out or give it an empty default
        }
        boolean elided = stated.startsWith("...") || stated.startsWith("\u2026");
        String tail = stated.replaceFirst("^(\\.\\.\\.|\u2026)", "");
        boolean matches = elided ? actual.stream().anyMatch(a -> a.endsWith(tail)) : actual.contains(stated);
        if (!matches) {
            wrong.add(variable + " of " + service.id + ": README says '" + stated + "', the settings say " + actual);
        }
    }
}
