package mx.gobiernoabierto.compromisos.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/** {@code shared-events} is the contract and nothing else: plain Java and Jackson, no framework, no persistence. */
class SharedEventsArchitectureTest {

    private static final String CONTRACT = "mx.gobiernoabierto.compromisos.events..";

    private static final JavaClasses CONTRACT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("mx.gobiernoabierto.compromisos.events");

    @Test
    void theContractDependsOnNoFrameworkAndNoPersistenceLibrary() {
        ArchRule plainJava = noClasses().that().resideInAPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.axonframework..", "org.hibernate..")
                .because("every service reads the contract, and none should have to bring another's framework");

        plainJava.check(CONTRACT_CLASSES);
    }

    @Test
    void theRuleIsCheckedAgainstTheWholeContract() {
        // guards the rule above against passing vacuously: the import holds the contract, and a dependency it
        // really has (HashChain on java.security) is seen
        assertThat(CONTRACT_CLASSES.contain(DomainEvent.class)).isTrue();
        assertThat(CONTRACT_CLASSES.contain(EventEnvelope.class)).isTrue();
        assertThat(CONTRACT_CLASSES.contain(HashChain.class)).isTrue();
        assertThatThrownBy(() -> noClasses().that().resideInAPackage(CONTRACT)
                .should().dependOnClassesThat().resideInAnyPackage("java.security..")
                .check(CONTRACT_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(HashChain.class.getName());
    }
}
