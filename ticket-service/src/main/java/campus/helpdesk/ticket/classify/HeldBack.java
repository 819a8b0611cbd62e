package campus.helpdesk.ticket.classify;

import campus.helpdesk.classify.LabelledText;
import campus.helpdesk.classify.TicketClassifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored corrections cut in two: every fifth one by id (the 1st, 6th, 11th, …) is held back to judge a
 * retrain, the rest train it. The cut depends only on the order of the corrections, so a correction stays on its
 * side from one retrain to the next and the figures of two retrains are comparable.
 */
record HeldBack(List<LabelledText> judge, List<LabelledText> train) {

    static final int EVERY = 5;
    /** Below this, one correction would swing the accuracy by half or more: no judgement worth the name. */
    static final int MINIMUM = 2;
    /** The fewest stored corrections that hold back {@link #MINIMUM}: the 1st and the 6th. */
    static final int CORRECTIONS_NEEDED = (MINIMUM - 1) * EVERY + 1;

    /** {@code byId}: the stored corrections, oldest first. */
    static HeldBack split(List<LabelledText> byId) {
        List<LabelledText> judge = new ArrayList<>();
        List<LabelledText> train = new ArrayList<>();
        for (int i = 0; i < byId.size(); i++) {
            (i % EVERY == 0 ? judge : train).add(byId.get(i));
        }
        return new HeldBack(List.copyOf(judge), List.copyOf(train));
    }

    boolean enoughToJudge() {
        return judge.size() >= MINIMUM;
    }

    /** The share of held-back corrections the model puts in the category staff chose. */
    double accuracyOf(TicketClassifier model) {
        if (judge.isEmpty()) {
            throw new IllegalStateException("nothing held back to judge with");
        }
        long right = judge.stream().filter(t -> model.classify(t.text()).category() == t.category()).count();
        return (double) right / judge.size();
    }
}
