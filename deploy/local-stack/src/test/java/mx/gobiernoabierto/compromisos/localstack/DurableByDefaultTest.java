package mx.gobiernoabierto.compromisos.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
