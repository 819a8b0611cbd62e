package campus.helpdesk.ticket.similar;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A report as a unit vector of what it speaks of: the concepts of {@link Lexicon} (shared across languages) weigh
 * most; a word the lexicon does not know (a room "e12", "forticlient", a name) counts by its first six letters, so
 * "stampanti"/"stampante" or "G2"/"g2" still meet; stop words count for nothing.
 */
record ReportVector(Map<String, Double> weights) {

    private static final double UNKNOWN_WORD = 0.35;
    private static final int WORD_STEM = 6;

    static ReportVector of(String text, Lexicon lexicon) {
        Map<String, Double> weights = new HashMap<>();
        String folded = Lexicon.fold(text);
        if (!folded.isEmpty()) {
            for (String word : folded.split(" ")) {
                if (word.length() < 2 || lexicon.isStopWord(word)) {
                    continue;
                }
                Set<Lexicon.Concept> concepts = lexicon.conceptsOf(word);
                if (concepts.isEmpty()) {
                    // A number alone ("3") is too common to say anything; with letters ("b12", "g2") it names a room.
                    if (!word.chars().allMatch(Character::isDigit)) {
                        weights.merge("w:" + word.substring(0, Math.min(WORD_STEM, word.length())), UNKNOWN_WORD,
                                Math::max);
                    }
                } else {
                    for (Lexicon.Concept concept : concepts) {
                        weights.merge(concept.name(), concept.weight(), Math::max);
                    }
                }
            }
        }
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        if (norm > 0) {
            weights.replaceAll((k, w) -> w / norm);
        }
        return new ReportVector(Map.copyOf(weights));
    }

    boolean isEmpty() {
        return weights.isEmpty();
    }

    /** Cosine similarity (both are unit vectors): 0 for nothing shared, 1 for the same. */
    double cosine(ReportVector other) {
        Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
        Map<String, Double> large = small == weights ? other.weights : weights;
        double sum = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                sum += e.getValue() * w;
            }
        }
        return Math.min(1, sum);
    }
}
