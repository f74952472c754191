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
 * The package rings of the main code, as the code satisfies them today.
 *
 * <p>Intended: {@code chip} (the emulator) uses nothing else of Synfire but {@link UserError}; {@code net}
 * (networks as data, compiled onto the chip) may use chip; {@code nbp} may use chip, net, data and random;
 * {@code data} and {@code random} use none of chip, net and nbp; {@code training} (whole runs into run
 * directories) may use all of these; nothing uses {@code cli}, the top.
 * {@code energy} and {@code report} are held to what they use now.
 *
 * <p>Where today's code breaks the intended rings, the break is listed in {@link #KNOWN_BREAKS}, class to
 * class, and only that dependency is let through. {@link #everyKnownBreakStillExists} fails once a break is
 * mended, so that its entry is deleted and the rule tightens.
 */
@AnalyzeClasses(packages = "org.synfire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A dependency that the intended rings forbid but today's code has, for the lead to decide on. */
    record Break(String what, DescribedPredicate<JavaClass> origin, DescribedPredicate<JavaClass> target) {}

    static final List<Break> KNOWN_BREAKS = List.of(
            new Break("chip uses random: Plasticity draws its stochastic rounding bits from SplitMix64",
                    classAndNested("org.synfire.chip.Plasticity"), classAndNested("org.synfire.random.SplitMix64")),
            new Break("net uses data: DataFiles reads matrices with Npy",
                    classAndNested("org.synfire.net.DataFiles"), classAndNested("org.synfire.data.Npy")),
            new Break("nbp uses energy: ChipEnergy prices a training run",
                    classAndNested("org.synfire.nbp.onchip.ChipEnergy"), resideInAPackage("org.synfire.energy..")),
            new Break("nbp uses energy: SgscLearner keeps a cost model",
                    classAndNested("org.synfire.nbp.sgsc.SgscLearner"), resideInAPackage("org.synfire.energy..")),
            new Break("nbp uses energy: SgscEnergy prices any compiled network",
                    classAndNested("org.synfire.nbp.sgsc.SgscEnergy"), resideInAPackage("org.synfire.energy..")),
            // the target is all of report: RunDirectory takes several of its file helpers (AtomicFiles,
            // LearningCurvePlot, and on newer code Checksums)
            new Break("nbp uses report: RunDirectory writes its files and plots with report's helpers",
                    classAndNested("org.synfire.nbp.RunDirectory"), resideInAPackage("org.synfire.report..")),
            // data and report use each other (report.ProbeExport writes with data.Npy): a cycle
            new Break("data uses report: Fetcher writes files atomically",
                    classAndNested("org.synfire.data.Fetcher"), classAndNested("org.synfire.report.AtomicFiles")),
            new Break("data uses report: Npy writes files atomically",
                    classAndNested("org.synfire.data.Npy"), classAndNested("org.synfire.report.AtomicFiles")),
            new Break("data uses report: VerifiedCache writes files atomically",
                    classAndNested("org.synfire.data.VerifiedCache"), classAndNested("org.synfire.report.AtomicFiles")));

    @ArchTest
    static final ArchRule rings = withKnownBreaks(layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("UserError").definedBy(equivalentTo(UserError.class))
            .layer("chip").definedBy("org.synfire.chip..")
            .layer("random").definedBy("org.synfire.random..")
            .layer("data").definedBy("org.synfire.data..")
            .layer("net").definedBy("org.synfire.net..")
            .layer("energy").definedBy("org.synfire.energy..")
            .layer("report").definedBy("org.synfire.report..")
            .layer("nbp").definedBy("org.synfire.nbp..")
            .layer("training").definedBy("org.synfire.training..")
            .layer("sweep").definedBy("org.synfire.sweep")
            .layer("sweep.cluster").definedBy("org.synfire.sweep.cluster..")
            .layer("cli").definedBy("org.synfire.cli..")
            .whereLayer("UserError").mayNotAccessAnyLayer()
            .whereLayer("chip").mayOnlyAccessLayers("UserError")
            .whereLayer("random").mayOnlyAccessLayers("UserError")
            .whereLayer("data").mayOnlyAccessLayers("UserError")
            .whereLayer("net").mayOnlyAccessLayers("UserError", "chip")
            .whereLayer("energy").mayOnlyAccessLayers("UserError", "chip")
            .whereLayer("report").mayOnlyAccessLayers("UserError", "chip", "data")
            .whereLayer("nbp").mayOnlyAccessLayers("UserError", "chip", "net", "data", "random")
            .whereLayer("training").mayOnlyAccessLayers("UserError", "chip", "net", "data", "random", "nbp", "report", "energy")
            .whereLayer("sweep").mayOnlyAccessLayers("UserError", "chip", "net", "data", "random", "nbp", "report", "energy", "training")
            .whereLayer("sweep.cluster").mayOnlyAccessLayers("UserError", "chip", "net", "data", "random", "nbp", "report", "energy", "training", "sweep")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer());

    /** Hazelcast stays in the cluster package, so that a user who never sweeps on a cluster never loads it. */
    @ArchTest
    static final ArchRule hazelcastOnlyInTheClusterPackage = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that().resideOutsideOfPackage("org.synfire.sweep.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");

    /** The top-level packages form no cycle, the known breaks aside (of them, data/report make one). */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = withKnownBreaks(slices().matching("org.synfire.(*)..").should().beFreeOfCycles());

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
