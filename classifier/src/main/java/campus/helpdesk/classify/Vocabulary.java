package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a classifier was trained on and how common each category was. A text none of whose words were ever
 * seen carries no evidence the model can weigh: its character n-grams still score, but only by chance ("AAAA"
 * came out SERVICES at 57 %). Words, not n-grams, because a person can tell whether a word is known.
 */
final class Vocabulary {

    private final Set<String> words;
    private final double[] categoryShares;

    private Vocabulary(Set<String> words, double[] categoryShares) {
        this.words = words;
        this.categoryShares = categoryShares;
    }

    static Vocabulary of(List<LabelledText> corpus, List<LabelledText> corrections) {
        Set<String> words = new HashSet<>();
        double[] counts = new double[Category.values().length];
        for (List<LabelledText> texts : List.of(corpus, corrections)) {
            for (LabelledText t : texts) {
                words.addAll(TextFeatures.tokens(TextFeatures.normalise(t.text())));
                counts[t.category().ordinal()]++;
            }
        }
        double total = corpus.size() + corrections.size();
        for (int c = 0; c < counts.length; c++) {
            counts[c] = total == 0 ? 1.0 / counts.length : counts[c] / total;
        }
        return new Vocabulary(Set.copyOf(words), counts);
    }

    /** Whether at least one word of the text (normalised as the features are) was in the training texts. */
    boolean knowsAWordOf(String text) {
        for (String word : TextFeatures.tokens(TextFeatures.normalise(text))) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Each category's share of the training texts (a fresh copy; sums to 1). */
    double[] categoryShares() {
        return categoryShares.clone();
    }
}
