package org.synfire;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;

/**
 * The package rings of the main code.
 *
 * <p>Two leaves: {@code io} (atomic files, SHA-256, the JSON and YAML mappers, {@code .npy}), which every ring but
 * chip and energy may use, and {@code random} (the seeded generators; the chip's stochastic rounding draws from
 * one). Above them:
 * {@code chip} (the emulator); {@code net} (networks as data, compiled onto the chip) on chip; {@code energy}
 * (pricing the chip's counters) on chip only; {@code data} (datasets) on nothing of Synfire's; {@code nbp} on
 * chip, net, data and energy; {@code report} (plots and exports) on chip and data; {@code training} (whole runs
 * into run directories) on all of these, then {@code continual} and {@code sweep}; nothing uses {@code cli}.
 * No packages form a cycle, inside a ring either.
 *
 * <p>Where the code still breaks a rule, the break is listed in {@link #KNOWN_BREAKS}, class to class, and only
 * that dependency is let through. {@link #everyKnownBreakStillExists} fails once a break is mended, so that its
 * entry is deleted and the rule tightens.
 */
@AnalyzeClasses(packages = "org.synfire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A dependency that the rules forbid but today's code still has. */
    record Break(String what, DescribedPredicate<JavaClass> origin, DescribedPredicate<JavaClass> target) {}

    static final List<Break> KNOWN_BREAKS = List.of();

    @ArchTest
    static final ArchRule rings = withKnownBreaks(layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("UserError").definedBy(equivalentTo(UserError.class))
            .layer("chip").definedBy("org.synfire.chip..")
            .layer("io").definedBy("org.synfire.io..")
            .layer("random").definedBy("org.synfire.random..")
            .layer("data").definedBy("org.synfire.data..")
            .layer("net").definedBy("org.synfire.net..")
            .layer("energy").definedBy("org.synfire.energy..")
            .layer("report").definedBy("org.synfire.report..")
            .layer("nbp").definedBy("org.synfire.nbp..")
            .layer("training").definedBy("org.synfire.training..")
            .layer("continual").definedBy("org.synfire.continual..")
            .layer("sweep").definedBy("org.synfire.sweep")
            .layer("sweep.cluster").definedBy("org.synfire.sweep.cluster..")
            .layer("cli").definedBy("org.synfire.cli..")
            .whereLayer("UserError").mayNotAccessAnyLayer()
            .whereLayer("io").mayOnlyAccessLayers("UserError")
            .whereLayer("random").mayOnlyAccessLayers("UserError")
            .whereLayer("chip").mayOnlyAccessLayers("UserError", "random")
            .whereLayer("data").mayOnlyAccessLayers("UserError", "io")
            .whereLayer("net").mayOnlyAccessLayers("UserError", "io", "chip")
            .whereLayer("energy").mayOnlyAccessLayers("UserError", "chip")
            .whereLayer("report").mayOnlyAccessLayers("UserError", "io", "chip", "data")
            .whereLayer("nbp").mayOnlyAccessLayers("UserError", "io", "chip", "net", "data", "random", "energy")
            .whereLayer("training").mayOnlyAccessLayers("UserError", "io", "chip", "net", "data", "random", "nbp", "report", "energy")
            .whereLayer("continual").mayOnlyAccessLayers("UserError", "io", "chip", "net", "data", "random", "nbp", "report", "energy", "training")
            .whereLayer("sweep").mayOnlyAccessLayers("UserError", "io", "chip", "net", "data", "random", "nbp", "report", "energy", "training", "continual")
            .whereLayer("sweep.cluster").mayOnlyAccessLayers("UserError", "io", "chip", "net", "data", "random", "nbp", "report", "energy", "training", "sweep", "continual")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer());

    /** Hazelcast stays in the cluster package, so that a user who never sweeps on a cluster never loads it. */
    @ArchTest
    static final ArchRule hazelcastOnlyInTheClusterPackage = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that().resideOutsideOfPackage("org.synfire.sweep.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");

    /** The top-level packages form no cycle. */
    @ArchTest
    static final ArchRule noCyclesBetweenRings = withKnownBreaks(slices().matching("org.synfire.(*)..").should().beFreeOfCycles());

    /** Nor do the packages inside a ring (nbp and nbp.sgsc; sweep and sweep.cluster), the known breaks aside. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = withKnownBreaks(slices().matching("org.synfire.(**)").should().beFreeOfCycles());

    @ArchTest
    static void everyKnownBreakStillExists(JavaClasses classes) {
        for (Break b : KNOWN_BREAKS) {
            boolean exists = classes.stream()
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch((Dependency d) -> b.origin().test(d.getOriginClass()) && b.target().test(d.getTargetClass()));
            assertThat(exists).as("known break no longer in the code, delete it from KNOWN_BREAKS: " + b.what()).isTrue();
        }
    }

    private static LayeredArchitecture withKnownBreaks(LayeredArchitecture rule) {
        for (Break b : KNOWN_BREAKS) rule = rule.ignoreDependency(b.origin(), b.target());
        return rule;
    }

    private static SliceRule withKnownBreaks(SliceRule rule) {
        for (Break b : KNOWN_BREAKS) rule = rule.ignoreDependency(b.origin(), b.target());
        return rule;
    }

    /** The named class and the classes nested in it. */
    private static DescribedPredicate<JavaClass> classAndNested(String name) {
        return DescribedPredicate.describe(name, c -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }
}
