package mx.gobiernoabierto.compromisos.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The query service meets the command service only on Kafka and in shared-events; its folds are pure. */
class QueryArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mx.gobiernoabierto.compromisos.query");

    @Test
    void theQueryServiceNeverDependsOnTheCommandService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("mx.gobiernoabierto.compromisos.command..",
                        "org.axonframework..")
                .check(CLASSES);
    }

    @Test
    void theFoldsAndFiguresArePureJava() {
        noClasses().that().haveSimpleNameStartingWith("Commitment").and().resideInAPackage("..projection..")
                .or().haveSimpleName("PlanProgress").or().haveSimpleName("SdgProgress")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void accessRulesNeverDependOnTheWebLayerItGuards() {
        noClasses().that().resideInAPackage("..query.security..")
                .should().dependOnClassesThat().resideInAnyPackage("mx.gobiernoabierto.compromisos..web..",
                        "mx.gobiernoabierto.compromisos..projection..")
                .check(CLASSES);
    }
}
