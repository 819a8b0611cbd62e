package campus.helpdesk.classify;

import campus.helpdesk.api.Category;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words a classifier was trained on, which of them say something about a category, and how common each category
 * was. A text without such a word carries no evidence the model can weigh: its features still score, but only by
 * chance or by echoing words every category uses ("AAAA" came out SERVICES at 57 %, the single letter "a" at 99 %,
 * since a text of one feature is scaled to the same length as a whole report). Words, not n-grams, because a person
 * can tell whether a word is known and whether it names anything.
 */
final class Vocabulary {

    /**
     * A word found in at least this share of the training texts of every category is common to all of them and tells
     * none apart: in the shipped corpus the 71 such words are articles, prepositions, pronouns and auxiliaries of the
     * five languages ("the", "la", "no", "il", "et", "ist", "but"), digits and "room" and "office". At 1 % place
     * words joined them ("aula", "mensa", "library"); at 0.5 % words that do carry a category ("hay", "working",
     * "canteen", "parking"). No report of the held-out rounds six and nine is left without evidence at 2 %.
     */
    static final double COMMON_SHARE = 0.02;

    /**
     * A word of fewer letters names nothing in the five languages: articles and conjunctions ("a", "e", "i", "o",
     * "y", "u"), a room's or a building's letter ("B"), a multiplication "x", a number. Two letters can ("PC", "WC").
     */
    static final int MIN_LETTERS = 2;

    private final Set<String> informative;
    private final double[] categoryShares;

    private Vocabulary(Set<String> informative, double[] categoryShares) {
        this.informative = informative;
        this.categoryShares = categoryShares;
    }

    static Vocabulary of(List<LabelledText> corpus, List<LabelledText> corrections) {
        int classes = Category.values().length;
        Map<String, int[]> textsWith = new HashMap<>();
        double[] counts = new double[classes];
        for (List<LabelledText> texts : List.of(corpus, corrections)) {
            for (LabelledText t : texts) {
                int c = t.category().ordinal();
                for (String word : new HashSet<>(TextFeatures.tokens(TextFeatures.normalise(t.text())))) {
                    textsWith.computeIfAbsent(word, w -> new int[classes])[c]++;
                }
                counts[c]++;
            }
        }
        Set<String> informative = new HashSet<>();
        textsWith.forEach((word, perCategory) -> {
            if (letters(word) >= MIN_LETTERS && !commonToEvery(perCategory, counts)) {
                informative.add(word);
            }
        });
        double total = corpus.size() + corrections.size();
        for (int c = 0; c < counts.length; c++) {
            counts[c] = total == 0 ? 1.0 / counts.length : counts[c] / total;
        }
        return new Vocabulary(Set.copyOf(informative), counts);
    }

    private static boolean commonToEvery(int[] textsWith, double[] texts) {
        for (int c = 0; c < texts.length; c++) {
            if (texts[c] == 0 || textsWith[c] < COMMON_SHARE * texts[c]) {
                return false;
            }
        }
        return true;
    }

    private static int letters(String word) {
        return (int) word.chars().filter(Character::isLetter).count();
    }

    /**
     * How many words of the text (normalised as the features are, each counted once) were in the training texts and
     * say something about a category: known, of at least {@link #MIN_LETTERS} letters, not common to every category.
     */
    int evidenceIn(String text) {
        return (int) new HashSet<>(TextFeatures.tokens(TextFeatures.normalise(text))).stream()
                .filter(informative::contains).count();
    }

    /** Each category's share of the training texts (a fresh copy; sums to 1). */
    double[] categoryShares() {
        return categoryShares.clone();
    }
}
