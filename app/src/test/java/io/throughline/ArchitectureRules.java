package io.throughline;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The architecture's rules, written once and applied to a root package: to Throughline by
 * {@code ArchitectureTests}, and to deliberately broken fixtures to prove that each rule can fail.
 */
final class ArchitectureRules {

    /** How business rules are named: {@code HoldPolicy}, {@code ProductRules}, {@code QuoteEngine}. */
    private static final List<String> RULE_SUFFIXES = List.of("Policy", "Rules", "Engine");

    private ArchitectureRules() {}

    static List<ArchRule> forRootPackage(String root) {
        return List.of(
                noCyclesBetweenModules(root),
                noAccessToAnotherModulesInternals(root),
                policiesAndEnginesAreSpringFree(root),
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

    /**
     * Business rules are plain Java: a policy, a set of rules or an engine (and the types nested in it) is
     * built with {@code new} and tested without a Spring context, so it may not use Spring at all; stores and
     * services around it do the wiring, the transactions and the I/O. The one exception is Modulith's
     * {@code @NamedInterface}, which changes nothing at run time and only says which modules may see the type.
     */
    static ArchRule policiesAndEnginesAreSpringFree(String root) {
        return noClasses().that(areBusinessRules(root))
                .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                        .and(not(equivalentTo(NamedInterface.class))).as("belong to Spring"))
                .allowEmptyShould(false);
    }

    private static DescribedPredicate<JavaClass> areBusinessRules(String root) {
        return new DescribedPredicate<>("are policies, rules or engines under " + root) {
            @Override
            public boolean test(JavaClass type) {
                JavaClass outermost = type;
                while (outermost.getEnclosingClass().isPresent()) {
                    outermost = outermost.getEnclosingClass().get();
                }
                String name = outermost.getSimpleName();
                return type.getPackageName().startsWith(root + ".")
                        && RULE_SUFFIXES.stream().anyMatch(name::endsWith);
            }
        };
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
