package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code Evaluate --embeddings K [FILE.tsv]} (issue 16): does an English sentence embedding help on text the model
 * never trained on? On the grouped folds of {@link GroupedCrossValidation} (corpus plus FILE as language "dev") and
 * on FILE scored by models trained on the whole corpus, it compares the product's n-gram model, two heads on the
 * embedding (logistic regression, k nearest neighbours), and the mean of the n-gram and embedding log-probabilities,
 * once for every text and once only for texts {@link LanguageGuess} calls English. Each combination's temperature is
 * fitted on its own out-of-fold scores, as the product's was. It also measures what the embedding costs: model
 * load, embedding the corpus, per-ticket latency and memory.
 */
final class EmbeddingExperiment {

    private static final int CLASSES = ModelKind.CLASSES;
    private static final double NGRAM_T = TrainedClassifier.TEMPERATURE;

    private EmbeddingExperiment() {
    }

    static void print(int k, List<LabelledText> dev, PrintStream out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heap0 = usedHeap();
        long rss0 = rss();
        long wall = System.nanoTime();
        long cpu = processCpu();
        SentenceEmbedding embedding = new SentenceEmbedding();
        embedding.of("warm up the session");
        out.printf(Locale.ROOT, "%n== sentence embedding (all-MiniLM-L6-v2-q) ==%nmodel load and first embedding:"
                        + " %d ms wall, %d ms process CPU; heap +%.1f MB, resident memory +%.1f MB%n",
                (System.nanoTime() - wall) / 1_000_000, (processCpu() - cpu) / 1_000_000,
                (usedHeap() - heap0) / 1e6, (rss() - rss0) / 1e6);

        List<LabelledText> pool = new ArrayList<>();
        List<String> language = new ArrayList<>();
        for (String l : Corpus.LANGUAGES) {
            for (LabelledText t : Corpus.shipped(l)) {
                pool.add(t);
                language.add(l);
            }
        }
        int corpusSize = pool.size();
        for (LabelledText t : dev) {
            pool.add(t);
            language.add("dev");
        }
        wall = System.nanoTime();
        cpu = processCpu();
        float[][] e = new float[pool.size()][];
        for (int i = 0; i < pool.size(); i++) {
            e[i] = embedding.of(pool.get(i).text());
        }
        out.printf(Locale.ROOT, "embedding %d texts: %d ms wall, %d ms process CPU (what embedding the corpus at"
                        + " start would cost; shipped precomputed, the corpus vectors take %.1f MB)%n", pool.size(),
                (System.nanoTime() - wall) / 1_000_000, (processCpu() - cpu) / 1_000_000,
                corpusSize * SentenceEmbedding.DIMENSIONS * 4 / 1e6);
        int englishRight = 0;
        int englishGuessed = 0;
        for (int i = 0; i < corpusSize; i++) {
            boolean guess = LanguageGuess.isEnglish(pool.get(i).text());
            englishGuessed += guess ? 1 : 0;
            englishRight += guess == language.get(i).equals("en") ? 1 : 0;
        }
        out.printf(Locale.ROOT, "English guess on the corpus: right for %.1f %% of texts (%d called English, %d are)%n",
                100.0 * englishRight / corpusSize, englishGuessed, Corpus.shipped("en").size());

        int[] y = new int[pool.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = pool.get(i).category().ordinal();
        }
        int[] group = ParaphraseGroups.of(pool);
        int[] fold = ParaphraseGroups.folds(pool, group, k);
        List<double[]> ngram = CrossValidation.run(pool, fold, k, ModelKind.LOGISTIC_REGRESSION).logits();
        double[][] lr = new double[pool.size()][];
        double[][] knn = new double[pool.size()][];
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            Heads heads = Heads.train(train, e, y);
            for (int i = 0; i < pool.size(); i++) {
                if (fold[i] == f) {
                    lr[i] = heads.lr.logits(e[i]);
                    knn[i] = heads.knn.logits(e[i]);
                }
            }
        }
        Variants cv = Variants.of(pool, ngram, Arrays.asList(lr), Arrays.asList(knn), null);
        out.printf(Locale.ROOT, "%n-- %d-fold cross-validation by paraphrase group, %d items --%n", k, pool.size());
        cv.print(pool, language, out);

