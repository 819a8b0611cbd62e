package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** When kubectl is installed, its built-in kustomize must build the base (offline: no cluster is asked). */
class KustomizeBuildTest {

    @Test
    void kubectlKustomizeBuildsTheBase() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        var process = new ProcessBuilder("kubectl", "kustomize", Repo.path("deploy/k8s").toString())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.equals("kind: Deployment")).count()).isEqualTo(5);
        assertThat(output.lines().filter(l -> l.equals("kind: HorizontalPodAutoscaler")).count()).isEqualTo(2);
        assertThat(output).contains("app.kubernetes.io/part-of: campus-helpdesk");
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
