package campus.helpdesk.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what staff corrections plus a retrain do, on the corpus itself. The corpus is cut into five stratified
 * folds: three train the "shipped" model, one plays the desk's traffic (every ticket the model gets wrong there is
 * corrected by staff), and one is never seen and tells whether the retrain helps or hurts elsewhere.
 */
final class RetrainEffect {

    private RetrainEffect() {
    }

    static void print(List<LabelledText> corpus, PrintStream out) {
        int[] fold = CrossValidation.assignFolds(corpus, 5);
        List<LabelledText> base = new ArrayList<>();
        List<LabelledText> traffic = new ArrayList<>();
        List<LabelledText> unseen = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            (fold[i] == 0 ? unseen : fold[i] == 1 ? traffic : base).add(corpus.get(i));
        }
        TicketClassifier before = TrainedClassifier.train(base);
        List<LabelledText> corrections = traffic.stream()
                .filter(t -> before.classify(t.text()).category() != t.category()).toList();
        long start = System.nanoTime();
        TicketClassifier after = before.retrainedWith(corrections);
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.printf(Locale.ROOT, "%n== effect of a retrain (base model on 3/5 of the corpus, %d examples) ==%n", base.size());
        out.printf(Locale.ROOT, "staff corrected %d of %d traffic tickets; retrain took %d ms%n", corrections.size(),
                traffic.size(), millis);
        out.printf(Locale.ROOT, "corrected tickets right:     before %5.1f %%  after %5.1f %%%n",
                100 * accuracy(before, corrections), 100 * accuracy(after, corrections));
        out.printf(Locale.ROOT, "all traffic tickets right:   before %5.1f %%  after %5.1f %%%n",
                100 * accuracy(before, traffic), 100 * accuracy(after, traffic));
        out.printf(Locale.ROOT, "unseen tickets right:        before %5.1f %%  after %5.1f %%%n",
                100 * accuracy(before, unseen), 100 * accuracy(after, unseen));
    }

    private static double accuracy(TicketClassifier model, List<LabelledText> items) {
        if (items.isEmpty()) {
            return 0;
        }
        long right = items.stream().filter(t -> model.classify(t.text()).category() == t.category()).count();
        return (double) right / items.size();
    }
}