        if (dev.isEmpty()) {
            return;
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < corpusSize; i++) {
            all.add(i);
        }
        TrainedClassifier full = TrainedClassifier.train(Corpus.shipped());
        Heads heads = Heads.train(all, e, y);
        List<double[]> devNgram = new ArrayList<>();
        List<double[]> devLr = new ArrayList<>();
        List<double[]> devKnn = new ArrayList<>();
        for (int i = corpusSize; i < pool.size(); i++) {
            devNgram.add(full.logits(pool.get(i).text()));
            devLr.add(heads.lr.logits(e[i]));
            devKnn.add(heads.knn.logits(e[i]));
        }
        out.printf(Locale.ROOT, "%n-- development file, models trained on the whole corpus, temperatures from the"
                + " folds above --%n");
        Variants.of(dev, devNgram, devLr, devKnn, cv).print(dev, java.util.Collections.nCopies(dev.size(), "dev"), out);
        latency(embedding, full, heads, dev, threads, out);
    }

    /** The embedding heads trained on some items. */
    private record Heads(DenseSoftmax lr, NearestNeighbours knn) {
        static Heads train(List<Integer> items, float[][] e, int[] y) {
            float[][] x = new float[items.size()][];
            int[] labels = new int[items.size()];
            for (int n = 0; n < items.size(); n++) {
                x[n] = e[items.get(n)];
                labels[n] = y[items.get(n)];
            }
            return new Heads(DenseSoftmax.train(x, labels, CLASSES), new NearestNeighbours(x, labels, CLASSES));
        }
    }

    /** The five models' scores for the same items, each with the temperature that turns them into probabilities. */
    private record Variants(List<String> names, List<List<double[]>> scores, double[] temperature) {

        static Variants of(List<LabelledText> items, List<double[]> ngram, List<double[]> lr, List<double[]> knn,
                           Variants fitted) {
            List<double[]> ngramLog = new ArrayList<>();
            for (double[] s : ngram) {
                ngramLog.add(logSoftmax(s, NGRAM_T));
            }
            double tLr = fitted != null ? fitted.temperature[1] : fit(items, lr);
            double tKnn = fitted != null ? fitted.temperature[2] : fit(items, knn);
            List<double[]> mean = new ArrayList<>();
            List<double[]> english = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                double[] a = ngramLog.get(i);
                double[] b = logSoftmax(lr.get(i), tLr);
                double[] m = new double[CLASSES];
                for (int c = 0; c < CLASSES; c++) {
                    m[c] = (a[c] + b[c]) / 2;
                }
                mean.add(m);
                english.add(LanguageGuess.isEnglish(items.get(i).text()) ? m : a);
            }
            double tMean = fitted != null ? fitted.temperature[3] : fit(items, mean);
            double tEnglish = fitted != null ? fitted.temperature[4] : fit(items, english);
            return new Variants(List.of("n-gram LR (product)", "embedding LR", "embedding 10-NN",
                    "mean n-gram + embedding LR", "same, English texts only"),
                    List.of(ngram, lr, knn, mean, english), new double[] {NGRAM_T, tLr, tKnn, tMean, tEnglish});
        }

        void print(List<LabelledText> items, List<String> language, PrintStream out) {
            for (int v = 0; v < names.size(); v++) {
                ConfusionMatrix matrix = new ConfusionMatrix();
                Map<String, ConfusionMatrix> byLanguage = new TreeMap<>();
                List<Calibration.Outcome> outcomes = new ArrayList<>();
                List<Calibration.Outcome> devOutcomes = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    double[] p = scores.get(v).get(i).clone();
                    LinearModel.softmax(p, temperature[v]);
                    TrainedClassifier.capTheBest(p);
                    int best = Best.of(p);
                    Category truth = items.get(i).category();
                    matrix.add(truth, Category.values()[best]);
                    byLanguage.computeIfAbsent(language.get(i), l -> new ConfusionMatrix())
                            .add(truth, Category.values()[best]);
                    Calibration.Outcome o = new Calibration.Outcome(p[best], best == truth.ordinal());
                    outcomes.add(o);
                    if (language.get(i).equals("dev")) {
                        devOutcomes.add(o);
                    }
                }
                out.printf(Locale.ROOT, "%n[%s] temperature %.2f, expected calibration error %.3f%n", names.get(v),
                        temperature[v], Calibration.error(outcomes));
                out.print("accuracy per language:");
                byLanguage.forEach((l, m) -> out.printf(Locale.ROOT, "  %s %.1f %% (%d)", l, 100 * m.accuracy(),
                        m.total()));
                out.println();
                matrix.print(out);
                GroupedCrossValidation.printReview("all", outcomes, out);
                if (!devOutcomes.isEmpty() && devOutcomes.size() < outcomes.size()) {
                    GroupedCrossValidation.printReview("dev", devOutcomes, out);
                }
            }
        }

        private static double fit(List<LabelledText> items, List<double[]> scores) {
            return CrossValidation.fitTemperature(new CrossValidation.OutOfFold(items, scores));
        }
    }

    /** What one ticket costs with the embedding: embed, both models, the mean. Wall clock and this thread's CPU. */
    private static void latency(SentenceEmbedding embedding, TrainedClassifier ngram, Heads heads,
                                List<LabelledText> items, ThreadMXBean threads, PrintStream out) {
        for (int i = 0; i < 300; i++) {
            embedding.of(items.get(i % items.size()).text());
        }
        int passes = 5;
        long[] wall = new long[passes * items.size()];
        long[] cpu = new long[wall.length];
        long process = processCpu();
        int n = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (LabelledText item : items) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                double[] a = logSoftmax(ngram.logits(item.text()), NGRAM_T);
                double[] b = logSoftmax(heads.lr.logits(embedding.of(item.text())), 1);
                a[0] += b[0];
                wall[n] = System.nanoTime() - t0;
                cpu[n++] = threads.getCurrentThreadCpuTime() - c0;
            }
        }
        long processPerTicket = (processCpu() - process) / n;
        Arrays.sort(wall);
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "%nper ticket with the embedding (%d classifications after 300 warm-up):"
                        + " wall p50 %.2f ms, p99 %.2f ms, max %.2f ms; this thread's CPU p50 %.2f ms, p99 %.2f ms;"
                        + " process CPU %.2f ms on average (ONNX Runtime's own threads included)%n", n,
                wall[n / 2] / 1e6, wall[(int) (n * 0.99)] / 1e6, wall[n - 1] / 1e6, cpu[n / 2] / 1e6,
                cpu[(int) (n * 0.99)] / 1e6, processPerTicket / 1e6);
    }

    static double[] logSoftmax(double[] scores, double temperature) {
        double[] p = scores.clone();
        LinearModel.softmax(p, temperature);
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.log(Math.max(1e-12, p[c]));
        }
        return p;
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Resident set size from /proc (Linux): ONNX Runtime's weights and arenas live outside the Java heap. */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: reported as 0
        }
        return 0;
    }
}
