package mx.gobiernoabierto.compromisos.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import mx.gobiernoabierto.compromisos.deploy.ServiceSettings.Service;

/** The images pack the right jar and agree with the service's settings. */
class DockerfileTest {

    private static final Pattern CLASSIFIER = Pattern.compile(
            "<artifactId>spring-boot-maven-plugin</artifactId>.*?<classifier>\\s*([^<\\s]+)\\s*</classifier>.*?</plugin>",
            Pattern.DOTALL);

    static Map<String, String> args(Service service) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String instruction : DeploymentFiles.dockerInstructions(service)) {
            Matcher arg = Pattern.compile("^ARG\\s+(\\w+)=(\\S+)").matcher(instruction);
            if (arg.find()) {
                args.put(arg.group(1), arg.group(2));
            }
        }
        return args;
    }

    static List<String> instructions(Service service, String keyword) {
        return DeploymentFiles.dockerInstructions(service).stream()
                .filter(instruction -> instruction.startsWith(keyword + " "))
                .map(instruction -> instruction.substring(keyword.length() + 1).strip())
                .toList();
    }

    static String resolve(Service service, String text) {
        String resolved = text;
        for (Map.Entry<String, String> arg : args(service).entrySet()) {
            resolved = resolved.replace("${" + arg.getKey() + "}", arg.getValue());
        }
        return resolved;
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyStageRunsOnTheTemurin21Jre(Service service) {
        assertThat(instructions(service, "FROM")).isNotEmpty()
                .allSatisfy(from -> assertThat(resolve(service, from)).startsWith("eclipse-temurin:21-jre"));
    }

    /**
     * The executable jar carries the classifier configured for spring-boot-maven-plugin in the service's pom
     * (the unclassified jar is a plain library jar that does not start). If the jar is built, the pattern must
     * match exactly one file, as COPY to a single file requires.
     */
    @ParameterizedTest
    @EnumSource(Service.class)
    void theJarCopiedIsTheExecutableOne(Service service) throws IOException {
        String jar = args(service).get("JAR_FILE");
        assertThat(jar).as("ARG JAR_FILE default").isNotNull().startsWith(service.module() + "/target/");
        assertThat(instructions(service, "COPY")).anySatisfy(copy -> assertThat(copy).startsWith("${JAR_FILE} "));

        Matcher classifier = CLASSIFIER.matcher(Repository.read(service.module() + "/pom.xml"));
        if (classifier.find()) {
            assertThat(jar).endsWith("-" + classifier.group(1) + ".jar");
        } else {
            assertThat(jar).endsWith(".jar");
        }

        Path target = Repository.path(service.module() + "/target");
        if (Files.isDirectory(target)) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + jar);
            try (Stream<Path> files = Files.list(target)) {
                List<Path> jars = files.map(Repository.ROOT::relativize).filter(glob::matches).toList();
                if (!jars.isEmpty()) {
                    assertThat(jars).as("jars matching " + jar).hasSize(1);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void thePortIsTheSettingsFilesDefault(Service service) {
        int port = EnvironmentVariablesTest.settings(service).defaultPort();
        assertThat(instructions(service, "EXPOSE")).containsExactly(String.valueOf(port));
        assertThat(DeploymentFiles.dockerfileEnvironment(service)).containsEntry("PORT", String.valueOf(port));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void itRunsAsANumericNonRootUser(Service service) {
        List<String> users = instructions(service, "USER");
        assertThat(users).isNotEmpty();
        String user = users.getLast().split(":")[0];
        assertThat(user).as("the last USER, numeric so runAsNonRoot can verify it").matches("\\d+").isNotEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void theHealthCheckProbesLivenessWithTheShippedScript(Service service) {
        assertThat(instructions(service, "HEALTHCHECK")).singleElement().asString()
                .contains("/usr/local/bin/healthcheck", "/actuator/health/liveness");
        assertThat(instructions(service, "COPY"))
                .anySatisfy(copy -> assertThat(copy).contains("deploy/docker/healthcheck.sh /usr/local/bin/healthcheck"));
        assertThat(Repository.path("deploy/docker/healthcheck.sh")).isRegularFile();
        // Exec form, so that java is PID 1 and receives SIGTERM for the graceful shutdown.
        assertThat(instructions(service, "ENTRYPOINT")).singleElement().asString().startsWith("[");
    }

    /** The Dockerfile's own .dockerignore must let through everything the Dockerfile copies from the context. */
    @ParameterizedTest
    @EnumSource(Service.class)
    void theDockerignoreKeepsWhatIsCopied(Service service) {
        Path ignore = Path.of(DeploymentFiles.dockerfile(service) + ".dockerignore");
        List<String> kept = Repository.read(ignore).lines()
                .filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1).strip())
                .toList();
        for (String copy : instructions(service, "COPY")) {
            if (copy.contains("--from=")) {
                continue;
            }
            String[] words = resolve(service, copy.replaceAll("--\\S+\\s+", "")).split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                assertThat(kept).as("sources let through by " + Repository.relative(ignore)).contains(words[i]);
            }
        }
    }

    /**
     * The images, Compose and Kubernetes give the services the same JVM options, and they name the garbage
     * collector: left to the JVM, it would be G1 on a host of 2 CPUs and 1.8 GB or more and the serial collector
     * below, and the benchmark measured G1 at a third more CPU per command.
     */
    @org.junit.jupiter.api.Test
    void everyDeploymentGivesTheSameJvmOptionsNamingTheCollector() {
        List<DeploymentFiles.Assignment> options = Stream.of(DeploymentFiles.dockerfileAssignments(),
                        DeploymentFiles.composeAssignments(), DeploymentFiles.k8sAssignments())
                .flatMap(List::stream).filter(assignment -> assignment.variable().equals("JAVA_TOOL_OPTIONS")).toList();
        assertThat(options).extracting(DeploymentFiles.Assignment::where).anyMatch(where -> where.contains("Dockerfile"))
                .anyMatch(where -> where.contains("compose")).anyMatch(where -> where.contains("k8s"));
        assertThat(options).extracting(DeploymentFiles.Assignment::service).contains(Service.COMMAND, Service.QUERY);
        assertThat(options).allSatisfy(assignment -> assertThat(assignment.value()).as(assignment.toString())
                .isEqualTo("-XX:MaxRAMPercentage=40 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"));
    }
}
