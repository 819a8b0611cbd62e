package campus.helpdesk.launcher;

import campus.helpdesk.launcher.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ./helpdesk classifier-eval <file.tsv>}: the classifier's evaluation, run from the classifier lab's jar. */
@Command(name = "classifier-eval", description = {
        "Scores the ticket classifier on labelled tickets (label<TAB>text; see the classifier-lab module).",
        "Options go to the evaluation as they are: --errors, --model lr|nb|ens|lr-it, --retrain FILE, --cv K and "
                + "--grouped-cv K (cross-validation on the training corpus), --embeddings K, --retrain-effect; "
                + "a FILE is needed unless one of the last four is given."})
final class ClassifierEvalCommand implements Callable<Integer> {

    private static final String MAIN_CLASS = "campus.helpdesk.classify.Evaluate";

    @Parameters(paramLabel = "FILE.tsv|OPTION", arity = "1..*",
            description = "the labelled tickets and options, or options alone")
    List<String> arguments = new ArrayList<>();

    @Mixin
    HelpOption help;

    private final Path root;

    ClassifierEvalCommand(Path root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        Path jar = labJar(root);
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-cp", jar.toString(),
                MAIN_CLASS));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new SuiteException("Cannot run the classifier evaluation: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static Path labJar(Path root) {
        Path target = root.resolve("classifier-lab").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("classifier-lab-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> missing(target));
        } catch (IOException e) {
            throw missing(target);
        }
    }

    private static SuiteException missing(Path target) {
        return new SuiteException("No classifier-lab-*-all.jar in " + target
                + ": build it with ./mvnw -B -DskipTests package");
    }
}
