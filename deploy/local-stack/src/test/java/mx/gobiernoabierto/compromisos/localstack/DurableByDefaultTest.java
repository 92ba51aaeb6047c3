package mx.gobiernoabierto.compromisos.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The only PostgreSQL with {@code fsync} and {@code synchronous_commit} off is the throw-away one that
 * {@link TestInfrastructure} starts for tests; nothing that runs the product may reach it.
 */
class DurableByDefaultTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mx.gobiernoabierto.compromisos");

    @Test
    void nothingOutsideTestsUsesTheTestInfrastructure() {
        noClasses().that().doNotHaveFullyQualifiedName(TestInfrastructure.class.getName())
                .and().resideOutsideOfPackage("..infrastructure..")
                .should().dependOnClassesThat().belongToAnyOf(TestInfrastructure.class)
                .because("its embedded PostgreSQL runs with fsync and synchronous_commit off, fit for tests only")
                .check(PRODUCT);
    }

    @Test
    void theLocalStackServersDoNotUseTheTestInfrastructure() {
        noClasses().that().haveSimpleNameStartingWith("Local")
                .or().haveSimpleName("PostgresBinaries")
                .should().dependOnClassesThat().belongToAnyOf(TestInfrastructure.class)
                .check(PRODUCT);
    }

    /** A setting that lets PostgreSQL acknowledge a commit before it is on disk: {@code fsync} or {@code synchronous_commit} off. */
    private static final Pattern NOT_DURABLE =
            Pattern.compile("(?i)\\b(fsync|synchronous_commit)\\b\\W{0,6}(=|to)?\\W{0,3}(off|false|local)\\b");

    @Test
    void noProductSourceOrDeploymentTurnsDurabilityOff() throws IOException {
        Path root = ReadmeCommandTest.repositoryRoot();
        List<String> found;
        try (Stream<Path> files = Files.walk(root)) {
            found = files.filter(Files::isRegularFile)
                    .filter(file -> isProductOrDeployment(root.relativize(file).toString().replace('\\', '/')))
                    .flatMap(file -> offending(root, file))
                    .toList();
        }
        assertThat(found).as("only TestInfrastructure's throw-away PostgreSQL may run without durable commits").isEmpty();
    }

    private static boolean isProductOrDeployment(String path) {
        boolean source = path.contains("/src/main/") || path.startsWith("deploy/compose/")
                || path.startsWith("deploy/k8s/") || path.startsWith("deploy/docker/");
        return source && !path.contains("/target/") && !path.endsWith("/TestInfrastructure.java")
                && path.matches(".*\\.(java|sql|ya?ml|properties|conf|sh|Dockerfile)$");
    }

    private static Stream<String> offending(Path root, Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> NOT_DURABLE.matcher(line).find())
                    .filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("//")
                            && !line.strip().startsWith("#"))
                    .map(line -> root.relativize(file) + ": " + line.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
