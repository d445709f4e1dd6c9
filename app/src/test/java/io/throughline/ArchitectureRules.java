package io.throughline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Optional;

/**
 * The architecture's rules, written once and applied to a root package: to Throughline by
 * {@code ArchitectureTests}, and to deliberately broken fixtures to prove that each rule can fail.
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    static List<ArchRule> forRootPackage(String root) {
        return List.of(
                noCyclesBetweenModules(root),
                noAccessToAnotherModulesInternals(root),
                GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION,
                GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS,
                GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS);
    }

    static ArchRule noCyclesBetweenModules(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);
    }

    /** A module's {@code internal} packages are its own; others use its root package, the API. */
    static ArchRule noAccessToAnotherModulesInternals(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("not depend on another module's internal packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> originModule = module(root, origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            Optional<String> targetModule = module(root, target);
                            boolean internal = target.contains(".internal");
                            if (internal && targetModule.isPresent() && !targetModule.equals(originModule)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    private static Optional<String> module(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
