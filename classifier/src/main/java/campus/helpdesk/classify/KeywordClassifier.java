package campus.helpdesk.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Classification;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A placeholder baseline until the trained classifier lands: counts a few keywords per category. */
final class KeywordClassifier implements TicketClassifier {

    static final KeywordClassifier INSTANCE = new KeywordClassifier();

    private static final Map<Category, List<String>> WORDS = Map.of(
            Category.FACILITY, List.of("lift", "elevator", "leak", "heating", "light", "door", "toilet", "window",
                    "ascensore", "room", "broken", "water"),
            Category.IT, List.of("wifi", "eduroam", "moodle", "password", "login", "printer", "computer", "email",
                    "network", "laptop", "app"),
            Category.SERVICES, List.of("canteen", "price", "staff", "registrar", "fee", "opening", "hours", "rude",
                    "queue", "library"));

    @Override
    public Classification classify(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Map<Category, Double> raw = new EnumMap<>(Category.class);
        double sum = 0;
        for (Category c : Category.values()) {
            double score = 1;
            for (String w : WORDS.get(c)) {
                if (lower.contains(w)) {
                    score += 2;
                }
            }
            raw.put(c, score);
            sum += score;
        }
        Category best = Category.FACILITY;
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            scores.put(c, raw.get(c) / sum);
            if (scores.get(c) > scores.get(best)) {
                best = c;
            }
        }
        double confidence = scores.get(best);
        return new Classification(best, confidence, scores, confidence < 0.6, null);
    }

    @Override
    public TicketClassifier retrainedWith(List<LabelledText> extraExamples) {
        return this;
    }
}
