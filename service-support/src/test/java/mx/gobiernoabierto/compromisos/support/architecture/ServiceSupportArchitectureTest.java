package mx.gobiernoabierto.compromisos.support.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** conventions.md: service-support is plumbing that knows neither service nor the event contract. */
class ServiceSupportArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mx.gobiernoabierto.compromisos.support");

    @Test
    void serviceSupportKnowsNeitherServiceNorTheEventContract() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("mx.gobiernoabierto.compromisos.command..",
                        "mx.gobiernoabierto.compromisos.query..", "mx.gobiernoabierto.compromisos.events..")
                .check(CLASSES);
    }

    @Test
    void serviceSupportKnowsNoAxonAndNoPersistenceModel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework..",
                        "jakarta.persistence..", "org.springframework.kafka.listener..")
                .check(CLASSES);
    }
}
