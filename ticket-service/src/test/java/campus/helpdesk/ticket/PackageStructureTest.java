package campus.helpdesk.ticket;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's packages depend on each other in one direction only. A loop (a feature package calling a helper
 * that lives in another feature, which calls back) means neither can be read or changed alone; this keeps the
 * rule from eroding. Read from the compiled main classes, so fully qualified names and Micronaut's generated
 * classes count too.
 */
class PackageStructureTest {

    /** Where Application was loaded from: the main classes' own folder (or jar), not the whole classpath. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(Application.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void noPackageLoops() {
        assertThat(MAIN.stream().map(c -> c.getPackageName()).distinct().count())
                .as("the service's classes were found").isGreaterThan(5);
        slices().matching("campus.helpdesk.ticket.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
