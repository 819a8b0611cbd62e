package campus.helpdesk.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** For tests that run the real services: the reactor root, once every service's runnable jar is there. */
public final class BuiltServices {

    private BuiltServices() {
    }

    /** The root; the test is skipped (not failed) when a jar is missing, e.g. when only this module is built. */
    public static Path root() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "project root not found");
        for (Service service : Service.values()) {
            Path target = root.resolve(service.module()).resolve("target");
            assumeTrue(Files.isDirectory(target) && target.toFile().list((d, n) -> n.endsWith("-all.jar")).length > 0,
                    "the service jars are built by the reactor before this module");
        }
        return root;
    }
}
