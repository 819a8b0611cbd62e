package campus.helpdesk.ticket.classify;

import campus.helpdesk.classify.LabelledText;
import campus.helpdesk.classify.TicketClassifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The corrected tickets cut in two: every fifth one in the order they were first corrected (the 1st, 6th, 11th, …)
 * is held back to judge a retrain, the rest train it. The cut depends only on that order, so a ticket stays on its
 * side from one retrain to the next (correcting it again changes its label, not its side) and the figures of two
 * retrains are comparable.
 */
record HeldBack(List<LabelledText> judge, List<LabelledText> train) {

    static final int EVERY = 5;
    /**
     * The fewest held-back tickets a retrain is judged on. With n of them one ticket moves the accuracy by 1/n: with
     * 2 (as until 2026-12-05) a judge read 0 % or 50 % or 100 %, and one ticket set back and forth seven times was
     * both held back and trained on, with contradicting labels, and "improved" from 0 to 50 %. With 10, one ticket
     * moves it by 10 points at most.
     */
    static final int MINIMUM = 10;
    /** The fewest corrected tickets that hold back {@link #MINIMUM}: the 1st, the 6th, …, the 46th. */
    static final int CORRECTIONS_NEEDED = (MINIMUM - 1) * EVERY + 1;

    /** {@code inOrder}: one example per corrected ticket, in the order the tickets were first corrected. */
    static HeldBack split(List<LabelledText> inOrder) {
        List<LabelledText> judge = new ArrayList<>();
        List<LabelledText> train = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            (i % EVERY == 0 ? judge : train).add(inOrder.get(i));
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
