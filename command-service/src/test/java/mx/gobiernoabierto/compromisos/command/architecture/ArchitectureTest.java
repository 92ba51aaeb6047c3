package mx.gobiernoabierto.compromisos.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The directions of conventions.md: the domain knows no Spring, no web, no storage; nobody knows the query side. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mx.gobiernoabierto.compromisos.command");

    @Test
    void theDomainDependsOnNoSpringNoJpaNoJdbcAndNoWeb() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "jakarta.servlet..", "..web..", "..infrastructure..")
                .check(CLASSES);
    }

    @Test
    void theCommandServiceNeverDependsOnTheQueryService() {
        noClasses().should().dependOnClassesThat().resideInAPackage("mx.gobiernoabierto.compromisos.query..")
                .check(CLASSES);
    }

    @Test
    void controllersOnlyTranslateAndNeverTouchTheStore() {
        noClasses().that().resideInAPackage("..commitment.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "org.axonframework.eventsourcing..")
                .check(CLASSES);
    }

    @Test
    void accessRulesNeverDependOnTheWebLayerItGuards() {
        noClasses().that().resideInAPackage("..command.security..")
                .should().dependOnClassesThat().resideInAnyPackage("mx.gobiernoabierto.compromisos..web..",
                        "mx.gobiernoabierto.compromisos..domain..")
                .check(CLASSES);
    }
}
