package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Classification;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evaluation command.
 * <pre>
 *   Evaluate FILE.tsv [--retrain CORRECTIONS.tsv] [--errors]   accuracy, P/R/F1, confusion matrix on a labelled file
 *   Evaluate --cv K [--model lr|nb|ens|lr-it]                   k-fold cross-validation of the shipped corpus
 *   Evaluate --grouped-cv K [FILE.tsv] [--model ...]            the same plus FILE, paraphrases kept together
 *   Evaluate --retrain-effect                                    what corrections + a retrain do, on the corpus
 *   Evaluate --embeddings K [FILE.tsv]                          the sentence-embedding experiment (issue 16)
 * </pre>
 * Both can be given together. {@code --retrain} evaluates twice: the standard model, then the model retrained
 * with the given examples as staff corrections, which measures what a retrain does.
 */
public final class Evaluate {

    private Evaluate() {
    }

    static final String USAGE = "usage: Evaluate FILE.tsv [--retrain CORRECTIONS.tsv] [--errors] [--model lr|nb|ens|lr-it]"
            + " | --cv K [--model lr|nb|ens|lr-it] | --grouped-cv K [FILE.tsv] [--errors] | --embeddings K [FILE.tsv]"
            + " | --retrain-effect";

    /** A wrong command line: said with the usage, exit 2, before any work (a report is not printed first). */
    static final class UsageError extends IllegalArgumentException {
        UsageError(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (UsageError e) {
            System.err.println("classifier-eval: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            // A command-line tool: a readable line, not a stack trace (bad path, bad label, bad number).
            System.err.println("classifier-eval: " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file " + e.getMessage() : e.getMessage()));
            System.exit(1);
        }
    }

    static int run(String[] args, PrintStream out) throws IOException {
        Path file = null;
        Path corrections = null;
        int folds = 0;
        int groupedFolds = 0;
        int embeddingFolds = 0;
        boolean errors = false;
        boolean retrainEffect = false;
        ModelKind kind = ModelKind.LOGISTIC_REGRESSION;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--cv" -> folds = folds(arg, value(args, ++i, arg));
                case "--grouped-cv" -> groupedFolds = folds(arg, value(args, ++i, arg));
                case "--embeddings" -> embeddingFolds = folds(arg, value(args, ++i, arg));
                case "--retrain" -> corrections = Path.of(value(args, ++i, arg));
                case "--errors" -> errors = true;
                case "--retrain-effect" -> retrainEffect = true;
                case "--model" -> kind = modelKind(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageError("unknown option " + arg);
                    }
                    if (file != null) {
                        throw new UsageError("one FILE.tsv only, not " + file + " and " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null && folds == 0 && groupedFolds == 0 && embeddingFolds == 0 && !retrainEffect) {
            out.println(USAGE);
            return 2;
        }
        // Every file is read before the first line of a report: a wrong one is not found after minutes of work.
        List<LabelledText> items = file == null ? List.of() : labelled(file);
        List<LabelledText> extra = corrections == null ? List.of() : labelled(corrections);
        printCorpus(out);
        if (folds > 0) {
            crossValidate(folds, kind, out);
        }
        if (groupedFolds > 0) {
            GroupedCrossValidation.print(groupedFolds, kind, items, errors, out);
        }
        if (embeddingFolds > 0) {
            embeddingExperiment(embeddingFolds, items, out);
        }
        if (retrainEffect) {
            RetrainEffect.print(Corpus.shipped(), out);
        }
        if (file != null && groupedFolds == 0 && embeddingFolds == 0) {
            long start = System.nanoTime();
            TicketClassifier model = kind == ModelKind.LOGISTIC_REGRESSION ? TicketClassifiers.standard()
                    : TrainedClassifier.train(kind, Corpus.shipped(), kind.temperature);
            out.printf(Locale.ROOT, "%ntrained on %d examples in %d ms%n", Corpus.shipped().size(),
                    (System.nanoTime() - start) / 1_000_000);
            out.printf(Locale.ROOT, "%n== %s ==%n", file);
            evaluate(model, items, errors, out);
            if (corrections != null) {
                out.printf(Locale.ROOT, "%n== %s after a retrain with %d corrections from %s ==%n", file, extra.size(),
                        corrections);
                evaluate(model.retrainedWith(extra), items, errors, out);
            }
        }
        return 0;
    }

    /**
     * Looked up, not linked: the experiment and its model's 128 MB of dependencies are built only with the lab's
     * {@code embeddings} profile, so everyone else's build stays small.
     */
    private static void embeddingExperiment(int k, List<LabelledText> items, PrintStream out) {
        try {
            Class.forName("campus.helpdesk.classify.EmbeddingExperiment")
                    .getDeclaredMethod("print", int.class, List.class, PrintStream.class)
                    .invoke(null, k, items, out);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("--embeddings needs classifier-lab built with -Pembeddings", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printCorpus(PrintStream out) {
        out.println("corpus (examples per language and category)");
        out.printf(Locale.ROOT, "  %-4s %9s %9s %9s %6s%n", "", "FACILITY", "IT", "SERVICES", "total");
        int[] totals = new int[ModelKind.CLASSES];
        for (String language : Corpus.LANGUAGES) {
            int[] n = new int[ModelKind.CLASSES];
            for (LabelledText t : Corpus.shipped(language)) {
                n[t.category().ordinal()]++;
                totals[t.category().ordinal()]++;
            }
            out.printf(Locale.ROOT, "  %-4s %9d %9d %9d %6d%n", language, n[0], n[1], n[2], n[0] + n[1] + n[2]);
        }
        out.printf(Locale.ROOT, "  %-4s %9d %9d %9d %6d%n", "all", totals[0], totals[1], totals[2],
                totals[0] + totals[1] + totals[2]);
    }

    private static void crossValidate(int folds, ModelKind kind, PrintStream out) {
        long start = System.nanoTime();
        CrossValidation.OutOfFold oof = CrossValidation.run(Corpus.shipped(), folds, kind);
        double temperature = CrossValidation.fitTemperature(oof);
        out.printf(Locale.ROOT, "%n== %d-fold cross-validation of the corpus, %s (%d ms) ==%n", folds, kind,
                (System.nanoTime() - start) / 1_000_000);
        ConfusionMatrix matrix = new ConfusionMatrix();
        Map<String, ConfusionMatrix> byLanguage = new TreeMap<>();
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        int offset = 0;
        for (String language : Corpus.LANGUAGES) {
            ConfusionMatrix m = new ConfusionMatrix();
            int size = Corpus.shipped(language).size();
            for (int i = offset; i < offset + size; i++) {
                double[] p = oof.logits().get(i).clone();
                LinearModel.softmax(p, kind.temperature); // calibration of what the product ships
                int best = Best.of(p);
                Category truth = oof.items().get(i).category();
                m.add(truth, Category.values()[best]);
                outcomes.add(new Calibration.Outcome(p[best], best == truth.ordinal()));
            }
            offset += size;
            byLanguage.put(language, m);
            matrix.addAll(m);
        }
        matrix.print(out);
        out.print("accuracy per language:");
        byLanguage.forEach((l, m) -> out.printf(Locale.ROOT, "  %s %.1f %%", l, 100 * m.accuracy()));
        out.printf(Locale.ROOT, "%nfitted softmax temperature %.2f (log-loss %.3f; at T=1 %.3f; in use %.2f: %.3f)%n",
                temperature, CrossValidation.logLoss(oof, temperature), CrossValidation.logLoss(oof, 1.0),
                kind.temperature, CrossValidation.logLoss(oof, kind.temperature));
        Calibration.print(outcomes, out);
    }

    private static void evaluate(TicketClassifier model, List<LabelledText> items, boolean errors, PrintStream out) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (LabelledText item : items) {
            Classification c = model.classify(item.text());
            matrix.add(item.category(), c.category());
            outcomes.add(new Calibration.Outcome(c.confidence(), c.category() == item.category()));
            if (c.category() != item.category()) {
                wrong.add("  " + mistake(item.category(), c.category(), c.confidence(), item.text()));
            }
        }
        matrix.print(out);
        Latency.print(model, items, out);
        Calibration.print(outcomes, out);
        if (errors) {
            out.println("mistakes (true -> predicted, confidence, text)");
            wrong.forEach(out::println);
        }
    }

    /** One wrong answer as the lab lists it: true -> predicted, confidence, text. */
    static String mistake(Category truth, Category predicted, double confidence, String text) {
        return String.format(Locale.ROOT, "%-8s -> %-8s %.2f  %s", truth, predicted, confidence, text);
    }

    /** Per-item classification time, measured apart from the scoring above. */
    private static final class Latency {

        private static final int PASSES = 15;

        static void print(TicketClassifier model, List<LabelledText> items, PrintStream out) {
            if (items.isEmpty()) {
                return;
            }
            for (int i = 0; i < 5_000; i++) {
                model.classify(items.get(i % items.size()).text()); // warm-up: the JIT, then the steady state
            }
            double[] micros = new double[PASSES];
            long[] perTicket = new long[PASSES * items.size()];
            long[] cpu = new long[perTicket.length];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            int n = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                long start = System.nanoTime();
                for (LabelledText item : items) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    model.classify(item.text());
                    perTicket[n] = System.nanoTime() - t0;
                    cpu[n++] = threads.getCurrentThreadCpuTime() - c0;
                }
                micros[pass] = (System.nanoTime() - start) / 1000.0 / items.size();
            }
            java.util.Arrays.sort(micros);
            java.util.Arrays.sort(perTicket);
            java.util.Arrays.sort(cpu);
            // The median pass: on a shared machine single passes swing with other processes' load.
            out.printf(Locale.ROOT, "time per item %.3f ms (median of %d passes; fastest %.0f us, slowest %.0f us)%n",
                    micros[PASSES / 2] / 1000, PASSES, micros[0], micros[PASSES - 1]);
            // Per ticket, over every pass: the tail a reporter can meet, other processes' pauses included.
            out.printf(Locale.ROOT, "per ticket p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d classifications)%n",
                    perTicket[n / 2] / 1e6, perTicket[(int) (n * 0.99)] / 1e6, perTicket[n - 1] / 1e6, n);
            // CPU time of this thread: what the model costs, without the waits for a core on a busy machine.
            out.printf(Locale.ROOT, "per ticket CPU time p50 %.3f ms, p99 %.3f ms%n", cpu[n / 2] / 1e6,
                    cpu[(int) (n * 0.99)] / 1e6);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }

    private static int folds(String option, String value) {
        try {
            int k = Integer.parseInt(value);
            if (k >= 2 && k <= 100) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(option + " needs a number of folds from 2 to 100, not " + value);
    }

    private static ModelKind modelKind(String name) {
        return switch (name) {
            case "lr" -> ModelKind.LOGISTIC_REGRESSION;
            case "nb" -> ModelKind.NAIVE_BAYES;
            case "ens" -> ModelKind.ENSEMBLE;
            case "lr-it" -> ModelKind.IT_WEIGHTED;
            default -> throw new UsageError("--model must be lr, nb, ens or lr-it, not " + name);
        };
    }

    /** A labelled file, or a sentence naming it when it cannot be one (a folder, unreadable, no tickets in it). */
    private static List<LabelledText> labelled(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder, not a file of labelled tickets");
        }
        List<LabelledText> items = Corpus.read(file);
        if (items.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no labelled tickets (label<TAB>text, one per line)");
        }
        return items;
    }
}
