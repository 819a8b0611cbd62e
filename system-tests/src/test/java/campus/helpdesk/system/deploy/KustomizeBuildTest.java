package campus.helpdesk.system.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * When kubectl is installed, its built-in kustomize must build the base (offline: no cluster is asked). The
 * base reads its secrets from the git-ignored deploy/k8s/secrets.env, so each build runs on a copy of the base
 * with a secrets.env written here, never the one a developer may keep in the working tree.
 */
class KustomizeBuildTest {

    @Test
    void kubectlKustomizeBuildsTheBase(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Path base = copyOfTheBase(dir);
        Files.writeString(base.resolve("secrets.env"), Repo.read("deploy/k8s/secrets.env.example").lines()
            .map(line -> line.matches("[A-Z_]+=") ? line + "test-value-" + line.length() : line)
            .collect(Collectors.joining("\n", "", "\n")));
        var build = kustomize(base);
        assertThat(build.exitCode()).as(build.output()).isZero();
        String output = build.output();
        assertThat(output.lines().filter(l -> l.equals("kind: Deployment")).count()).isEqualTo(5);
        assertThat(output.lines().filter(l -> l.equals("kind: HorizontalPodAutoscaler")).count()).isEqualTo(2);
        assertThat(output.lines().filter(l -> l.equals("kind: NetworkPolicy")).count()).isEqualTo(6);
        assertThat(output.lines().filter(l -> l.equals("kind: Secret")).count()).isEqualTo(1);
        assertThat(output).contains("app.kubernetes.io/part-of: campus-helpdesk");
        // The generated Secret's name carries a hash of its content, and every reference follows it.
        var names = Pattern.compile("name: (helpdesk-secrets[\\w-]*)").matcher(output).results()
            .map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(names).hasSize(1).allSatisfy(name -> assertThat(name).matches("helpdesk-secrets-[a-z0-9]+"));
    }

    @Test
    void withoutSecretsEnvTheBuildStops(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        var build = kustomize(copyOfTheBase(dir));
        assertThat(build.exitCode()).as(build.output()).isNotZero();
        assertThat(build.output()).contains("secrets.env");
    }

    record Build(int exitCode, String output) {
    }

    static Build kustomize(Path base) throws Exception {
        var process = new ProcessBuilder("kubectl", "kustomize", base.toString())
            .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Build(process.exitValue(), output);
    }

    /** The committed files of deploy/k8s, without a developer's own secrets.env. */
    static Path copyOfTheBase(Path dir) throws IOException {
        Path base = dir.resolve("k8s");
        Files.createDirectories(base);
        try (var files = Files.list(Repo.path("deploy/k8s"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("secrets.env")) {
                    Files.copy(file, base.resolve(file.getFileName()));
                }
            }
        }
        return base;
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
