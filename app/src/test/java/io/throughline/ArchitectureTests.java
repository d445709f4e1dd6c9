package io.throughline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureTests {

    static final JavaClasses THROUGHLINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.throughline");

    /** Classes written to break every rule once; see {@code archfixture}. */
    static final JavaClasses BROKEN = new ClassFileImporter().importPackages("archfixture");

    static Stream<ArchRule> throughlineRules() {
        return ArchitectureRules.forRootPackage("io.throughline").stream();
    }

    static Stream<ArchRule> fixtureRules() {
        return ArchitectureRules.forRootPackage("archfixture").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throughlineRules")
    void throughlineKeepsTheRule(ArchRule rule) {
        assertThatCode(() -> rule.check(THROUGHLINE)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureRules")
    void theRuleCatchesABrokenFixture(ArchRule rule) {
        assertThatThrownBy(() -> rule.check(BROKEN)).isInstanceOf(AssertionError.class);
    }
}
