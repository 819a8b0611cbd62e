package campus.helpdesk.launcher;

import campus.helpdesk.launcher.cli.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code ./helpdesk classifier-eval <file.tsv>}: the classifier's own evaluation, run from its jar. */
final class ClassifierEvalCommand {

    static final String USAGE = """
              classifier-eval <file.tsv>
                  Scores the ticket classifier on labelled tickets (see the classifier module).
            """;
    private static final String MAIN_CLASS = "campus.helpdesk.classify.Evaluate";

    private ClassifierEvalCommand() {
    }

    static int run(Path root, List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("classifier-eval needs a file: classifier-eval <file.tsv>");
        }
        Path jar = classifierJar(root);
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-cp", jar.toString(),
                MAIN_CLASS));
        command.addAll(args);
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new SuiteException("Cannot run the classifier evaluation: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static Path classifierJar(Path root) {
        Path target = root.resolve("classifier").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("classifier-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> missing(target));
        } catch (IOException e) {
            throw missing(target);
        }
    }

    private static SuiteException missing(Path target) {
        return new SuiteException("No classifier-*-all.jar in " + target + ": build it with ./mvnw -B -DskipTests package");
    }
}
